import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff.ts";
import { RpcRateLimited, RpcServerError } from "./errors.ts";

const policy = { baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 10_000 };
const serverError = new RpcServerError(502, { method: "eth_getLogs" });

describe("retryDelayMs", () => {
  it("draws below a cap that doubles per attempt and stops at maxDelayMs", () => {
    const almostOne = () => 0.999_999;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => retryDelayMs(n, serverError, policy, almostOne))).toEqual([
      199, 399, 799, 1_599, 3_199, 4_999, 4_999,
    ]);
  });

  it("can draw anything down to zero (full jitter)", () => {
    expect(retryDelayMs(4, serverError, policy, () => 0)).toBe(0);
    expect(retryDelayMs(4, serverError, policy, () => 0.25)).toBe(400);
  });

  it("uses a 429's Retry-After instead, capped at maxRetryAfterMs", () => {
    const after = (ms: number) => new RpcRateLimited("HTTP 429", { method: "eth_call", retryAfterMs: ms });
    expect(retryDelayMs(1, after(3_000), policy, () => 0)).toBe(3_000);
    expect(retryDelayMs(1, after(60_000), policy, () => 0)).toBe(10_000);
    expect(retryDelayMs(1, new RpcRateLimited("HTTP 429", { method: "eth_call" }), policy, () => 0.5)).toBe(
      100,
    );
  });
});
