// How long to wait before retrying a failed RPC call.
import { type RpcError, RpcRateLimited } from "./errors.ts";

export type BackoffPolicy = {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After we obey; a server asking for more gets this much. */
  maxRetryAfterMs: number;
};

/**
 * Capped exponential backoff with full jitter (a uniform draw from [0, cap)): many clients retrying
 * after the same outage spread out instead of hitting the node again in lockstep. A 429's Retry-After
 * replaces the backoff, since the server knows better than we do when it will take us again.
 * `attempt` is the 1-based number of the attempt that just failed.
 */
export function retryDelayMs(
  attempt: number,
  error: RpcError,
  policy: BackoffPolicy,
  random: () => number,
): number {
  if (error instanceof RpcRateLimited && error.retryAfterMs !== undefined)
    return Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * cap);
}
