// A loopback HTTP proxy that makes a well-behaved JSON-RPC node behave like a public provider on a bad
// day: 429s (some with Retry-After), 5xx, requests that hang, connections dropped mid-answer, and
// eth_getLogs refused over a block span or a result count, worded as real providers word it.
// Faults are drawn from a seeded PRNG, so a sequential run replays exactly; every fault is counted,
// so a test can check that the client saw (and survived) each one.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { seededRandom } from "./random.ts";

export type FaultKind =
  | "rate-limit"
  | "server-error"
  | "hang"
  | "drop"
  | "range-too-large"
  | "too-many-results";
export const FAULT_KINDS: readonly FaultKind[] = [
  "rate-limit",
  "server-error",
  "hang",
  "drop",
  "range-too-large",
  "too-many-results",
];

export type FaultProxyOptions = {
  upstream: string;
  seed: number;
  /** Chance, per HTTP request, of each whole-request fault (their sum must stay below 1). */
  probabilities?: Partial<Record<"rateLimit" | "serverError" | "hang" | "drop", number>>;
  /** Chance that a 429 carries Retry-After. */
  retryAfterProbability?: number;
  retryAfterSeconds?: number;
  /** eth_getLogs over more blocks than this is refused. */
  maxBlockSpan?: number;
  /** eth_getLogs answers with more logs than this are refused. */
  maxLogs?: number;
  enabled?: boolean;
};

export type FaultCounts = Record<FaultKind, number> & { requests: number; forwarded: number };
export type InjectedFault = { kind: FaultKind; methods: string[] };

export type FaultProxy = {
  url: string;
  counts(): FaultCounts;
  /** Every fault injected, in order. */
  history(): InjectedFault[];
  setEnabled(enabled: boolean): void;
  close(): Promise<void>;
};

type Call = { jsonrpc?: string; id?: unknown; method: string; params?: unknown[] };
type Answer = { jsonrpc: "2.0"; id: unknown; result?: unknown; error?: { code: number; message: string } };

export { seededRandom };

