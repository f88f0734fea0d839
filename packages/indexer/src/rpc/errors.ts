// What can go wrong talking to a JSON-RPC node, as one class per way of recovering: wait and retry
// (rate limit, server error, timeout, connection), ask for less (range too large), or give up.
// Providers word the same failure differently, so the message patterns below come from real ones.

export type RpcErrorKind =
  | "rate-limited"
  | "server-error"
  | "timeout"
  | "connection"
  | "range-too-large"
  | "request";

export type RpcErrorOptions = { method: string; cause?: unknown };

export abstract class RpcError extends Error {
  abstract readonly kind: RpcErrorKind;
  /** Whether the same request may succeed if sent again later. */
  abstract readonly retryable: boolean;
  readonly method: string;
  /** The message without the method in front. */
  readonly detail: string;

  constructor(message: string, { method, cause }: RpcErrorOptions) {
    super(`${method}: ${message}`, cause === undefined ? undefined : { cause });
    this.method = method;
    this.detail = message;
  }

  /** This error and its causes, outermost first. */
  *chain(): Generator<unknown> {
    let current: unknown = this;
    for (let depth = 0; current !== undefined && depth < 16; depth++) {
      yield current;
      current = current instanceof Error ? current.cause : undefined;
    }
  }
}

export class RpcRateLimited extends RpcError {
  override name = "RpcRateLimited";
  readonly kind = "rate-limited";
  readonly retryable = true;
  /** The server's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: RpcErrorOptions & { retryAfterMs?: number | undefined }) {
    super(message, options);
    this.retryAfterMs = options.retryAfterMs;
  }
}

export class RpcServerError extends RpcError {
  override name = "RpcServerError";
  readonly kind = "server-error";
  readonly retryable = true;
  readonly status: number;
  constructor(status: number, options: RpcErrorOptions) {
    super(`HTTP ${status} from the RPC server`, options);
    this.status = status;
  }
}

export class RpcTimeout extends RpcError {
  override name = "RpcTimeout";
  readonly kind = "timeout";
  readonly retryable = true;
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options: RpcErrorOptions) {
    super(`no complete answer within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

export class RpcConnectionError extends RpcError {
  override name = "RpcConnectionError";
  readonly kind = "connection";
  readonly retryable = true;
}

/** The node will not answer this eth_getLogs (or this body) in one piece: ask for a smaller range. */
export class RpcRangeTooLarge extends RpcError {
  override name = "RpcRangeTooLarge";
  readonly kind = "range-too-large";
  readonly retryable = false;
}

/** Any other JSON-RPC error: sending the same request again would get the same answer. */
export class RpcRequestError extends RpcError {
  override name = "RpcRequestError";
  readonly kind = "request";
  readonly retryable = false;
  readonly code: number | undefined;
  readonly data: unknown;
  constructor(message: string, options: RpcErrorOptions & { code?: number | undefined; data?: unknown }) {
    super(message, options);
    this.code = options.code;
    this.data = options.data;
  }
}

/** Raised when every attempt failed; `cause` is the last attempt's error. */
export class RpcRetriesExhausted extends RpcError {
  override name = "RpcRetriesExhausted";
  readonly kind: RpcErrorKind;
  readonly retryable = false;
  readonly attempts: number;
  constructor(attempts: number, last: RpcError) {
    super(`gave up after ${attempts} attempts; last error: ${last.detail}`, {
      method: last.method,
      cause: last,
    });
    this.kind = last.kind;
    this.attempts = attempts;
  }
}

// Infura, Alchemy, QuickNode, Ankr, Tenderly, zkSync, Erigon, geth forks and Frontier, as observed.
const RANGE_TOO_LARGE = [
  /more than [\d,]+ results/i,
  /too many (results|logs)/i,
  /response size (exceeded|is too (big|large))/i,
  /range (is )?too (large|wide|big)/i,
  /range (limit|[\d,]+ (exceeds|is bigger than))/i,
  /block range exceeds/i,
  /exceeds? (the )?(max(imum)?|server) (block )?range/i,
  /limited to a [\d,]+ (block )?range/i,
];

const RATE_LIMITED = [
  /rate.?limit/i,
  /too many requests/i,
  /rate exceeded/i,
  /exceeded .*capacity/i,
  /request limit (reached|exceeded)/i,
  /throttl/i,
];

// EIP-1474 "limit exceeded": on eth_getLogs it means "too many results", elsewhere "slow down".
const LIMIT_EXCEEDED = -32005;

/** Turns a JSON-RPC error object into the error class that says how to recover from it. */
export function classifyRpcError(
  method: string,
  error: { code?: unknown; message?: unknown; data?: unknown },
): RpcError {
  const code = typeof error.code === "number" ? error.code : undefined;
  const message = typeof error.message === "string" ? error.message : "JSON-RPC error";
  // Some providers (Tenderly) put the real reason in `data`.
  const text = `${message} ${error.data === undefined ? "" : JSON.stringify(error.data)}`;
  const detail = code === undefined ? message : `${message} (code ${code})`;
  if (RANGE_TOO_LARGE.some((pattern) => pattern.test(text))) return new RpcRangeTooLarge(detail, { method });
  if (code === 429 || RATE_LIMITED.some((pattern) => pattern.test(text)))
    return new RpcRateLimited(detail, { method });
  if (code === LIMIT_EXCEEDED)
    return method === "eth_getLogs"
      ? new RpcRangeTooLarge(detail, { method })
      : new RpcRateLimited(detail, { method });
  return new RpcRequestError(detail, { method, code, data: error.data });
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
