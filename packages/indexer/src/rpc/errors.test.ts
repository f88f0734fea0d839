import { describe, expect, it } from "vitest";
import {
  classifyRpcError,
  parseRetryAfter,
  RpcRangeTooLarge,
  RpcRateLimited,
  RpcRequestError,
  RpcRetriesExhausted,
  RpcServerError,
} from "./errors.ts";

describe("classifyRpcError", () => {
  // Messages as providers and nodes send them.
  it.each([
    [-32005, "query returned more than 10000 results"],
    [-32602, "Query returned more than 10000 results. Try with this block range [0x118dc91, 0x1198cc3]."],
    [-32602, "range 1000000 exceeds limit of 10000"],
    [-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range"],
    [-32000, "block range is too wide (maximum 10)"],
    [-32000, "block range is too large"],
    [-32000, "range too large"],
    [-32000, "response size exceeded"],
    [-32000, "exceed maximum block range: 5000"],
    [-32000, "query block range exceeds server limit, narrow your filter: 1000"],
    [-32000, "query returns too many logs, narrow your filter"],
    [-32614, "eth_getLogs is limited to a 10,000 range"],
    [-32005, "limit exceeded"],
  ])("reads code %i %j from eth_getLogs as a range too large", (code, message) => {
    expect(classifyRpcError("eth_getLogs", { code, message })).toBeInstanceOf(RpcRangeTooLarge);
  });

  it("finds the reason in `data` when the message is generic", () => {
    const error = classifyRpcError("eth_getLogs", {
      code: -32602,
      message: "invalid params",
      data: { payload: "range 9009594 is bigger than range limit 2000" },
    });
    expect(error).toBeInstanceOf(RpcRangeTooLarge);
  });

  it.each([
    [429, "Your app has exceeded its compute units per second capacity"],
    [-32005, "project ID request rate exceeded"],
    [-32000, "Too Many Requests"],
    [-32007, "request limit reached"],
    [-32005, "limit exceeded"],
  ])("reads code %i %j from eth_call as a rate limit", (code, message) => {
    expect(classifyRpcError("eth_call", { code, message })).toBeInstanceOf(RpcRateLimited);
  });

  it("leaves every other error as a request error, with its code and data", () => {
    const error = classifyRpcError("eth_getLogs", {
      code: -32602,
      message: "block range extends beyond current head block",
      data: "x",
    });
    expect(error).toBeInstanceOf(RpcRequestError);
    expect(error).toMatchObject({ code: -32602, data: "x", retryable: false, method: "eth_getLogs" });
  });
});

describe("parseRetryAfter", () => {
  it("reads delay-seconds and HTTP dates, and ignores nonsense", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("RpcRetriesExhausted", () => {
  it("keeps the last error's kind and lets a caller walk to it", () => {
    const last = new RpcServerError(503, { method: "eth_getLogs" });
    const error = new RpcRetriesExhausted(6, last);
    expect(error.kind).toBe("server-error");
    expect([...error.chain()]).toEqual([error, last]);
  });
});
