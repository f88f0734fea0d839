// A loopback TCP proxy in front of Postgres that makes the database misbehave the way a real one does
// on a bad day: connections cut in the middle of a transaction, connections refused (a server that is
// restarting), answers that arrive slowly, and a "restart" that drops every open connection at once
// and refuses new ones for a while. Faults are drawn from a seeded PRNG and counted by kind, so a test
// can check that the indexer met (and survived) each one. It speaks no SQL: it watches the client's
// bytes for BEGIN only to know when a cut lands inside a transaction.
import { connect, createServer, type Server, type Socket } from "node:net";
import { seededRandom } from "./random.ts";

export type DbFaultKind = "cut-in-transaction" | "refused" | "slow" | "restart";
export const DB_FAULT_KINDS: readonly DbFaultKind[] = ["cut-in-transaction", "refused", "slow", "restart"];

export type DbFaultProxyOptions = {
  /** The real server's URL (only host and port are used). */
  upstream: string;
  seed: number;
  /** Per client message inside a transaction: chance the connection is cut there. */
  cutInTransaction?: number;
  /** Per new connection: chance it is refused. */
  refuse?: number;
  /** Per chunk in either direction: chance it is held back for `slowMs`. */
  slow?: number;
  slowMs?: number;
};

export type DbFaultCounts = Record<DbFaultKind, number> & { connections: number };

export type DbFaultProxy = {
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string;
  counts(): DbFaultCounts;
  /** Like a Postgres restart: every open connection is cut, and the next `refuseNext` connections are refused. */
  restart(refuseNext?: number): void;
  setEnabled(enabled: boolean): void;
  close(): Promise<void>;
};

export async function startDbFaultProxy(options: DbFaultProxyOptions): Promise<DbFaultProxy> {
  const upstream = new URL(options.upstream);
  const random = seededRandom(options.seed);
  const { cutInTransaction = 0, refuse = 0, slow = 0, slowMs = 200 } = options;
  const counts: DbFaultCounts = { connections: 0, "cut-in-transaction": 0, refused: 0, slow: 0, restart: 0 };
  const open = new Set<Socket>();
  let enabled = true;
  let refuseNext = 0;

  const server: Server = createServer((client) => {
    counts.connections++;
    if (refuseNext > 0 || (enabled && random() < refuse)) {
      if (refuseNext > 0) refuseNext--;
      else counts.refused++;
      client.destroy();
      return;
    }
    const db = connect(Number(upstream.port || 5432), upstream.hostname);
    open.add(client);
    open.add(db);
    let inTransaction = false;
    const cut = () => {
      client.destroy();
      db.destroy();
    };
    // Each direction forwards its chunks in order, some of them late.
    const pipe = (from: Socket, to: Socket, fromClient: boolean) => {
      let queue = Promise.resolve();
      from.on("data", (chunk: Buffer) => {
        if (fromClient && enabled) {
          const text = chunk.toString("latin1");
          if (/\bBEGIN\b/i.test(text)) inTransaction = true;
          else if (inTransaction && random() < cutInTransaction) {
            counts["cut-in-transaction"]++;
            return cut();
          }
          if (/\b(COMMIT|ROLLBACK)\b/i.test(text)) inTransaction = false;
        }
        const late = enabled && random() < slow;
        if (late) counts.slow++;
        queue = queue.then(async () => {
          if (late) await new Promise((resolve) => setTimeout(resolve, slowMs));
          if (!to.destroyed) to.write(chunk);
        });
      });
    };
    pipe(client, db, true);
    pipe(db, client, false);
    const close = () => {
      open.delete(client);
      open.delete(db);
      cut();
    };
    for (const socket of [client, db]) {
      socket.on("error", close);
      socket.on("close", close);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy has no port");

  return {
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = "127.0.0.1";
      url.port = String(address.port);
      return url.toString();
    },
    counts: () => ({ ...counts }),
    restart(next = 3) {
      counts.restart++;
      refuseNext = next;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    setEnabled(value) {
      enabled = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
