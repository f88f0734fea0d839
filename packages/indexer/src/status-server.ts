// The running indexer's status over HTTP (GET /status): the chain head, the checkpoint and the lag
// from the database, plus this process's RPC counters (requests, retries by reason, errors by kind,
// the adaptive limiter), which only the running process knows.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@tessera/db";
import type { HealthReporter } from "./health.ts";
import { getHeadBlockNumber } from "./rpc/blocks.ts";
import type { JsonRpcClient } from "./rpc/json-rpc.ts";
import { readStatus } from "./status.ts";

export type StatusServer = { url: string; close(): Promise<void> };

export async function startStatusServer(options: {
  port: number;
  db: PrismaClient;
  rpc: JsonRpcClient;
  chainId: number;
  confirmations: number;
  /** This process's own view of its health (fresher than the table while the database is away). */
  health?: HealthReporter;
}): Promise<StatusServer> {
  const { db, rpc, chainId, confirmations, health } = options;
  const server: Server = createServer((request, response) => {
    if (request.method !== "GET" || request.url !== "/status") {
      response.writeHead(404, { "content-type": "application/json" }).end('{"error":"GET /status"}');
      return;
    }
    getHeadBlockNumber(rpc)
      .then((head) => readStatus(db, chainId, head, confirmations, health?.current()))
      .then((status) => {
        const body = JSON.stringify({ ...status, rpc: rpc.stats() }, (_k, v) =>
          typeof v === "bigint" ? v.toString() : v,
        );
        response.writeHead(200, { "content-type": "application/json" }).end(body);
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        response
          .writeHead(503, { "content-type": "application/json" })
          .end(JSON.stringify({ error: message, indexer: health?.current() ?? null }));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/status`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
