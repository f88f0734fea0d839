import { afterEach, describe, expect, it } from "vitest";
import { createJsonRpcClient } from "./json-rpc.ts";
import { fetchAllLogs, fetchLogsAdaptive, type LogChunk, type RangeEvent } from "./logs-range.ts";
import { BlockTooLargeError } from "./range-planner.ts";
import { createFakeChain, FAKE_ADDRESSES } from "./testing/fake-chain.ts";
import { type ScriptedServer, sendJson, startScriptedServer } from "./testing/scripted-rpc-server.ts";

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(head: number, density?: (block: number) => number) {
  const chain = createFakeChain(head, density);
  server = await startScriptedServer(chain.respond);
  const client = createJsonRpcClient({ url: server.url, maxAttempts: 2 });
  return { chain, client };
}

const addresses = [FAKE_ADDRESSES[0], FAKE_ADDRESSES[1]];

describe("fetchLogsAdaptive", () => {
  it("returns exactly what one eth_getLogs over the whole range returns, though the node caps span and results", async () => {
    const { chain, client } = await setup(5_000);
    const direct = await client.request("eth_getLogs", [
      { address: addresses, fromBlock: "0x0", toBlock: "0x1388" },
    ]);
    chain.limits.maxSpan = 700;
    chain.limits.maxLogs = 900;
    const events: RangeEvent[] = [];
    const chunks: LogChunk[] = [];
    for await (const chunk of fetchLogsAdaptive(client, {
      addresses,
      fromBlock: 0n,
      toBlock: 5_000n,
      tuning: { initialSpan: 4_000, growAfter: 2 },
      onRange: (event) => events.push(event),
    }))
      chunks.push(chunk);
    expect(chunks.flatMap((chunk) => chunk.logs)).toEqual(direct);
    expect((direct as unknown[]).length).toBeGreaterThan(5_000);
    expect(chunks[0]?.fromBlock).toBe(0n);
    expect(chunks.at(-1)?.toBlock).toBe(5_000n);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]?.fromBlock).toBe(chunks[i - 1]!.toBlock + 1n);
    const refusals = events.filter((event) => event.outcome === "too-large");
    expect(refusals.length).toBeGreaterThan(0);
    expect(client.stats().errors["range-too-large"]).toBe(refusals.length);
    expect(client.stats().retries).toEqual({
      "rate-limited": 0,
      "server-error": 0,
      timeout: 0,
      connection: 0,
    });
  });

  it("halves on a refusal and retries the same start block", async () => {
    const { chain, client } = await setup(1_000);
    chain.limits.maxSpan = 300;
    const events: RangeEvent[] = [];
    await fetchAllLogs(client, {
      addresses,
      fromBlock: 100n,
      toBlock: 1_000n,
      tuning: { initialSpan: 800 },
      onRange: (e) => events.push(e),
    });
    expect(events.slice(0, 3).map((e) => [e.outcome, e.fromBlock, e.toBlock])).toEqual([
      ["too-large", 100n, 899n],
      ["too-large", 100n, 499n],
      ["fetched", 100n, 299n],
    ]);
  });

  it("grows the range after consecutive quick answers", async () => {
    const { client } = await setup(20_000, () => 0);
    const events: RangeEvent[] = [];
    await fetchAllLogs(client, {
      addresses,
      fromBlock: 0n,
      toBlock: 20_000n,
      tuning: { initialSpan: 100, growAfter: 2, maxSpan: 3_200 },
      onRange: (e) => events.push(e),
    });
    const spans = events.map((e) => Number(e.toBlock - e.fromBlock) + 1);
    expect(spans.slice(0, 12)).toEqual([100, 100, 200, 200, 400, 400, 800, 800, 1_600, 1_600, 3_200, 3_200]);
    expect(events.filter((e) => e.change === "grown")).toHaveLength(5);
  });

  it("fails with a clear error when one block alone is refused", async () => {
    const { chain, client } = await setup(100, (b) => (b === 60 ? 40 : 1));
    chain.limits.maxLogs = 20;
    const all = fetchAllLogs(client, { addresses: [...FAKE_ADDRESSES], fromBlock: 0n, toBlock: 100n });
    await expect(all).rejects.toBeInstanceOf(BlockTooLargeError);
    await expect(all).rejects.toMatchObject({ block: 60n });
  });

  it("rejects an answer that is not a list of logs", async () => {
    server = await startScriptedServer((r, res) =>
      sendJson(res, 200, { jsonrpc: "2.0", id: r.calls[0]!.id, result: [{ address: 1 }] }),
    );
    const client = createJsonRpcClient({ url: server.url });
    await expect(fetchAllLogs(client, { addresses, fromBlock: 0n, toBlock: 1n })).rejects.toThrow(
      /malformed answer/,
    );
  });
});
