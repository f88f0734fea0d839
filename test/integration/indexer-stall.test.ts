// A chain whose blocks do not link up (a block reports a parent hash that is not its predecessor's:
// what blocks made by `hardhat_mine` on Hardhat 3 report, all zeros) must not make the indexer re-read
// the same range forever in silence: after a bounded number of reads it logs an error naming the
// blocks and hashes, `status` shows it as stalled and why, and it keeps retrying with backoff.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ChainStalledError,
  createHealthReporter,
  createJsonRpcClient,
  createLogger,
  type LogEntry,
  readStatus,
  runIndexer,
  syncToHead,
} from "@tessera/indexer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAIN_ID, type Harness, startHarness } from "../support/indexer-harness.ts";

const ZERO_HASH = `0x${"0".repeat(64)}`;
let harness: Harness;
let broken: { url: string; close(): Promise<void>; brokenBlock: bigint };

/** The harness's chain, except that `brokenBlock`'s header reports a zero parent hash. */
async function serveBrokenParent(upstream: string, brokenBlock: bigint) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.concat(chunks),
    });
    const body = (await answer.json()) as unknown;
    const fix = (item: { result?: { number?: string; parentHash?: string } | null }) => {
      if (item.result?.number && BigInt(item.result.number) === brokenBlock)
        item.result.parentHash = ZERO_HASH;
      return item;
    };
    const fixed = Array.isArray(body) ? body.map(fix) : fix(body as Parameters<typeof fix>[0]);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(fixed));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    brokenBlock,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  harness = await startHarness(77);
  await harness.workload.run(10);
}, 240_000);

afterAll(async () => {
  await broken?.close();
  await harness?.close();
});

describe("indexer on a chain that does not link up", () => {
  it("gives up a pass after a bounded number of reads, naming the blocks and hashes", async () => {
    const { db, url } = await harness.database();
    await harness.index(db, url);
    const checkpoint = await harness.publicClient.getBlock();
    await harness.workload.run(3);
    broken = await serveBrokenParent(harness.rpcUrl, checkpoint.number + 1n);
    const pass = syncToHead({
      config: harness.config(url, { continuityRetries: 3 }, broken.url),
      rpc: createJsonRpcClient({ url: broken.url }),
      db,
    });
    const error = await pass.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChainStalledError);
    expect((error as ChainStalledError).attempts).toBe(3);
    expect((error as Error).message).toBe(
      `block ${checkpoint.number + 1n} reports parent hash ${ZERO_HASH}, but block ${checkpoint.number} is ${checkpoint.hash} (still after 3 reads): the node's chain does not link up`,
    );
  }, 60_000);

  it("logs the stall as an error, shows it in status, and keeps retrying with backoff", async () => {
    const { db, url } = await harness.database();
    const entries: LogEntry[] = [];
    const logger = createLogger({
      format: "json",
      write: (line) => entries.push(JSON.parse(line) as LogEntry),
    });
    await harness.index(db, url);
    await harness.workload.run(2);
    const checkpoint = await db.indexerCheckpoint.findUniqueOrThrow({ where: { chainId: CHAIN_ID } });
    await broken.close();
    broken = await serveBrokenParent(harness.rpcUrl, checkpoint.blockNumber + 1n);
    const stop = new AbortController();
    const health = createHealthReporter(db, CHAIN_ID);
    const running = runIndexer(
      {
        config: harness.config(
          url,
          { continuityRetries: 2, retryBaseDelayMs: 5, retryMaxDelayMs: 20 },
          broken.url,
        ),
        rpc: createJsonRpcClient({ url: broken.url }),
        db,
        logger,
      },
      stop.signal,
      { health },
    );
    // Wait for the second stalled pass: the first was retried, not the end of the indexer.
    while (entries.filter((e) => e.msg.startsWith("indexer stalled")).length < 2)
      await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    await running;

    const stalled = entries.find((e) => e.msg.startsWith("indexer stalled"));
    expect(stalled).toMatchObject({
      level: "error",
      kind: "chain-stalled",
      block: String(checkpoint.blockNumber + 1n),
      parentHash: ZERO_HASH,
      checkpointBlock: String(checkpoint.blockNumber),
      checkpointHash: checkpoint.blockHash,
    });
    expect(Number(stalled?.retryInMs)).toBeGreaterThan(0);
    const status = await readStatus(db, CHAIN_ID, await harness.publicClient.getBlockNumber(), 0);
    expect(status.indexer).toMatchObject({ state: "stalled" });
    expect(status.indexer?.failures).toBeGreaterThanOrEqual(2);
    expect(status.indexer?.reason).toContain(
      `block ${checkpoint.blockNumber + 1n} reports parent hash ${ZERO_HASH}`,
    );
    expect(status.checkpoint).toBe(checkpoint.blockNumber);
    expect(status.lagBlocks).toBeGreaterThan(0n);
  }, 60_000);
});
