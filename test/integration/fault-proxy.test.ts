// The indexer's RPC layer against a real Hardhat chain, through a proxy that misbehaves like a public
// provider: every fault the proxy injects must be one the client saw and survived, and the logs read
// range by range must be exactly those one direct eth_getLogs returns.
import hre from "hardhat";
import type { Address, Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBlockHeaders, getHeadBlockNumber } from "../../packages/indexer/src/rpc/blocks.ts";
import { createJsonRpcClient, type JsonRpcClient } from "../../packages/indexer/src/rpc/json-rpc.ts";
import { fetchAllLogs, fetchLogsAdaptive, type RawLog } from "../../packages/indexer/src/rpc/logs-range.ts";
import { FAULT_KINDS, type FaultProxy, startFaultProxy } from "../support/fault-proxy.ts";
import { type RpcServer, serveProvider } from "../support/rpc-server.ts";

// Runtime code that emits n LOG1 events (topic = countdown, data = 32 bytes) for calldata n: the
// cheapest way to get many logs without compiling anything.
const EMITTER_CODE = "0x6000355b8015601a57806000528060206000a1600190036003565b00";
const EMITTERS = [
  "0x00000000000000000000000000000000000e0001",
  "0x00000000000000000000000000000000000e0002",
  "0x00000000000000000000000000000000000e0003",
] as const satisfies Address[];
const WATCHED = [EMITTERS[0], EMITTERS[1]];

type Connection = Awaited<ReturnType<typeof hre.network.create>>;

let connection: Connection;
let upstream: RpcServer;
let direct: JsonRpcClient;
let sparseHead: bigint;
let head: bigint;

const quantity = (n: number | bigint): Hex => `0x${n.toString(16)}`;
/** Backoff and Retry-After, shortened to keep the test quick; the delays asked for are still logged. */
const quickSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 5)));

beforeAll(async () => {
  connection = await hre.network.create();
  const { provider } = connection;
  const [from] = (await provider.request({ method: "eth_accounts" })) as Address[];
  for (const address of EMITTERS)
    await provider.request({ method: "hardhat_setCode", params: [address, EMITTER_CODE] });
  const emit = (to: Address, count: number) =>
    provider.request({
      method: "eth_sendTransaction",
      params: [{ from, to, data: `0x${count.toString(16).padStart(64, "0")}`, gas: "0xf42400" }],
    });
  // A sparse stretch: transactions with 0-119 logs between runs of empty blocks.
  for (let i = 0; i < 60; i++) {
    await emit(EMITTERS[i % 3]!, (i * 37) % 120);
    await provider.request({ method: "hardhat_mine", params: [quantity(20 + ((i * 13) % 90))] });
  }
  upstream = await serveProvider(provider);
  direct = createJsonRpcClient({ url: upstream.url, timeoutMs: 30_000 });
  sparseHead = await getHeadBlockNumber(direct);
  // Then a dense stretch whose logs alone make an answer of more than 10 MB.
  for (let i = 0; i < 3; i++) await emit(EMITTERS[i % 2]!, 9_000);
  head = await getHeadBlockNumber(direct);
});

afterAll(async () => {
  await upstream?.close();
  await connection?.close();
});

async function directLogs(fromBlock: bigint, toBlock: bigint): Promise<RawLog[]> {
  return direct.request<RawLog[]>("eth_getLogs", [
    { address: WATCHED, fromBlock: quantity(fromBlock), toBlock: quantity(toBlock) },
  ]);
}

