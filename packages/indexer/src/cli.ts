#!/usr/bin/env node
// `tessera-indexer [run|status]`: runs the indexer, or prints where it stands, for the chain and
// database named by the environment.
//   TESSERA_RPC_URL      JSON-RPC endpoint (default http://127.0.0.1:8545)
//   DATABASE_URL         Postgres connection string (default: the running `./scripts/dev` stack's,
//                        which it records in .tessera/dev.json)
//   TESSERA_IGNITION_DIR folder holding Ignition's deployments (default: this repo's contracts/ignition)
//   TESSERA_CONTRACTS    JSON of the four contract addresses, instead of reading the deployment
//   TESSERA_START_BLOCK (default: the deployment's first block, from Ignition's journal), TESSERA_CONFIRMATIONS, TESSERA_POLL_MS, TESSERA_REORG_WINDOW,
//   TESSERA_INITIAL_RANGE, TESSERA_MAX_RANGE, TESSERA_RPC_TIMEOUT_MS, TESSERA_RETRY_BASE_MS,
//   TESSERA_RETRY_MAX_MS, TESSERA_CONTINUITY_RETRIES  optional tuning
//   TESSERA_STATUS_PORT  serve GET /status (head, checkpoint, lag, RPC counters) on 127.0.0.1:<port>
//   LOG_LEVEL (debug|info|warn|error), TESSERA_LOG_FORMAT (json|pretty)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDeployment } from "@tessera/abi";
import { createPrismaClient } from "@tessera/db";
import { parseIndexerConfig } from "./config.ts";
import { causeChain, classifyFailure, describeChain } from "./errors.ts";
import { createHealthReporter } from "./health.ts";
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
const devStackFile = fileURLToPath(new URL("../../../.tessera/dev.json", import.meta.url));
const devStack = readDevStack();
const rpcUrl = env.TESSERA_RPC_URL ?? devStack?.rpcUrl ?? "http://127.0.0.1:8545";
const databaseUrl = env.DATABASE_URL ?? devStack?.databaseUrl;
const ignitionDir =
  env.TESSERA_IGNITION_DIR ?? fileURLToPath(new URL("../../../contracts/ignition", import.meta.url));
const logger = createLogger(loggerOptionsFromEnv());

async function main(command: string): Promise<void> {
  if (command !== "run" && command !== "status") throw new Error(`unknown command "${command}"\n${USAGE}`);
  const rpc = createJsonRpcClient(
    { url: rpcUrl, ...(env.TESSERA_RPC_TIMEOUT_MS ? { timeoutMs: Number(env.TESSERA_RPC_TIMEOUT_MS) } : {}) },
    { logger: logger.child({ component: "rpc" }) },
  );
  const chainId = await untilAnswered(() => rpc.request<string>("eth_chainId"), "eth_chainId");
  const deployment = env.TESSERA_CONTRACTS ? undefined : await readDeployment(ignitionDir, chainId);
  const contracts = env.TESSERA_CONTRACTS ? JSON.parse(env.TESSERA_CONTRACTS) : deployment?.contracts;
  if (!databaseUrl)
    throw new Error(
      "no database: set DATABASE_URL, or start the dev stack (./scripts/dev), which records its database in .tessera/dev.json",
    );
  const config = parseIndexerConfig({
    rpcUrl,
    chainId,
    databaseUrl,
    contracts,
    initialBlockRange: env.TESSERA_INITIAL_RANGE,
    maxBlockRange: env.TESSERA_MAX_RANGE,
    // The deployment's first block, unless told otherwise: nothing of Tessera's is older.
    startBlock: env.TESSERA_START_BLOCK ?? deployment?.startBlock,
    confirmations: env.TESSERA_CONFIRMATIONS,
    pollIntervalMs: env.TESSERA_POLL_MS,
    reorgWindow: env.TESSERA_REORG_WINDOW,
    retryBaseDelayMs: env.TESSERA_RETRY_BASE_MS,
    retryMaxDelayMs: env.TESSERA_RETRY_MAX_MS,
    continuityRetries: env.TESSERA_CONTINUITY_RETRIES,
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
  const health = createHealthReporter(db, chainId);
  const statusServer = env.TESSERA_STATUS_PORT
    ? await startStatusServer({
        port: Number(env.TESSERA_STATUS_PORT),
        db,
        rpc,
        chainId,
        confirmations: config.confirmations,
        health,
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
      {
        health,
        acquireLock: async () => {
          const lock = await acquireWriterLock(config.databaseUrl, chainId, {
            signal: stop.signal,
            onWaiting: () =>
              logger.info("another indexer writes this chain; waiting as a hot standby", { chainId }),
          });
          logger.info("writer lock taken", { chainId });
          return lock;
        },
      },
    );
  } catch (error) {
    if (!(error instanceof WriterLockAbortedError)) throw error;
    logger.info("indexer stopped while on standby");
  } finally {
    await statusServer?.close();
    await db.$disconnect();
    logger.info("indexer stopped");
  }
}

/** The chain id, asked until the node answers: a node that is briefly away at start (or a flaky
 *  provider that exhausts the client's own retries) must not end the indexer before it began.
 *  Only retryable failures are retried, with capped backoff, 20 times at most. */
async function untilAnswered(ask: () => Promise<string>, what: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return Number(BigInt(await ask()));
    } catch (error) {
      const failure = classifyFailure(error);
      if (!failure.retryable || attempt >= 20) throw error;
      const delayMs = Math.min(30_000, 250 * 2 ** Math.min(attempt - 1, 10));
      logger.warn(`${what} failed at start; retrying`, {
        attempt,
        retryInMs: delayMs,
        cause: describeChain(failure.chain),
      });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** The running dev stack's addresses, which `./scripts/dev` writes to .tessera/dev.json. */
function readDevStack(): { databaseUrl?: string; rpcUrl?: string } | undefined {
  try {
    return JSON.parse(readFileSync(devStackFile, "utf8")) as { databaseUrl?: string; rpcUrl?: string };
  } catch {
    return undefined;
  }
}

main(process.argv[2] ?? "run").catch((error: unknown) => {
  const chain = causeChain(error);
  logger.error(error instanceof Error ? error.message : String(error), {
    cause: describeChain(chain),
    chain,
  });
  process.exit(1);
});
