import { afterEach, describe, expect, it } from "vitest";
import { BlockNotFoundError, getBlockHeaders, getHeadBlockNumber } from "./blocks.ts";
import { createJsonRpcClient } from "./json-rpc.ts";
import { createFakeChain } from "./testing/fake-chain.ts";
import { type ScriptedServer, startScriptedServer } from "./testing/scripted-rpc-server.ts";

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(head: number) {
  const chain = createFakeChain(head);
  server = await startScriptedServer(chain.respond);
  return { chain, server, client: createJsonRpcClient({ url: server.url, maxAttempts: 1 }) };
}

describe("getBlockHeaders", () => {
  it("returns one header per distinct block, ascending, from batched requests", async () => {
    const { chain, server, client } = await setup(500);
    const headers = await getBlockHeaders(
      client,
      [250n, 3n, 250n, ...Array.from({ length: 200 }, (_, i) => BigInt(i + 10))],
      {
        batchSize: 50,
      },
    );
    expect(headers).toHaveLength(202);
    expect(headers[0]).toEqual({
      number: 3n,
      hash: chain.blockHash(3),
      parentHash: chain.blockHash(2),
      timestamp: 1_700_000_006n,
    });
    expect(headers.map((h) => h.number)).toEqual(
      [...headers.map((h) => h.number)].sort((a, b) => Number(a - b)),
    );
    expect(server.requests).toHaveLength(5);
    expect(server.requests[0]?.calls[0]).toMatchObject({
      method: "eth_getBlockByNumber",
      params: ["0x3", false],
    });
  });

  it("says which block the node does not have", async () => {
    const { client } = await setup(10);
    await expect(getBlockHeaders(client, [9n, 11n])).rejects.toThrow(BlockNotFoundError);
    await expect(getBlockHeaders(client, [11n])).rejects.toThrow(/block 11 is not on the node's chain/);
  });

  it("asks nothing for no blocks", async () => {
    const { server, client } = await setup(10);
    await expect(getBlockHeaders(client, [])).resolves.toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});

describe("getHeadBlockNumber", () => {
  it("reads eth_blockNumber as a bigint", async () => {
    const { client } = await setup(1234);
    await expect(getHeadBlockNumber(client)).resolves.toBe(1234n);
  });
});
