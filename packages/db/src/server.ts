// The database for `pnpm dev`: the server named by DATABASE_URL when there is one, otherwise an embedded
// Postgres whose data survives restarts. Callers apply migrations afterwards (migrate.ts).
import { assertConnects, createDatabaseIfMissing } from "./databases.ts";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded.ts";
import { readDbEnv } from "./env.ts";

export const DEV_DATABASE = "tessera";

export interface StartDatabaseOptions {
  /** Where the embedded cluster keeps its files (initialised on first use, reused afterwards). */
  dataDir: string;
  /** The embedded cluster's TCP port on 127.0.0.1. */
  port: number;
  /** Defaults to process.env; tests pass their own. */
  env?: Record<string, string | undefined>;
}

export interface RunningDatabase {
  url: string;
  /** True when this process started an embedded Postgres (and stop() shuts it down). */
  embedded: boolean;
  /** Embedded only: how long initdb (0 when reused) and the start took. */
  timings?: EmbeddedServer["timings"];
  /** Stops the embedded server cleanly; a no-op for an external DATABASE_URL. */
  stop(): Promise<void>;
}

export async function startDatabase(opts: StartDatabaseOptions): Promise<RunningDatabase> {
  const { DATABASE_URL } = readDbEnv(opts.env);
  if (DATABASE_URL) {
    // Fail now, naming the URL, rather than at the first page load or indexer write.
    await assertConnects(DATABASE_URL);
    return { url: DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port });
  try {
    await createDatabaseIfMissing(server.urlFor("postgres"), DEV_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: server.urlFor(DEV_DATABASE),
    embedded: true,
    timings: server.timings,
    stop: () => server.stop(),
  };
}
