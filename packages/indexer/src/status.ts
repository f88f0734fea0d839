// Where the indexer stands for a chain: the chain's head, the checkpoint, and how far behind it is.
import type { PrismaClient } from "@tessera/db";

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
  const [checkpoint, events] = await Promise.all([
    db.indexerCheckpoint.findUnique({ where: { chainId } }),
    db.chainEvent.count({ where: { chainId } }),
  ]);
  const safeHead = head - BigInt(confirmations);
  const indexed = checkpoint?.blockNumber ?? -1n;
  return {
    chainId,
    head,
    safeHead,
    checkpoint: checkpoint?.blockNumber ?? null,
    checkpointHash: checkpoint?.blockHash ?? null,
    lagBlocks: safeHead > indexed ? safeHead - indexed : 0n,
    events,
    updatedAt: checkpoint?.updatedAt ?? null,
  };
}
