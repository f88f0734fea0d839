// The indexer against a database that misbehaves: every connection goes through a TCP fault proxy
// that cuts connections in the middle of transactions, refuses new ones, delays answers, and now and
// then "restarts" Postgres (every connection dropped at once, the next ones refused). The restarts
// are keyed to observed progress (the checkpoint moved), never to the clock. The indexer must log
// each failure with its cause chain, keep going, and end equal to a clean re-index.
// Re-run a failure with TESSERA_SIM_SEED=<seed printed below>.
import { createPrismaClient } from "@tessera/db";
import {
  acquireWriterLock,
  createHealthReporter,
  createJsonRpcClient,
  createLogger,
  type LogEntry,
  runIndexer,
} from "@tessera/indexer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { differences, dumpTables } from "../support/compare.ts";
import { DB_FAULT_KINDS, type DbFaultProxy, startDbFaultProxy } from "../support/db-fault-proxy.ts";
import { CHAIN_ID, type Harness, startHarness } from "../support/indexer-harness.ts";
import { checkAgainstContracts } from "../support/oracle.ts";

const SEED = Number(process.env.TESSERA_SIM_SEED ?? 7_331);
const RESTARTS = 4;
let harness: Harness;
let proxy: DbFaultProxy | undefined;

beforeAll(async () => {
  process.stdout.write(`indexer database faults: seed ${SEED}\n`);
  harness = await startHarness(SEED);
  await harness.workload.run(60);
}, 240_000);

afterAll(async () => {
  await proxy?.close();
  await harness?.close();
});

describe("indexer under database faults", () => {
  it("retries cut, refused and slow connections and restarts, and ends equal to a clean re-index", async () => {
    const target = await harness.database();
    const faulty = await startDbFaultProxy({
      upstream: target.url,
      seed: SEED,
      cutInTransaction: 0.04,
      refuse: 0.1,
      slow: 0.03,
      slowMs: 40,
    });
    proxy = faulty;
    const db = createPrismaClient(faulty.urlFor(target.url));
    const entries: LogEntry[] = [];
    const logger = createLogger({
      level: "debug",
      format: "json",
      write: (line) => entries.push(JSON.parse(line) as LogEntry),
    });
    const stop = new AbortController();
    const config = harness.config(faulty.urlFor(target.url), {
      pollIntervalMs: 20,
      retryBaseDelayMs: 10,
      retryMaxDelayMs: 200,
    });
    const health = createHealthReporter(db, CHAIN_ID);
    const running = runIndexer(
      {
        config,
        rpc: createJsonRpcClient({ url: harness.rpcUrl, baseDelayMs: 5, maxDelayMs: 50 }),
        db,
        logger,
      },
      stop.signal,
      { health, acquireLock: () => acquireWriterLock(config.databaseUrl, CHAIN_ID, { pollMs: 20 }) },
    );
    const checkpoint = async () =>
      (await target.db.indexerCheckpoint.findUnique({ where: { chainId: CHAIN_ID } }))?.blockNumber ?? -1n;
    const progressed = async (from: bigint) => {
      while ((await checkpoint()) <= from) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    for (let restart = 0; restart < RESTARTS; restart++) {
      // Restart Postgres (as the indexer sees it) once the indexer made progress, while the chain moves.
      await progressed(await checkpoint());
      faulty.restart(3);
      await harness.workload.run(8);
    }
    const head = await harness.publicClient.getBlock();
    for (;;) {
      const row = await target.db.indexerCheckpoint.findUnique({ where: { chainId: CHAIN_ID } });
      if (row?.blockNumber === head.number && row.blockHash === head.hash) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stop.abort();
    await running;
    await db.$disconnect();

    const faults = faulty.counts();
    const retries = entries.filter((e) => e.msg === "indexer pass failed; retrying");
    const byKind = DB_FAULT_KINDS.map((kind) => `${kind} ${faults[kind]}`).join(", ");
    const retriedKinds = new Map<string, number>();
    for (const e of retries) retriedKinds.set(String(e.kind), (retriedKinds.get(String(e.kind)) ?? 0) + 1);
    const retriedAs = [...retriedKinds].map(([kind, n]) => `${kind} ${n}`).join(", ");
    process.stdout.write(
      `db faults: ${byKind}; connections ${faults.connections}; failed passes retried: ${retries.length} (${retriedAs})\n`,
    );
    for (const kind of DB_FAULT_KINDS) expect(faults[kind], `${kind} faults injected`).toBeGreaterThan(0);
    expect(retries.length).toBeGreaterThan(0);
    // Each retry names its kind and the whole cause chain.
    for (const entry of retries) {
      expect(entry.kind).toMatch(
        /^(database-connection|database-transient|writer-lock-lost|checkpoint-moved)$/,
      );
      expect(String(entry.cause).length).toBeGreaterThan(0);
    }
    expect(entries.filter((e) => e.msg.startsWith("indexer stopped"))).toEqual([]);

    const oracle = await checkAgainstContracts(target.db, harness.publicClient, harness.contracts, CHAIN_ID);
    expect(oracle.mismatches).toEqual([]);
    const clean = await harness.database();
    await harness.index(clean.db, clean.url);
    expect(differences(await dumpTables(target.db, CHAIN_ID), await dumpTables(clean.db, CHAIN_ID))).toEqual(
      [],
    );
  }, 600_000);
});
