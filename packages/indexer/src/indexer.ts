// The indexing loop. Each pass: check that the checkpoint is still on the canonical chain (else find
// the common ancestor and roll back to it), then read logs from the checkpoint to the safe head in
// adaptive ranges, one database transaction per range, then wait for new blocks (follow).
import type { PrismaClient } from "@tessera/db";
import type { IndexerConfig } from "./config.ts";
import { createDecoder, type DecodedEvent } from "./decode.ts";
import {
  ChainStalledError,
  CheckpointMovedError,
  classifyFailure,
  describeChain,
  WriterLockLostError,
} from "./errors.ts";
import type { HealthReporter } from "./health.ts";
import { type Logger, silentLogger } from "./log.ts";
import type { ProgressReporter } from "./progress.ts";
import { apply, type ProjectionContext, touches } from "./projection/handlers/index.ts";
import type { Table } from "./projection/rows.ts";
import { WorkingSet } from "./projection/working-set.ts";
import { type BlockHeader, getBlockHeaders, getHeadBlockNumber } from "./rpc/blocks.ts";
import type { JsonRpcClient } from "./rpc/json-rpc.ts";
import { fetchLogsAdaptive } from "./rpc/logs-range.ts";
import {
  type Checkpoint,
  creditedCurrencies,
  insertRawEvents,
  loadRows,
  lockCheckpoint,
  pruneFinalized,
  readCheckpoint,
  resetChainData,
  rollbackTo,
  storedBlocks,
  writeBatch,
} from "./store.ts";
import type { WriterLock } from "./writer-lock.ts";

export type IndexerDeps = {
  config: IndexerConfig;
  rpc: JsonRpcClient;
  db: PrismaClient;
  logger?: Logger;
  /** Called once per pass that has blocks to index, with how many; returns a progress display (or
   *  nothing, for a pass too small to show one). */
  progress?: (totalBlocks: number) => ProgressReporter | undefined;
};

export type SyncResult = { fromBlock: bigint; toBlock: bigint; events: number; reorgs: number } | null;

/** The chain changed under a range being read (a log's block hash differs from the header's, or the
 *  range's first block does not extend the checkpoint). `block`, `hash` and `expected` say where. */
class ChainMovedError extends Error {
  override name = "ChainMovedError";
  readonly block: bigint;
  readonly found: string;
  readonly expected: { blockNumber: bigint; blockHash: string };
  constructor(
    message: string,
    block: bigint,
    found: string,
    expected: { blockNumber: bigint; blockHash: string },
  ) {
    super(message);
    this.block = block;
    this.found = found;
    this.expected = expected;
  }
}

/** Indexes everything between the checkpoint and the safe head; null when already there. */
export async function syncToHead(deps: IndexerDeps): Promise<SyncResult> {
  const { config, rpc, db } = deps;
  const logger = deps.logger ?? silentLogger;
  let reorgs = 0;
  let moved = 0;
  for (;;) {
    const head = await getHeadBlockNumber(rpc);
    let checkpoint = await readCheckpoint(db, config.chainId);
    if (checkpoint && !(await isCanonical(rpc, checkpoint))) {
      checkpoint = await recoverFromReorg(deps, checkpoint, logger);
      reorgs += 1;
      // The reads that failed were explained by this reorg: the stall budget starts again.
      moved = 0;
    }
    const safeHead = head - BigInt(config.confirmations);
    const fromBlock = checkpoint ? checkpoint.blockNumber + 1n : config.startBlock;
    if (safeHead < fromBlock)
      return reorgs > 0 ? { fromBlock, toBlock: fromBlock - 1n, events: 0, reorgs } : null;
    try {
      const events = await indexRange(deps, checkpoint, fromBlock, safeHead, head, logger);
      return { fromBlock, toBlock: safeHead, events, reorgs };
    } catch (error) {
      if (!(error instanceof ChainMovedError)) throw error;
      moved += 1;
      const where = {
        reason: error.message,
        block: error.block,
        found: error.found,
        expectedBlock: error.expected.blockNumber,
        expectedHash: error.expected.blockHash,
        attempt: moved,
      };
      // A reorg under the reader settles within a read or two; a chain that never links up (blocks
      // whose parent hash is wrong) must not be re-read forever in silence.
      if (moved >= config.continuityRetries)
        throw new ChainStalledError(error.block, error.found, error.expected, moved);
      logger.warn("chain moved while reading; starting the pass again", where);
    }
  }
}

