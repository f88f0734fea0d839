// Serves an in-process Hardhat network over HTTP JSON-RPC, so that the very chain a test deployed
// to with Ignition is also the chain the indexer, the web app and the browser's wallet talk to.
// (hre.network.createServer starts a separate chain of its own.)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { EthereumProvider } from "hardhat/types/providers";

type JsonRpcRequest = { id?: unknown; method: string; params?: unknown[] };

async function answer(provider: EthereumProvider, request: JsonRpcRequest): Promise<unknown> {
  try {
    const result = await provider.request({ method: request.method, params: request.params ?? [] });
    return { jsonrpc: "2.0", id: request.id ?? null, result };
  } catch (error) {
    const {
      code = -32603,
      message = String(error),
      data,
    } = error as { code?: number; message?: string; data?: unknown };
    return { jsonrpc: "2.0", id: request.id ?? null, error: { code, message, data } };
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export type RpcServer = { url: string; close(): Promise<void> };

export async function serveProvider(provider: EthereumProvider): Promise<RpcServer> {
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    // Browsers call the chain from the page's origin, as they do a real node's (CORS *).
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-allow-headers", "content-type");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();
    let body: JsonRpcRequest | JsonRpcRequest[];
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return void res
        .writeHead(400, { "content-type": "application/json" })
        .end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "parse error" } }));
    }
    const reply = Array.isArray(body)
      ? await Promise.all(body.map((r) => answer(provider, r)))
      : await answer(provider, body);
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify(reply, (_k, v) => (typeof v === "bigint" ? `0x${v.toString(16)}` : v)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
