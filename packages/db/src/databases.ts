// Server-level chores (does it answer, create or drop a database) shared by server.ts and testing.ts.
import pg from "pg";
import { DatabaseUnreachableError } from "./errors.ts";

const CONNECT_TIMEOUT_MS = 5_000;
// CREATE DATABASE racing another process: duplicate_database, or the catalog's unique index.
const ALREADY_EXISTS = new Set(["42P04", "23505"]);

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => {}); // surfaced by the pending query instead; see migrate.ts
  await client.connect().catch((error: unknown) => {
    throw new DatabaseUnreachableError(url, error);
  });
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Fails with DatabaseUnreachableError (naming the URL, password hidden) unless `url` answers a query. */
export async function assertConnects(url: string): Promise<void> {
  await withClient(url, (client) => client.query("SELECT 1"));
}

/** The same server and credentials as `url`, another database. */
export function urlWithDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      if (ALREADY_EXISTS.has((error as { code?: string }).code ?? "")) return false;
      throw error;
    }
  });
}

/** WITH (FORCE) ends sessions still open on it (a Prisma client a test forgot to disconnect). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}