type Session = { decode: ReturnType<typeof createDecoder>; context: ProjectionContext };
const sessions = new WeakMap<IndexerConfig, Session>();

/** The decoder and projection context of a configuration, built once: following the head calls
 *  syncToHead every poll, which must not re-derive ABI layouts or re-read currencies each time.
 *  (After a rollback the currency set may name one no longer credited: that only loads an absent row.) */
async function sessionFor({ config, db }: IndexerDeps): Promise<Session> {
  const known = sessions.get(config);
  if (known) return known;
  const session = {
    decode: createDecoder(config.contracts),
    context: {
      chainId: config.chainId,
      currencies: new Set([
        "0x0000000000000000000000000000000000000000",
        ...(await creditedCurrencies(db, config.chainId)),
      ]),
      payments: new Map(),
    },
  };
  sessions.set(config, session);
  return session;
}

async function indexRange(
  deps: IndexerDeps,
  start: Checkpoint | null,
  fromBlock: bigint,
  toBlock: bigint,
  head: bigint,
  logger: Logger,
): Promise<number> {
  const { config, rpc, db } = deps;
  const { decode, context } = await sessionFor(deps);
  const journalFrom = head - BigInt(config.reorgWindow);
  const progress = deps.progress?.(Number(toBlock - fromBlock + 1n));
  let previous = start;
  let total = 0;
  const chunks = fetchLogsAdaptive(rpc, {
    addresses: Object.values(config.contracts),
    fromBlock,
    toBlock,
    tuning: { initialSpan: config.initialBlockRange, maxSpan: config.maxBlockRange },
    logger,
  })[Symbol.asyncIterator]();
  // Reads (RPC, decoding) run one range ahead of writes, so Node and Postgres work at the same time.
  const readNext = async () => {
    const next = await chunks.next();
    if (next.done) return null;
    const events = next.value.logs.map(decode);
    return { chunk: next.value, events, headers: await fetchHeaders(deps, next.value, events) };
  };
  let pending = readNext();
  try {
    for (;;) {
      pending.catch(() => {}); // surfaced by the await below
      const read = await pending;
      if (!read) break;
      const { chunk, events, headers } = read;
      checkContinuity(chunk, headers, previous);
      pending = readNext();
      const end = headers.get(chunk.toBlock) as BlockHeader;
      const checkpoint = { blockNumber: end.number, blockHash: end.hash };
      await projectBatch(db, context, events, headers, previous, checkpoint, journalFrom, config.reorgWindow);
      previous = checkpoint;
      total += events.length;
      progress?.advance(Number(chunk.toBlock - chunk.fromBlock + 1n), events.length);
      logger.debug("batch indexed", {
        fromBlock: chunk.fromBlock,
        toBlock: chunk.toBlock,
        events: events.length,
      });
    }
  } finally {
    await chunks.return?.(undefined);
    progress?.finish();
  }
  return total;
}

/** Headers of the range's ends and of every block with events, checked against the logs so that a
 *  range read across a reorg is never written. */
async function fetchHeaders(
  { rpc }: IndexerDeps,
  chunk: { fromBlock: bigint; toBlock: bigint },
  events: readonly DecodedEvent[],
): Promise<Map<bigint, BlockHeader>> {
  const numbers = new Set([chunk.fromBlock, chunk.toBlock, ...events.map((e) => e.blockNumber)]);
  const headers = new Map((await getBlockHeaders(rpc, numbers)).map((h) => [h.number, h]));
  for (const event of events) {
    const header = headers.get(event.blockNumber);
    if (header?.hash !== event.blockHash) {
      throw new ChainMovedError(
        `block ${event.blockNumber} changed between eth_getLogs (${event.blockHash}) and its header (${header?.hash})`,
        event.blockNumber,
        String(header?.hash),
        { blockNumber: event.blockNumber, blockHash: event.blockHash },
      );
    }
  }
  return headers;
}

