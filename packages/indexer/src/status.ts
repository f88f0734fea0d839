// Where the indexer stands for a chain: the chain's head, the checkpoint, and how far behind it is.
import type { PrismaClient } from "@tessera/db";
import type { Health } from "./health.ts";

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
  /** What the running indexer last reported: "running", "retrying" or "stalled", and why; null
   *  before an indexer ever ran against this database. */
  indexer: { state: string; reason: string | null; since: Date; failures: number } | null;
};

export async function readStatus(
  db: PrismaClient,
  chainId: number,
  head: bigint,
  confirmations: number,
  live?: Health,
): Promise<IndexerStatus> {
  const [checkpoint, events, stored] = await Promise.all([
    db.indexerCheckpoint.findUnique({ where: { chainId } }),
    db.chainEvent.count({ where: { chainId } }),
    live ? Promise.resolve(null) : db.indexerHealth.findUnique({ where: { chainId } }),
  ]);
  const health = live ?? stored;
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
    indexer: health
      ? { state: health.state, reason: health.reason, since: health.since, failures: health.failures }
      : null,
  };
}
