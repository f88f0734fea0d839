#!/usr/bin/env node
// `tessera-indexer`: runs the indexer against the chain and database named by the environment.
//   TESSERA_RPC_URL      JSON-RPC endpoint (default http://127.0.0.1:8545)
//   DATABASE_URL         Postgres connection string (required)
//   TESSERA_IGNITION_DIR folder holding Ignition's deployments (default: this repo's contracts/ignition)
//   TESSERA_START_BLOCK, TESSERA_CONFIRMATIONS, TESSERA_POLL_MS  optional tuning
import { fileURLToPath } from "node:url";
import { readDeployment } from "@tessera/abi";
import { createPrismaClient } from "@tessera/db";
import { createPublicClient, http } from "viem";
import { parseIndexerConfig } from "./config.ts";
import { runIndexer } from "./indexer.ts";
import { acquireWriterLock, WriterLockAbortedError } from "./writer-lock.ts";

const env = process.env;
const rpcUrl = env.TESSERA_RPC_URL ?? "http://127.0.0.1:8545";
const ignitionDir =
  env.TESSERA_IGNITION_DIR ?? fileURLToPath(new URL("../../../contracts/ignition", import.meta.url));

function log(message: string, fields: Record<string, unknown> = {}): void {
  const line = { time: new Date().toISOString(), msg: message, ...fields };
  console.log(JSON.stringify(line, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

async function main(): Promise<void> {
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 5 }) });
  const chainId = await client.getChainId();
  const deployment = await readDeployment(ignitionDir, chainId);
  const config = parseIndexerConfig({
    rpcUrl,
    chainId,
    databaseUrl: env.DATABASE_URL,
    contracts: deployment.contracts,
    startBlock: env.TESSERA_START_BLOCK,
    confirmations: env.TESSERA_CONFIRMATIONS,
    pollIntervalMs: env.TESSERA_POLL_MS,
  });
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());

  let lock: Awaited<ReturnType<typeof acquireWriterLock>>;
  try {
    lock = await acquireWriterLock(config.databaseUrl, chainId, {
      signal: stop.signal,
      onWaiting: () => log("another indexer writes this chain; waiting as a hot standby", { chainId }),
    });
  } catch (error) {
    if (error instanceof WriterLockAbortedError) return log("indexer stopped while on standby");
    throw error;
  }
  const db = createPrismaClient(config.databaseUrl);
  log("indexer started", { chainId, rpcUrl, contracts: config.contracts });
  try {
    await runIndexer({ config, client, db, log }, stop.signal);
  } finally {
    await db.$disconnect();
    await lock.release();
    log("indexer stopped");
  }
}

main().catch((error: unknown) => {
  console.error(`tessera-indexer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