/** The range's first block must extend the last one written. */
function checkContinuity(
  chunk: { fromBlock: bigint },
  headers: Map<bigint, BlockHeader>,
  previous: Checkpoint | null,
): void {
  const first = headers.get(chunk.fromBlock);
  if (
    previous &&
    first &&
    previous.blockNumber + 1n === first.number &&
    first.parentHash !== previous.blockHash
  ) {
    throw new ChainMovedError(
      `block ${first.number} (${first.hash}) has parent hash ${first.parentHash}, not the hash of block ${previous.blockNumber} (${previous.blockHash})`,
      first.number,
      first.parentHash,
      previous,
    );
  }
}

async function projectBatch(
  db: PrismaClient,
  context: ProjectionContext,
  events: readonly DecodedEvent[],
  headers: Map<bigint, BlockHeader>,
  previous: Checkpoint | null,
  checkpoint: Checkpoint,
  journalFrom: bigint,
  reorgWindow: number,
): Promise<void> {
  const { chainId } = context;
  await db.$transaction(
    async (tx) => {
      // Fencing: the batch extends the checkpoint this writer last saw, or it writes nothing. (A writer
      // whose lock session ended may still have a batch in flight while a standby takes over.)
      const current = await lockCheckpoint(tx, chainId);
      if (current?.blockHash !== previous?.blockHash || current?.blockNumber !== previous?.blockNumber)
        throw new CheckpointMovedError(
          `checkpoint is at ${current?.blockNumber ?? "none"}, this batch extends ${previous?.blockNumber ?? "none"}`,
        );
      const fresh = await insertRawEvents(tx, chainId, events);
      const todo = events.filter((e) => fresh.has(`${e.blockNumber}:${e.logIndex}`));
      for (const event of todo) {
        if (event.eventName === "RevenueCredited") context.currencies.add(event.args.currency.toLowerCase());
      }
      const wanted = new Map<Table, Set<string>>();
      for (const event of todo) {
        for (const [table, id] of touches(event, context)) {
          const ids = wanted.get(table) ?? new Set<string>();
          wanted.set(table, ids.add(id));
        }
      }
      const ws = new WorkingSet(journalFrom);
      await loadRows(tx, wanted, ws);
      context.payments.clear();
      for (const event of todo) {
        const header = headers.get(event.blockNumber) as BlockHeader;
        apply(ws, context, event, new Date(Number(header.timestamp) * 1000));
      }
      const window = [...headers.values()].filter((h) => h.number >= journalFrom);
      await writeBatch(tx, chainId, ws, window, checkpoint);
      await pruneFinalized(tx, chainId, checkpoint.blockNumber - BigInt(reorgWindow));
    },
    { timeout: 120_000 },
  );
}

async function isCanonical(rpc: JsonRpcClient, checkpoint: Checkpoint): Promise<boolean> {
  const [header] = await getBlockHeaders(rpc, [checkpoint.blockNumber]).catch(() => [undefined]);
  return header?.hash === checkpoint.blockHash;
}

