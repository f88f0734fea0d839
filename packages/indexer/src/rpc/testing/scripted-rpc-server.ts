// A loopback JSON-RPC server whose every answer a test scripts: the status, the headers, a body cut
// short, a socket that hangs. For the client's unit tests; test/support/fault-proxy.ts does the same
// randomly in front of a real chain.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type RpcCallBody = { jsonrpc: "2.0"; id: number; method: string; params: unknown[] };
export type ScriptedRequest = { body: RpcCallBody | RpcCallBody[]; calls: RpcCallBody[] };
export type Responder = (request: ScriptedRequest, res: ServerResponse) => void | Promise<void>;

export type ScriptedServer = {
  url: string;
  /** Every request received, in order. */
  requests: ScriptedRequest[];
  close(): Promise<void>;
};

export async function startScriptedServer(respond: Responder): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RpcCallBody | RpcCallBody[];
    const request = { body, calls: Array.isArray(body) ? body : [body] };
    requests.push(request);
    await respond(request, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

/** Answers each call of the request (single or batch) with `result(call)`. */
export function answerWith(result: (call: RpcCallBody) => unknown): Responder {
  return ({ body, calls }, res) => {
    const answers = calls.map((call) => ({ jsonrpc: "2.0", id: call.id, result: result(call) }));
    sendJson(res, 200, Array.isArray(body) ? answers : answers[0]);
  };
}

export function rpcError(call: RpcCallBody, code: number, message: string, data?: unknown) {
  return { jsonrpc: "2.0", id: call.id, error: { code, message, ...(data === undefined ? {} : { data }) } };
}

/** Sends headers and half the body, then kills the connection: a node that died mid-answer. */
export function dropMidBody(res: ServerResponse, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
}

/** Plays `steps` in order, one per request; the last one repeats. */
export function sequence(...steps: Responder[]): Responder {
  let i = 0;
  return (request, res) => steps[Math.min(i++, steps.length - 1)]!(request, res);
}
