// JSON-RPC over HTTP on Node's fetch, for the indexer's bulk reads. Not viem's transport: viem refuses
// bodies over 10 MB (a local chain's eth_getLogs over a wide range is tens of MB), and the indexer
// wants to choose itself what is retried, how long it waits, and how fast it asks.
import { z } from "zod";
import { type Logger, silentLogger } from "../log.ts";
import { retryDelayMs } from "./backoff.ts";
import {
  classifyRpcError,
  parseRetryAfter,
  RpcConnectionError,
  RpcError,
  type RpcErrorKind,
  RpcRangeTooLarge,
  RpcRateLimited,
  RpcRequestError,
  RpcRetriesExhausted,
  RpcServerError,
  RpcTimeout,
} from "./errors.ts";
import { AdaptiveRateLimiter, type RateLimiterSnapshot } from "./rate-limiter.ts";

export const rpcClientOptionsSchema = z.object({
  url: z.url(),
  /** Per attempt, from sending the request to the last byte of the answer. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Attempts per call, the first one included. */
  maxAttempts: z.number().int().min(1).max(100).default(6),
  baseDelayMs: z.number().int().nonnegative().default(250),
  maxDelayMs: z.number().int().nonnegative().default(10_000),
  maxRetryAfterMs: z.number().int().nonnegative().default(60_000),
  maxConcurrency: z.number().int().positive().default(4),
  rateIncreasePerSuccess: z.number().positive().default(1),
  minRatePerSecond: z.number().positive().default(0.5),
  maxRatePerSecond: z.number().positive().default(1_000),
  headers: z.record(z.string(), z.string()).default({}),
});

export type RpcClientOptions = z.input<typeof rpcClientOptionsSchema>;

