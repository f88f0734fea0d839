import { afterEach, describe, expect, it } from "vitest";
import { createLogger, type LogEntry } from "../log.ts";
import {
  RpcConnectionError,
  RpcRangeTooLarge,
  RpcRateLimited,
  RpcRequestError,
  RpcRetriesExhausted,
  RpcServerError,
  RpcTimeout,
} from "./errors.ts";
import { createJsonRpcClient, RpcClientConfigError, type RpcClientOptions } from "./json-rpc.ts";
import {
  answerWith,
  dropMidBody,
  type Responder,
  rpcError,
  type ScriptedServer,
  sendJson,
  sequence,
  startScriptedServer,
} from "./testing/scripted-rpc-server.ts";

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client on a scripted server, with a recorded instant sleep, a fixed random draw and a log capture. */
async function setup(respond: Responder, options: Partial<RpcClientOptions> = {}, random = () => 0.5) {
  server = await startScriptedServer(respond);
  const sleeps: number[] = [];
  let clock = 0;
  const logs: LogEntry[] = [];
  const logger = createLogger({
    level: "debug",
    format: "json",
    write: (line) => void logs.push(JSON.parse(line)),
  });
  const client = createJsonRpcClient(
    { url: server.url, maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, ...options },
    // A fake clock that sleeping advances, so the limiter's spacing sees time pass as it would.
    {
      logger,
      random,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    },
  );
  return { client, sleeps, logs, server };
}

const ok = answerWith((call) => `${call.method}-ok`);
const status =
  (code: number, headers: Record<string, string> = {}): Responder =>
  (_request, res) =>
    sendJson(res, code, { message: "nope" }, headers);
const hang: Responder = () => {};