/** Finds the newest stored block still on the canonical chain and rolls back to it. */
async function recoverFromReorg(
  deps: IndexerDeps,
  checkpoint: Checkpoint,
  logger: Logger,
): Promise<Checkpoint | null> {
  const { config, rpc, db } = deps;
  let below = checkpoint.blockNumber;
  for (;;) {
    const stored = await storedBlocks(db, config.chainId, below, 64);
    if (stored.length === 0) break;
    const head = await getHeadBlockNumber(rpc);
    const candidates = stored.filter((b) => b.number <= head);
    const canonical = new Map(
      (
        await getBlockHeaders(
          rpc,
          candidates.map((b) => b.number),
        )
      ).map((h) => [h.number, h.hash]),
    );
    const ancestor = candidates.find((b) => canonical.get(b.number) === b.hash);
    if (ancestor) {
      const target = { blockNumber: ancestor.number, blockHash: ancestor.hash };
      const restored = await rollbackTo(db, config.chainId, target);
      logger.warn("reorg: rolled back to the common ancestor", {
        from: checkpoint.blockNumber,
        ancestor: ancestor.number,
        depth: Number(checkpoint.blockNumber - ancestor.number),
        rowsRestored: restored,
      });
      return target;
    }
    below = (stored.at(-1) as { number: bigint }).number - 1n;
  }
  logger.error("reorg deeper than the stored window: re-indexing the chain from the start", {
    checkpoint: checkpoint.blockNumber,
  });
  await resetChainData(db, config.chainId);
  return null;
}

export type RunOptions = {
  /** Takes the writer lock (waiting as a standby while another copy holds it); called again when the
   *  lock's session ends, before anything else is written. */
  acquireLock?: () => Promise<WriterLock>;
  health?: HealthReporter;
  /** Randomness for the backoff's jitter (tests pin it). */
  random?: () => number;
};

/**
 * Syncs, then keeps following the chain until `signal` aborts. A pass that fails with a retryable
 * failure (database or node away, the chain not linking up, the lock lost) is logged with its whole
 * cause chain and tried again after a capped exponential backoff; a fatal one (a bug, a database
 * without the schema, a bad configuration) is logged and thrown.
 */
export async function runIndexer(
  deps: IndexerDeps,
  signal: AbortSignal,
  options: RunOptions = {},
): Promise<void> {
  const logger = deps.logger ?? silentLogger;
  const { config } = deps;
  const random = options.random ?? Math.random;
  let lock: WriterLock | undefined;
  let failures = 0;
  try {
    while (!signal.aborted) {
      try {
        if (options.acquireLock && !lock?.held()) {
          if (lock) {
            await lock.release();
            lock = undefined;
            logger.warn("writer lock lost with its database session; taking it again");
          }
          lock = await options.acquireLock();
        }
        await syncToHead(deps);
        if (lock && !lock.held()) throw new WriterLockLostError("the writer lock's database session ended");
        if (failures > 0) logger.info("indexer recovered", { afterFailures: failures });
        failures = 0;
        await options.health?.ok();
        await sleep(config.pollIntervalMs, signal);
      } catch (error) {
        if (signal.aborted) break;
        const failure = classifyFailure(error);
        const fields = {
          kind: failure.kind,
          cause: describeChain(failure.chain),
          chain: failure.chain,
          ...(error instanceof ChainStalledError
            ? {
                block: error.block,
                parentHash: error.parentHash,
                checkpointBlock: error.checkpoint.blockNumber,
                checkpointHash: error.checkpoint.blockHash,
                attempts: error.attempts,
              }
            : {}),
        };
        if (!failure.retryable) {
          logger.error("indexer stopped: the failure cannot be retried", fields);
          throw error;
        }
        failures += 1;
        const cap = Math.min(
          config.retryMaxDelayMs,
          config.retryBaseDelayMs * 2 ** Math.min(failures - 1, 20),
        );
        // Half fixed, half jitter: never a zero wait, yet copies restarting together spread out.
        const delayMs = Math.floor(cap / 2 + (random() * cap) / 2);
        const log = failure.kind === "chain-stalled" || failures >= 5 ? logger.error : logger.warn;
        log.call(
          logger,
          failure.kind === "chain-stalled"
            ? "indexer stalled: the chain does not link up"
            : "indexer pass failed; retrying",
          {
            ...fields,
            failures,
            retryInMs: delayMs,
          },
        );
        await options.health?.failed(failure);
        await sleep(delayMs, signal);
      }
    }
  } finally {
    await lock?.release();
  }
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