/** Seams for tests: a seeded random source and an instant sleep make backoff deterministic and fast. */
export type RpcClientDeps = {
  logger?: Logger;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

export type RpcCall = { method: string; params?: readonly unknown[] };
export type CallOptions = { signal?: AbortSignal };
export type RetryReason = Extract<RpcErrorKind, "rate-limited" | "server-error" | "timeout" | "connection">;

export type RpcStats = {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** JSON-RPC calls asked for (each item of a batch counts), retries not included. */
  calls: number;
  retries: Record<RetryReason, number>;
  /** Every error seen, per attempt (and per item of a batch), whether or not it was retried. */
  errors: Record<RpcErrorKind, number>;
  limiter: RateLimiterSnapshot;
};

export interface JsonRpcClient {
  readonly url: string;
  request<T = unknown>(method: string, params?: readonly unknown[], options?: CallOptions): Promise<T>;
  /** One HTTP request for all calls; results in the calls' order. Retried as a whole. */
  batch(calls: readonly RpcCall[], options?: CallOptions): Promise<unknown[]>;
  stats(): RpcStats;
}

export class RpcClientConfigError extends Error {
  override name = "RpcClientConfigError";
}

const envelopeSchema = z.object({
  id: z.union([z.number(), z.string(), z.null()]).optional(),
  result: z.unknown().optional(),
  error: z.object({ code: z.number(), message: z.string(), data: z.unknown().optional() }).optional(),
});
type Envelope = z.infer<typeof envelopeSchema>;

export function createJsonRpcClient(options: RpcClientOptions, deps: RpcClientDeps = {}): JsonRpcClient {
  const parsed = rpcClientOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new RpcClientConfigError(`invalid RPC client options:\n${z.prettifyError(parsed.error)}`);
  const config = parsed.data;
  const logger = deps.logger ?? silentLogger;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limiter = new AdaptiveRateLimiter(config, { now, sleep });
  const counters = {
    requests: 0,
    calls: 0,
    retries: { "rate-limited": 0, "server-error": 0, timeout: 0, connection: 0 },
    errors: {
      "rate-limited": 0,
      "server-error": 0,
      timeout: 0,
      connection: 0,
      "range-too-large": 0,
      request: 0,
    },
  };
  let nextId = 1;

  const seen = <E extends RpcError>(error: E): E => {
    counters.errors[error.kind]++;
    return error;
  };

  /** One HTTP round trip: the parsed body, or the RpcError that says what went wrong. */
  async function post(label: string, payload: unknown, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const failed = (error: unknown): never => {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw seen(new RpcTimeout(config.timeoutMs, { method: label, cause: error }));
      throw seen(new RpcConnectionError(describeNetworkError(error), { method: label, cause: error }));
    };
    counters.requests++;
    const response = await fetch(config.url, {
      method: "POST",
      headers: { ...config.headers, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(payload),
      signal: combined,
    }).catch(failed);
    const text = await response.text().catch(failed);
    const { status } = response;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now());
      throw seen(new RpcRateLimited("HTTP 429 Too Many Requests", { method: label, retryAfterMs }));
    }
    if (status === 413) throw seen(new RpcRangeTooLarge("HTTP 413 Payload Too Large", { method: label }));
    if (status >= 500) throw seen(new RpcServerError(status, { method: label }));
    const refused = () => new RpcRequestError(`HTTP ${status}: ${text.slice(0, 200)}`, { method: label });
    try {
      const body: unknown = JSON.parse(text);
      // A 4xx carrying a JSON-RPC error says more than its status; any other 4xx is final.
      if (!response.ok && !(typeof body === "object" && body !== null && "error" in body))
        throw seen(refused());
      return body;
    } catch (error) {
      if (error instanceof RpcError) throw error;
      if (!response.ok) throw seen(refused());
      throw seen(
        new RpcConnectionError(`invalid JSON in a ${text.length}-character answer`, {
          method: label,
          cause: error,
        }),
      );
    }
  }

  function toEnvelope(method: string, value: unknown): Envelope {
    const envelope = envelopeSchema.safeParse(value);
    if (!envelope.success || (envelope.data.error === undefined && !("result" in envelope.data)))
      throw seen(new RpcConnectionError("the answer is not a JSON-RPC response", { method }));
    return envelope.data;
  }

  function unwrap(method: string, envelope: Envelope): unknown {
    if (envelope.error) throw seen(classifyRpcError(method, envelope.error));
    return envelope.result;
  }

  async function withRetries<T>(label: string, signal: AbortSignal | undefined, attempt: () => Promise<T>) {
    for (let n = 1; ; n++) {
      const permit = await limiter.acquire();
      try {
        const result = await attempt();
        limiter.release(permit, "success");
        return result;
      } catch (error) {
        limiter.release(permit, error instanceof RpcRateLimited ? "rate-limited" : "failure");
        if (!(error instanceof RpcError) || !error.retryable) throw error;
        if (n >= config.maxAttempts) throw new RpcRetriesExhausted(n, error);
        const delayMs = retryDelayMs(n, error, config, random);
        counters.retries[error.kind as RetryReason]++;
        logger.warn("rpc retry", {
          method: label,
          attempt: n,
          delayMs,
          reason: error.kind,
          error: error.message,
        });
        await sleep(delayMs);
        signal?.throwIfAborted();
      }
    }
  }

  return {
    url: config.url,
    async request<T>(method: string, params: readonly unknown[] = [], { signal }: CallOptions = {}) {
      counters.calls++;
      return withRetries(method, signal, async () => {
        const body = await post(method, { jsonrpc: "2.0", id: nextId++, method, params }, signal);
        if (Array.isArray(body)) throw seen(new RpcConnectionError("a batch answer to one call", { method }));
        return unwrap(method, toEnvelope(method, body)) as T;
      });
    },
    async batch(calls, { signal } = {}) {
      if (calls.length === 0) return [];
      counters.calls += calls.length;
      const label = [...new Set(calls.map((call) => call.method))].join(",");
      return withRetries(label, signal, async () => {
        const ids = calls.map(() => nextId++);
        const payload = calls.map((call, i) => ({
          jsonrpc: "2.0",
          id: ids[i],
          method: call.method,
          params: call.params ?? [],
        }));
        const body = await post(label, payload, signal);
        // A provider that rejects the whole batch (often for rate) answers with one error object.
        if (!Array.isArray(body)) {
          const { error } = toEnvelope(label, body);
          throw seen(
            error
              ? classifyRpcError(label, error)
              : new RpcConnectionError("one answer to a batch", { method: label }),
          );
        }
        const byId = new Map(body.map((item) => [toEnvelope(label, item).id, item as Envelope]));
        const outcomes = calls.map((call, i) => {
          const envelope = byId.get(ids[i]);
          if (!envelope)
            return seen(new RpcConnectionError(`no answer for call ${ids[i]}`, { method: label }));
          if (envelope.error) return seen(classifyRpcError(call.method, envelope.error));
          return { result: envelope.result };
        });
        const errors = outcomes.filter((outcome) => outcome instanceof RpcError);
        const error = errors.find((e) => !e.retryable) ?? errors[0];
        if (error) throw error;
        return outcomes.map((outcome) => (outcome as { result: unknown }).result);
      });
    },
    stats: () => ({
      requests: counters.requests,
      calls: counters.calls,
      retries: { ...counters.retries },
      errors: { ...counters.errors },
      limiter: limiter.snapshot(),
    }),
  };
}

// fetch says only "fetch failed" or "terminated"; the useful part (ECONNRESET, "other side closed")
// is in the cause.
function describeNetworkError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === "string" ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return parts.join(": ") || String(error);
}