describe("createJsonRpcClient", () => {
  it("sends a JSON-RPC 2.0 call and returns its result", async () => {
    const { client, server } = await setup(answerWith((call) => call.params));
    await expect(client.request("eth_chainId", [1, "a"])).resolves.toEqual([1, "a"]);
    expect(server.requests[0]?.body).toMatchObject({
      jsonrpc: "2.0",
      method: "eth_chainId",
      params: [1, "a"],
    });
  });

  it("returns a batch's results in the order of the calls even when the server answers out of order", async () => {
    const reversed: Responder = ({ calls }, res) =>
      sendJson(
        res,
        200,
        calls.map((call) => ({ jsonrpc: "2.0", id: call.id, result: call.params[0] })).reverse(),
      );
    const { client, server } = await setup(reversed);
    const calls = [1, 2, 3].map((n) => ({ method: "echo", params: [n] }));
    await expect(client.batch(calls)).resolves.toEqual([1, 2, 3]);
    expect(server.requests).toHaveLength(1);
    expect(client.stats()).toMatchObject({ requests: 1, calls: 3 });
  });

  it.each([
    ["HTTP 429", status(429), RpcRateLimited, "rate-limited"],
    ["HTTP 500", status(500), RpcServerError, "server-error"],
    ["HTTP 502", status(502), RpcServerError, "server-error"],
    ["HTTP 503", status(503), RpcServerError, "server-error"],
    [
      "a JSON-RPC rate-limit code",
      (r, res) => sendJson(res, 200, rpcError(r.calls[0]!, 429, "slow down")),
      RpcRateLimited,
      "rate-limited",
    ],
    [
      "a rate-limit message",
      (r, res) => sendJson(res, 200, rpcError(r.calls[0]!, -32000, "project ID request rate exceeded")),
      RpcRateLimited,
      "rate-limited",
    ],
    [
      "a body cut off mid-answer",
      (r, res) => dropMidBody(res, { jsonrpc: "2.0", id: r.calls[0]!.id, result: "x".repeat(50_000) }),
      RpcConnectionError,
      "connection",
    ],
    ["invalid JSON", (_r, res) => res.writeHead(200).end("{not json"), RpcConnectionError, "connection"],
    ["a destroyed socket", (_r, res) => res.socket?.destroy(), RpcConnectionError, "connection"],
  ] satisfies [string, Responder, unknown, string][])(
    "retries after %s and then succeeds",
    async (_name, fault, errorClass, kind) => {
      const { client, logs, server } = await setup(sequence(fault, fault, ok, fault));
      await expect(client.request("eth_blockNumber")).resolves.toBe("eth_blockNumber-ok");
      const stats = client.stats();
      expect(stats.requests).toBe(3);
      expect(stats.retries).toMatchObject({ [kind]: 2 });
      expect(stats.errors).toMatchObject({ [kind]: 2 });
      const retries = logs.filter((entry) => entry.msg === "rpc retry");
      expect(retries.map((entry) => [entry.level, entry.method, entry.attempt, entry.reason])).toEqual([
        ["warn", "eth_blockNumber", 1, kind],
        ["warn", "eth_blockNumber", 2, kind],
      ]);
      const once = createJsonRpcClient({ url: server.url, maxAttempts: 1 });
      const error = await once.request("eth_blockNumber").catch((e: unknown) => e);
      expect((error as Error).cause).toBeInstanceOf(errorClass);
    },
  );

  it("retries a request that times out", async () => {
    const { client } = await setup(sequence(hang, ok), { timeoutMs: 150 });
    await expect(client.request("eth_getLogs")).resolves.toBe("eth_getLogs-ok");
    expect(client.stats().retries.timeout).toBe(1);
  });

  it("stops at the attempt cap with an error that names the attempts and the last failure", async () => {
    const { client, sleeps } = await setup(status(503), { maxAttempts: 3 });
    const error = await client.request("eth_getLogs").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcRetriesExhausted);
    expect((error as Error).message).toBe(
      "eth_getLogs: gave up after 3 attempts; last error: HTTP 503 from the RPC server",
    );
    expect((error as Error).cause).toBeInstanceOf(RpcServerError);
    expect(sleeps).toHaveLength(2);
    expect(client.stats().requests).toBe(3);
  });

  it("gives up on timeouts at the cap with a timeout as the cause", async () => {
    const { client } = await setup(hang, { maxAttempts: 2, timeoutMs: 100 });
    const error = await client.request("eth_call").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcRetriesExhausted);
    expect((error as Error).cause).toBeInstanceOf(RpcTimeout);
    expect((error as Error).message).toMatch(/no complete answer within 100 ms/);
  });

  it("does not retry an ordinary JSON-RPC error", async () => {
    const { client } = await setup((r, res) =>
      sendJson(res, 200, rpcError(r.calls[0]!, -32601, "method not found")),
    );
    const error = await client.request("eth_nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcRequestError);
    expect(error).toMatchObject({ code: -32601, message: "eth_nope: method not found (code -32601)" });
    expect(client.stats()).toMatchObject({ requests: 1, errors: { request: 1 } });
  });

  it("does not retry a range that is too large (the caller must ask for less)", async () => {
    const { client } = await setup((r, res) =>
      sendJson(res, 200, rpcError(r.calls[0]!, -32005, "query returned more than 10000 results")),
    );
    await expect(client.request("eth_getLogs", [{}])).rejects.toBeInstanceOf(RpcRangeTooLarge);
    expect(client.stats().requests).toBe(1);
  });

  it("treats HTTP 413 as a range too large", async () => {
    const { client } = await setup(status(413));
    await expect(client.request("eth_getLogs", [{}])).rejects.toBeInstanceOf(RpcRangeTooLarge);
  });

  it("does not retry other 4xx answers", async () => {
    const { client } = await setup(status(401));
    await expect(client.request("eth_chainId")).rejects.toThrow(/HTTP 401/);
    expect(client.stats().requests).toBe(1);
  });

  it("waits as long as a 429's Retry-After says, up to maxRetryAfterMs", async () => {
    const { client, sleeps } = await setup(
      sequence(status(429, { "retry-after": "2" }), status(429, { "retry-after": "120" }), ok),
      { maxRetryAfterMs: 30_000 },
    );
    await client.request("eth_blockNumber");
    expect(sleeps).toEqual([2_000, 30_000]);
  });

  it("draws each backoff uniformly below a cap that doubles up to maxDelayMs", async () => {
    const draws = [0.99, 0.5, 0, 0.99, 0.99];
    const { client, sleeps } = await setup(status(500), { maxAttempts: 6 }, () => draws.shift()!);
    await expect(client.request("eth_getLogs")).rejects.toBeInstanceOf(RpcRetriesExhausted);
    // caps: 100, 200, 400, 800, 1000 (maxDelayMs)
    expect(sleeps).toEqual([99, 100, 0, 792, 990]);
  });

  it("keeps every backoff within [0, maxDelayMs] under a real random source", async () => {
    server = await startScriptedServer(status(500));
    const sleeps: number[] = [];
    const client = createJsonRpcClient(
      { url: server.url, maxAttempts: 12, baseDelayMs: 50, maxDelayMs: 400 },
      { sleep: async (ms) => void sleeps.push(ms) },
    );
    await expect(client.request("eth_getLogs")).rejects.toBeInstanceOf(RpcRetriesExhausted);
    expect(sleeps).toHaveLength(11);
    for (const [i, ms] of sleeps.entries()) expect(ms).toBeLessThan(Math.min(400, 50 * 2 ** i));
    expect(new Set(sleeps).size).toBeGreaterThan(5);
  });

  it("retries a whole batch when one of its calls is rate limited, and fails it on a permanent error", async () => {
    const oneRateLimited: Responder = ({ calls }, res) =>
      sendJson(res, 200, [
        rpcError(calls[0]!, 429, "rate limited"),
        { jsonrpc: "2.0", id: calls[1]!.id, result: 2 },
      ]);
    const oneBroken: Responder = ({ calls }, res) =>
      sendJson(res, 200, [
        { jsonrpc: "2.0", id: calls[0]!.id, result: 1 },
        rpcError(calls[1]!, -32602, "invalid params"),
      ]);
    const { client } = await setup(
      sequence(
        oneRateLimited,
        answerWith((call) => call.params[0]),
        oneBroken,
      ),
    );
    const calls = [1, 2].map((n) => ({ method: "echo", params: [n] }));
    await expect(client.batch(calls)).resolves.toEqual([1, 2]);
    expect(client.stats().retries["rate-limited"]).toBe(1);
    await expect(client.batch(calls)).rejects.toBeInstanceOf(RpcRequestError);
  });

  it("reads answers larger than 10 MB", async () => {
    const log = {
      address: `0x${"ab".repeat(20)}`,
      data: `0x${"00".repeat(256)}`,
      topics: [`0x${"11".repeat(32)}`],
    };
    const logs = Array.from({ length: 25_000 }, (_, i) => ({ ...log, logIndex: `0x${i.toString(16)}` }));
    const { client } = await setup(answerWith(() => logs));
    const size = JSON.stringify(logs).length;
    expect(size).toBeGreaterThan(10 * 1024 * 1024);
    const answer = await client.request<unknown[]>("eth_getLogs", [{}]);
    expect(answer).toHaveLength(25_000);
    expect(answer[24_999]).toEqual(logs[24_999]);
  });

  it("stops at once, without retrying, when the caller aborts", async () => {
    const { client } = await setup(hang, { timeoutMs: 10_000 });
    const stop = new AbortController();
    const pending = client.request("eth_getLogs", [], { signal: stop.signal });
    setTimeout(() => stop.abort(new Error("shutting down")), 50);
    await expect(pending).rejects.toThrow("shutting down");
    expect(client.stats().retries.timeout).toBe(0);
  });

  it("starts spacing requests after a 429", async () => {
    const { client } = await setup(sequence(status(429), ok));
    expect(client.stats().limiter.ratePerSecond).toBeNull();
    await client.request("eth_blockNumber");
    expect(client.stats().limiter.ratePerSecond).toBeGreaterThan(0);
  });

  it("rejects invalid options with a readable message", () => {
    expect(() => createJsonRpcClient({ url: "not a url" })).toThrow(RpcClientConfigError);
    expect(() => createJsonRpcClient({ url: "http://127.0.0.1:1", maxAttempts: 0 })).toThrow(/maxAttempts/);
  });
});