describe("the RPC layer through a fault proxy on a Hardhat chain", () => {
  let proxy: FaultProxy;
  afterAll(() => proxy?.close());

  it("reads every log and header despite injected faults, and saw each fault the proxy counted", async () => {
    proxy = await startFaultProxy({
      upstream: upstream.url,
      seed: 0x7e55e2a,
      probabilities: { rateLimit: 0.1, serverError: 0.1, hang: 0.03, drop: 0.08 },
      maxBlockSpan: 200,
      maxLogs: 150,
    });
    const client = createJsonRpcClient(
      { url: proxy.url, maxAttempts: 10, timeoutMs: 400, baseDelayMs: 50, maxDelayMs: 1_000 },
      { sleep: quickSleep },
    );
    const expected = await directLogs(0n, sparseHead);
    expect(expected.length).toBeGreaterThan(1_000);

    const logs: RawLog[] = [];
    for await (const chunk of fetchLogsAdaptive(client, {
      addresses: WATCHED,
      fromBlock: 0n,
      toBlock: sparseHead,
      tuning: { initialSpan: 2_000, growAfter: 2 },
    }))
      logs.push(...chunk.logs);
    expect(logs).toEqual(expected);

    const blocks = [...new Set(expected.map((log) => BigInt(log.blockNumber)))];
    const headers = await getBlockHeaders(client, blocks, { batchSize: 4 });
    expect(headers.map((header) => header.hash)).toEqual(
      blocks.map((n) => expected.find((log) => BigInt(log.blockNumber) === n)!.blockHash),
    );
    expect(await getBlockHeaders(direct, blocks)).toEqual(headers);

    const injected = proxy.counts();
    const seen = client.stats();
    console.info("fault proxy counts:", injected, "client:", {
      requests: seen.requests,
      retries: seen.retries,
      errors: seen.errors,
    });
    expect(seen.requests).toBe(injected.requests);
    expect(seen.errors["rate-limited"]).toBe(injected["rate-limit"]);
    expect(seen.errors["server-error"]).toBe(injected["server-error"]);
    expect(seen.errors.timeout).toBe(injected.hang);
    expect(seen.errors.connection).toBe(injected.drop);
    expect(seen.errors["range-too-large"]).toBe(injected["range-too-large"] + injected["too-many-results"]);
    expect(seen.errors.request).toBe(0);
    // Every whole-request fault was retried (none exhausted the attempts).
    expect(seen.retries).toEqual({
      "rate-limited": injected["rate-limit"],
      "server-error": injected["server-error"],
      timeout: injected.hang,
      connection: injected.drop,
    });
    for (const kind of FAULT_KINDS) expect(injected[kind], kind).toBeGreaterThan(0);
  });

  it("passes everything through untouched when switched off", async () => {
    proxy.setEnabled(false);
    const before = proxy.counts();
    const client = createJsonRpcClient({ url: proxy.url, maxAttempts: 1 });
    const logs = await client.request<RawLog[]>("eth_getLogs", [
      { address: WATCHED, fromBlock: "0x0", toBlock: quantity(sparseHead) },
    ]);
    expect(logs).toEqual(await directLogs(0n, sparseHead));
    const after = proxy.counts();
    for (const kind of FAULT_KINDS) expect(after[kind]).toBe(before[kind]);
    expect(after.requests).toBe(before.requests + 1);
  });

  it("injects the same faults in the same order for the same seed", async () => {
    const run = async () => {
      const replay = await startFaultProxy({
        upstream: upstream.url,
        seed: 42,
        probabilities: { rateLimit: 0.2, serverError: 0.2, drop: 0.2 },
      });
      const client = createJsonRpcClient({ url: replay.url, maxAttempts: 1 }, { sleep: quickSleep });
      for (let i = 0; i < 30; i++) await client.request("eth_blockNumber").catch(() => {});
      await replay.close();
      return replay.history().map((fault) => fault.kind);
    };
    const first = await run();
    expect(first.length).toBeGreaterThan(5);
    expect(await run()).toEqual(first);
  });
});

describe("a chain whose answer is larger than 10 MB", () => {
  it("is read in one direct call, and range by range into exactly the same logs", async () => {
    const body = await fetch(upstream.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "eth_getLogs",
        params: [{ address: WATCHED, fromBlock: "0x0", toBlock: quantity(head) }],
      }),
    }).then((response) => response.text());
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);

    const whole = await directLogs(0n, head);
    const ranged = await fetchAllLogs(direct, {
      addresses: WATCHED,
      fromBlock: 0n,
      toBlock: head,
      tuning: { initialSpan: 300 },
    });
    expect(whole.length).toBeGreaterThan(18_000);
    expect(ranged).toEqual(whole);
  });
});
