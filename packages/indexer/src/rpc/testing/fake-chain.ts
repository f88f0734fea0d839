// A made-up chain of logs behind the scripted server, with a provider's limits switchable at will:
// enough to test the range planner and the header reader against answers whose truth is known.
import { keccak256, toHex } from "viem";
import { type Responder, rpcError, sendJson } from "./scripted-rpc-server.ts";

export const FAKE_ADDRESSES = [
  "0x00000000000000000000000000000000000000a1",
  "0x00000000000000000000000000000000000000b2",
  "0x00000000000000000000000000000000000000c3",
] as const;

export type FakeChainLimits = { maxSpan?: number; maxLogs?: number };

const hash = (label: string) => keccak256(toHex(label));

/** Block b holds `density(b)` logs, round-robin over FAKE_ADDRESSES. */
export function createFakeChain(head: number, density: (block: number) => number = (b) => (b * 7) % 5) {
  const limits: FakeChainLimits = {};
  const logsAt = (block: number) =>
    Array.from({ length: density(block) }, (_, i) => ({
      address: FAKE_ADDRESSES[(block + i) % 3]!,
      topics: [hash(`topic-${i}`)],
      data: toHex(block * 1_000 + i, { size: 32 }),
      blockNumber: toHex(block),
      blockHash: hash(`block-${block}`),
      transactionHash: hash(`tx-${block}-${i}`),
      transactionIndex: "0x0",
      logIndex: toHex(i),
      removed: false,
    }));

  const getLogs = (filter: { address: string[]; fromBlock: string; toBlock: string }) => {
    const from = Number(filter.fromBlock);
    const to = Math.min(Number(filter.toBlock), head);
    const logs = [];
    for (let b = from; b <= to; b++)
      logs.push(...logsAt(b).filter((log) => filter.address.includes(log.address)));
    return logs;
  };

  const respond: Responder = ({ body, calls }, res) => {
    const answers = calls.map((call) => {
      if (call.method === "eth_blockNumber") return { jsonrpc: "2.0", id: call.id, result: toHex(head) };
      if (call.method === "eth_getBlockByNumber") {
        const n = Number(call.params[0]);
        const result =
          n > head
            ? null
            : {
                number: toHex(n),
                hash: hash(`block-${n}`),
                parentHash: hash(`block-${n - 1}`),
                timestamp: toHex(1_700_000_000 + n * 2),
                transactions: [],
              };
        return { jsonrpc: "2.0", id: call.id, result };
      }
      const filter = call.params[0] as { address: string[]; fromBlock: string; toBlock: string };
      const span = Number(filter.toBlock) - Number(filter.fromBlock) + 1;
      if (limits.maxSpan !== undefined && span > limits.maxSpan)
        return rpcError(call, -32602, `range ${span} exceeds limit of ${limits.maxSpan}`);
      const logs = getLogs(filter);
      if (limits.maxLogs !== undefined && logs.length > limits.maxLogs)
        return rpcError(call, -32005, `query returned more than ${limits.maxLogs} results`);
      return { jsonrpc: "2.0", id: call.id, result: logs };
    });
    sendJson(res, 200, Array.isArray(body) ? answers : answers[0]);
  };

  return { respond, limits, blockHash: (n: number) => hash(`block-${n}`) };
}