const rangeMessages = [
  (span: number, max: number) => ({ code: -32602, message: `range ${span} exceeds limit of ${max}` }),
  (_span: number, max: number) => ({ code: -32000, message: `exceed maximum block range: ${max}` }),
  (_span: number, max: number) => ({ code: -32614, message: `eth_getLogs is limited to a ${max} range` }),
  () => ({ code: -32000, message: "block range is too large" }),
];
const resultMessages = [
  (max: number) => ({ code: -32005, message: `query returned more than ${max} results` }),
  () => ({ code: -32602, message: "Log response size exceeded. Narrow the block range." }),
];

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const p = { rateLimit: 0, serverError: 0, hang: 0, drop: 0, ...options.probabilities };
  let enabled = options.enabled ?? true;
  const counts: FaultCounts = { requests: 0, forwarded: 0, ...zeroCounts() };
  const injected: InjectedFault[] = [];
  const sockets = new Set<Socket>();

  const inject = (kind: FaultKind, methods: string[]) => {
    counts[kind]++;
    injected.push({ kind, methods });
  };

  async function forward(body: unknown): Promise<{ status: number; text: string }> {
    counts.forwarded++;
    const response = await fetch(options.upstream, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  async function blockNumberOf(tag: unknown, head: () => Promise<number>): Promise<number> {
    if (
      typeof tag !== "string" ||
      tag === "latest" ||
      tag === "pending" ||
      tag === "safe" ||
      tag === "finalized"
    )
      return head();
    return tag === "earliest" ? 0 : Number(tag);
  }

  /** The range refusal for one call, if the proxy's provider limits say so. */
  async function refuseRange(call: Call, head: () => Promise<number>): Promise<Answer | undefined> {
    if (call.method !== "eth_getLogs" || options.maxBlockSpan === undefined) return undefined;
    const filter = (call.params?.[0] ?? {}) as {
      fromBlock?: unknown;
      toBlock?: unknown;
      blockHash?: unknown;
    };
    if (filter.blockHash !== undefined) return undefined;
    const span =
      (await blockNumberOf(filter.toBlock, head)) -
      (await blockNumberOf(filter.fromBlock ?? "latest", head)) +
      1;
    if (span <= options.maxBlockSpan) return undefined;
    inject("range-too-large", [call.method]);
    return { jsonrpc: "2.0", id: call.id ?? null, error: pick(rangeMessages)(span, options.maxBlockSpan) };
  }

  /** Runs the calls that pass the range check upstream, refuses over-full answers, keeps the order. */
  async function answerCalls(calls: Call[], batched: boolean): Promise<{ status: number; text: string }> {
    let headCache: Promise<number> | undefined;
    const head = () =>
      (headCache ??= forward({ jsonrpc: "2.0", id: 0, method: "eth_blockNumber", params: [] }).then(
        ({ text }) => Number((JSON.parse(text) as Answer).result),
      ));
    const refusals = await Promise.all(calls.map((call) => refuseRange(call, head)));
    const passing = calls.filter((_, i) => !refusals[i]);
    const upstreamAnswers = new Map<unknown, Answer>();
    if (passing.length > 0) {
      const upstream = await forward(batched ? passing : passing[0]);
      if (upstream.status !== 200) return upstream;
      const parsed = JSON.parse(upstream.text) as Answer | Answer[];
      for (const answer of Array.isArray(parsed) ? parsed : [parsed]) upstreamAnswers.set(answer.id, answer);
    }
    const answers = calls.map((call, i) => {
      const answer = refusals[i] ?? upstreamAnswers.get(call.id ?? null)!;
      const logs = answer.result;
      if (
        call.method === "eth_getLogs" &&
        options.maxLogs !== undefined &&
        Array.isArray(logs) &&
        logs.length > options.maxLogs
      ) {
        inject("too-many-results", [call.method]);
        return { jsonrpc: "2.0", id: answer.id, error: pick(resultMessages)(options.maxLogs) };
      }
      return answer;
    });
    return { status: 200, text: JSON.stringify(batched ? answers : answers[0]) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    counts.requests++;
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Call | Call[];
    const batched = Array.isArray(body);
    const calls = batched ? body : [body];
    const methods = calls.map((call) => call.method);
    if (!enabled) {
      const { status, text } = await forward(body);
      return void res.writeHead(status, { "content-type": "application/json" }).end(text);
    }
    const roll = random();
    if (roll < p.rateLimit) {
      inject("rate-limit", methods);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (random() < (options.retryAfterProbability ?? 0.5))
        headers["retry-after"] = String(options.retryAfterSeconds ?? 1);
      const error = { code: 429, message: "Too Many Requests" };
      return void res.writeHead(429, headers).end(JSON.stringify({ jsonrpc: "2.0", id: null, error }));
    }
    if (roll < p.rateLimit + p.serverError) {
      inject("server-error", methods);
      return void res
        .writeHead(pick([500, 502, 503]), { "content-type": "text/plain" })
        .end("upstream unavailable");
    }
    if (roll < p.rateLimit + p.serverError + p.hang) {
      inject("hang", methods);
      return; // the client's timeout ends it; close() destroys what is left
    }
    const answer = await answerCalls(calls, batched);
    if (roll < p.rateLimit + p.serverError + p.hang + p.drop) {
      inject("drop", methods);
      const length = Buffer.byteLength(answer.text);
      res.writeHead(answer.status, { "content-type": "application/json", "content-length": String(length) });
      return void res.write(answer.text.slice(0, Math.floor(answer.text.length / 2)), () =>
        res.socket?.destroy(),
      );
    }
    res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        res.writeHead(502, { "content-type": "text/plain" }).end(`fault proxy: ${String(error)}`);
      else res.socket?.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ ...counts }),
    history: () => injected.map((fault) => ({ ...fault })),
    setEnabled: (on) => {
      enabled = on;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function zeroCounts(): Record<FaultKind, number> {
  return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
}
