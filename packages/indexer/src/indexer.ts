// The indexing loop: from the checkpoint to the safe head in bounded ranges (backfill), then poll for
// new blocks (follow). Reorg handling, adaptive ranges and RPC retries grow here (issue 4).
import type { PrismaClient } from "@tessera/db";
import type { PublicClient } from "viem";
import type { IndexerConfig } from "./config.ts";
import { fetchDecodedLogs } from "./logs.ts";
import { readCheckpoint, writeBatch } from "./store.ts";

export type IndexerDeps = {
  config: IndexerConfig;
  client: PublicClient;
  db: PrismaClient;
  log?: (message: string, fields?: Record<string, unknown>) => void;
};

export type SyncResult = { fromBlock: bigint; toBlock: bigint; events: number } | null;

/** Indexes everything between the checkpoint and the safe head; null when already there. */
export async function syncToHead({ config, client, db, log }: IndexerDeps): Promise<SyncResult> {
  const head = await client.getBlockNumber({ cacheTime: 0 });
  const safeHead = head - BigInt(config.confirmations);
  const checkpoint = await readCheckpoint(db, config.chainId);
  const fromBlock = checkpoint ? checkpoint.blockNumber + 1n : config.startBlock;
  if (safeHead < fromBlock) return null;

  let events = 0;
  for (let start = fromBlock; start <= safeHead; start += BigInt(config.maxBlockRange)) {
    const end = min(start + BigInt(config.maxBlockRange) - 1n, safeHead);
    const logs = await fetchDecodedLogs(client, config.contracts, start, end);
    const endBlock = await client.getBlock({ blockNumber: end });
    await writeBatch(db, config.chainId, logs, { blockNumber: end, blockHash: endBlock.hash });
    events += logs.length;
    log?.("indexed", { fromBlock: start, toBlock: end, events: logs.length });
  }
  return { fromBlock, toBlock: safeHead, events };
}

/** Syncs, then keeps following the chain until `signal` aborts. */
export async function runIndexer(deps: IndexerDeps, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await syncToHead(deps);
    await sleep(deps.config.pollIntervalMs, signal);
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
