// A backfill's eth_getLogs, one adaptively sized block range at a time, handed to the caller chunk by
// chunk so that it can write one database batch (and one checkpoint) per chunk.
import type { Address, Hex } from "viem";
import { z } from "zod";
import { type Logger, silentLogger } from "../log.ts";
import { RpcRangeTooLarge, RpcRequestError } from "./errors.ts";
import { hexSchema, toQuantity } from "./hex.ts";
import type { JsonRpcClient } from "./json-rpc.ts";
import { type BlockRange, RangePlanner, type RangeTuningInput, type SpanChange } from "./range-planner.ts";

// Loose: nodes add fields (blockTimestamp) that a caller may want.
export const rawLogSchema = z.looseObject({
  address: hexSchema,
  topics: z.array(hexSchema),
  data: hexSchema,
  blockNumber: hexSchema,
  blockHash: hexSchema,
  transactionHash: hexSchema,
  transactionIndex: hexSchema,
  logIndex: hexSchema,
  removed: z.boolean().optional(),
});

/** A log as eth_getLogs returns it: quantities are hex strings (viem's `formatLog` converts). */
export type RawLog = z.infer<typeof rawLogSchema>;
export type LogChunk = BlockRange & { logs: RawLog[] };

export type RangeEvent = BlockRange & {
  outcome: "fetched" | "too-large";
  durationMs: number;
  /** Logs in the answer; 0 when the range was refused. */
  logCount: number;
  change: SpanChange;
  /** Span of the next request. */
  nextSpan: number;
};

export type FetchLogsOptions = BlockRange & {
  addresses: readonly Address[];
  /** eth_getLogs topic filter, position by position; null matches anything. */
  topics?: readonly (Hex | readonly Hex[] | null)[];
  tuning?: RangeTuningInput;
  onRange?: (event: RangeEvent) => void;
  logger?: Logger;
  signal?: AbortSignal;
  now?: () => number;
};

const logsSchema = z.array(rawLogSchema);

/**
 * Every log in [fromBlock, toBlock] from `addresses`, in chain order, as consecutive chunks that
 * cover the whole interval (chunks without logs included, so the caller can checkpoint past them).
 * Throws BlockTooLargeError when a single block is refused.
 */
export async function* fetchLogsAdaptive(
  client: Pick<JsonRpcClient, "request">,
  options: FetchLogsOptions,
): AsyncGenerator<LogChunk, void, undefined> {
  const { addresses, topics, signal, onRange } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? performance.now.bind(performance);
  const planner = new RangePlanner(options, options.tuning);
  for (let range = planner.next(); range; range = planner.next()) {
    const started = now();
    const filter = {
      address: addresses,
      fromBlock: toQuantity(range.fromBlock),
      toBlock: toQuantity(range.toBlock),
      ...(topics ? { topics } : {}),
    };
    let answer: unknown;
    try {
      answer = await client.request("eth_getLogs", [filter], signal ? { signal } : {});
    } catch (error) {
      if (!(error instanceof RpcRangeTooLarge)) throw error;
      planner.tooLarge(range, error);
      logger.debug("eth_getLogs range too large; halving", { ...range, nextSpan: planner.span });
      onRange?.({
        ...range,
        outcome: "too-large",
        durationMs: now() - started,
        logCount: 0,
        change: "shrunk",
        nextSpan: planner.span,
      });
      continue;
    }
    const parsed = logsSchema.safeParse(answer);
    if (!parsed.success)
      throw new RpcRequestError(`malformed answer: ${z.prettifyError(parsed.error).slice(0, 300)}`, {
        method: "eth_getLogs",
      });
    const durationMs = now() - started;
    const change = planner.succeeded(range, { durationMs, logCount: parsed.data.length });
    onRange?.({
      ...range,
      outcome: "fetched",
      durationMs,
      logCount: parsed.data.length,
      change,
      nextSpan: planner.span,
    });
    yield { ...range, logs: parsed.data };
  }
}

/** All chunks' logs in one array: for callers (and tests) that want the whole interval at once. */
export async function fetchAllLogs(
  client: Pick<JsonRpcClient, "request">,
  options: FetchLogsOptions,
): Promise<RawLog[]> {
  const logs: RawLog[] = [];
  for await (const chunk of fetchLogsAdaptive(client, options)) logs.push(...chunk.logs);
  return logs;
}
