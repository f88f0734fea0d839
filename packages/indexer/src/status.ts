// Where the indexer stands for a chain: the chain's head, the checkpoint, and how far behind it is.
import type { PrismaClient } from "@tessera/db";
import { readCheckpoint } from "./store.ts";

export type IndexerStatus = {
  chainId: number;
  head: bigint;
  safeHead: bigint;
  checkpoint: bigint | null;
  checkpointHash: string | null;
  /** Blocks between the checkpoint and the safe head. */
  lagBlocks: bigint;
  events: number;
  updatedAt: Date | null;
};

export async function readStatus(
  db: PrismaClient,
  chainId: number,
  head: bigint,
  confirmations: number,
): Promise<IndexerStatus> {
  const checkpoint = await readCheckpoint(db, chainId);
  const row = await db.indexerCheckpoint.findUnique({ where: { chainId }, select: { updatedAt: true } });
  const safeHead = head - BigInt(confirmations);
  const indexed = checkpoint?.blockNumber ?? -1n;
  return {
    chainId,
    head,
    safeHead,
    checkpoint: checkpoint?.blockNumber ?? null,
    checkpointHash: checkpoint?.blockHash ?? null,
    lagBlocks: safeHead > indexed ? safeHead - indexed : 0n,
    events: await db.chainEvent.count({ where: { chainId } }),
    updatedAt: row?.updatedAt ?? null,
  };
}
