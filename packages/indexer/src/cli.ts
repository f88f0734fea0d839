#!/usr/bin/env node
// `tessera-indexer [run|status]`: runs the indexer, or prints where it stands, for the chain and
// database named by the environment.
//   TESSERA_RPC_URL      JSON-RPC endpoint (default http://127.0.0.1:8545)
//   DATABASE_URL         Postgres connection string (required)
//   TESSERA_IGNITION_DIR folder holding Ignition's deployments (default: this repo's contracts/ignition)
//   TESSERA_CONTRACTS    JSON of the four contract addresses, instead of reading the deployment
//   TESSERA_START_BLOCK (default: the deployment's first block, from Ignition's journal), TESSERA_CONFIRMATIONS, TESSERA_POLL_MS, TESSERA_REORG_WINDOW,
//   TESSERA_INITIAL_RANGE, TESSERA_MAX_RANGE, TESSERA_RPC_TIMEOUT_MS  optional tuning
//   TESSERA_STATUS_PORT  serve GET /status (head, checkpoint, lag, RPC counters) on 127.0.0.1:<port>
//   LOG_LEVEL (debug|info|warn|error), TESSERA_LOG_FORMAT (json|pretty)
import { fileURLToPath } from "node:url";
import { readDeployment } from "@tessera/abi";
import { createPrismaClient } from "@tessera/db";
import { parseIndexerConfig } from "./config.ts";
import { runIndexer } from "./indexer.ts";
import { createLogger, loggerOptionsFromEnv } from "./log.ts";
import { createProgressReporter } from "./progress.ts";
import { getHeadBlockNumber } from "./rpc/blocks.ts";
import { createJsonRpcClient } from "./rpc/json-rpc.ts";
import { readStatus } from "./status.ts";
import { startStatusServer } from "./status-server.ts";
import { acquireWriterLock, WriterLockAbortedError } from "./writer-lock.ts";

const USAGE = "usage: tessera-indexer [run|status]";
const env = process.env;
const rpcUrl = env.TESSERA_RPC_URL ?? "http://127.0.0.1:8545";
const ignitionDir =
  env.TESSERA_IGNITION_DIR ?? fileURLToPath(new URL("../../../contracts/ignition", import.meta.url));
const logger = createLogger(loggerOptionsFromEnv());

async function main(command: string): Promise<void> {
  if (command !== "run" && command !== "status") throw new Error(`unknown command "${command}"\n${USAGE}`);
  const rpc = createJsonRpcClient(
    { url: rpcUrl, ...(env.TESSERA_RPC_TIMEOUT_MS ? { timeoutMs: Number(env.TESSERA_RPC_TIMEOUT_MS) } : {}) },
    { logger: logger.child({ component: "rpc" }) },
  );
  const chainId = Number(BigInt(await rpc.request<string>("eth_chainId")));
  const deployment = env.TESSERA_CONTRACTS ? undefined : await readDeployment(ignitionDir, chainId);
  const contracts = env.TESSERA_CONTRACTS ? JSON.parse(env.TESSERA_CONTRACTS) : deployment?.contracts;
  const config = parseIndexerConfig({
    rpcUrl,
    chainId,
    databaseUrl: env.DATABASE_URL,
    contracts,
    initialBlockRange: env.TESSERA_INITIAL_RANGE,
    maxBlockRange: env.TESSERA_MAX_RANGE,
    // The deployment's first block, unless told otherwise: nothing of Tessera's is older.
    startBlock: env.TESSERA_START_BLOCK ?? deployment?.startBlock,
    confirmations: env.TESSERA_CONFIRMATIONS,
    pollIntervalMs: env.TESSERA_POLL_MS,
    reorgWindow: env.TESSERA_REORG_WINDOW,
  });
  const db = createPrismaClient(config.databaseUrl);
  if (command === "status") {
    try {
      const status = await readStatus(db, chainId, await getHeadBlockNumber(rpc), config.confirmations);
      process.stdout.write(
        `${JSON.stringify(status, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`,
      );
    } finally {
      await db.$disconnect();
    }
    return;
  }

  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  let lock: Awaited<ReturnType<typeof acquireWriterLock>>;
  try {
    lock = await acquireWriterLock(config.databaseUrl, chainId, {
      signal: stop.signal,
      onWaiting: () =>
        logger.info("another indexer writes this chain; waiting as a hot standby", { chainId }),
    });
  } catch (error) {
    await db.$disconnect();
    if (error instanceof WriterLockAbortedError) return logger.info("indexer stopped while on standby");
    throw error;
  }
  const statusServer = env.TESSERA_STATUS_PORT
    ? await startStatusServer({
        port: Number(env.TESSERA_STATUS_PORT),
        db,
        rpc,
        chainId,
        confirmations: config.confirmations,
      })
    : undefined;
  logger.info("indexer started", { chainId, rpcUrl, contracts: config.contracts, status: statusServer?.url });
  try {
    await runIndexer(
      {
        config,
        rpc,
        db,
        logger,
        // A bar only for a real backfill; following the head moves a few blocks at a time.
        progress: (totalBlocks) =>
          totalBlocks > 1_000 ? createProgressReporter({ totalBlocks, logger }) : undefined,
      },
      stop.signal,
    );
  } finally {
    await statusServer?.close();
    await db.$disconnect();
    await lock.release();
    logger.info("indexer stopped");
  }
}

main(process.argv[2] ?? "run").catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
