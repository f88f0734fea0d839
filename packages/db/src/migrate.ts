// An offline stand-in for `prisma migrate deploy`: Prisma's CLI needs a native schema engine that this
// machine cannot download, so we apply prisma/migrations ourselves on `pg`, under Prisma's advisory lock
// and with Prisma's bookkeeping (migration-table.ts). Prisma's engine then sees the history as its own.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { DatabaseUnreachableError } from "./errors.ts";
import {
  MigrationChecksumMismatchError,
  MigrationFailedEarlierError,
  MigrationFailedError,
} from "./migration-errors.ts";
import { checksumMatches, type MigrationFile, readMigrationsDirectory } from "./migration-files.ts";
import * as table from "./migration-table.ts";
import { migrationsDir as defaultMigrationsDir } from "./paths.ts";

export interface ApplyMigrationsOptions {
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
  /** Called once per applied migration (the CLI prints it; libraries stay quiet). */
  onApplied?: (migration: AppliedMigration) => void;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
  durationMs: number;
}

export interface ApplyMigrationsResult {
  applied: AppliedMigration[];
  /** Migrations that were already applied before this call. */
  alreadyApplied: string[];
  /** Applied in the database but absent from the folder (an older checkout); ignored, as Prisma does. */
  unknown: string[];
}

export async function applyMigrations(
  databaseUrl: string,
  opts: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const { migrations } = await readMigrationsDirectory(opts.migrationsDir ?? defaultMigrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  // A dropped connection surfaces as the failing query's rejection; without a listener pg would also
  // emit it as an unhandled 'error' event and crash the process.
  client.on("error", () => {});
  await client.connect().catch((error: unknown) => {
    throw new DatabaseUnreachableError(databaseUrl, error);
  });
  try {
    // Session-level lock, as Prisma takes it: it outlives our per-migration transactions.
    await client.query("SELECT pg_advisory_lock($1)", [table.PRISMA_ADVISORY_LOCK_ID]);
    await table.ensureMigrationsTable(client);
    const rows = (await table.readMigrationRows(client)).filter((row) => row.rolled_back_at === null);

    const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
    if (failed.length > 0) throw new MigrationFailedEarlierError(failed);

    const onDisk = new Map(migrations.map((m) => [m.name, m]));
    for (const row of rows) {
      const file = onDisk.get(row.migration_name);
      if (file && !checksumMatches(row.checksum, file.sql)) {
        throw new MigrationChecksumMismatchError(row.migration_name, row.checksum, file.checksum);
      }
    }
    const appliedNames = new Set(rows.map((row) => row.migration_name));
    const result: ApplyMigrationsResult = {
      applied: [],
      alreadyApplied: migrations.filter((m) => appliedNames.has(m.name)).map((m) => m.name),
      unknown: [...appliedNames].filter((name) => !onDisk.has(name)),
    };
    for (const migration of migrations.filter((m) => !appliedNames.has(m.name))) {
      const applied = await applyOne(client, migration);
      result.applied.push(applied);
      opts.onApplied?.(applied);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [table.PRISMA_ADVISORY_LOCK_ID]).catch(() => {});
    await client.end();
  }
}

/**
 * Statements Postgres refuses inside a transaction block, or scripts that manage their own transaction.
 * Those run like Prisma runs every script: unwrapped, recorded as failed if they fail.
 */
export function managesOwnTransaction(sql: string): boolean {
  const code = sql.replace(/--.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
  return /\bCONCURRENTLY\b|\bADD\s+VALUE\b|^\s*(BEGIN|COMMIT|START\s+TRANSACTION)\b/im.test(code);
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<AppliedMigration> {
  const id = randomUUID();
  const started = performance.now();
  if (managesOwnTransaction(migration.sql)) {
    await table.recordMigrationStarted(client, id, migration.name, migration.checksum);
    try {
      await client.query(migration.sql);
    } catch (error) {
      await table.recordMigrationFailed(client, id, error instanceof Error ? error.message : String(error));
      throw new MigrationFailedError(migration.name, false, error);
    }
    await table.recordMigrationFinished(client, id);
  } else {
    // Script and bookkeeping commit together: a failure leaves neither a half-applied schema nor a
    // "failed" row that would block every later deploy.
    try {
      await client.query("BEGIN");
      await table.recordMigrationStarted(client, id, migration.name, migration.checksum);
      await client.query(migration.sql);
      await table.recordMigrationFinished(client, id);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw new MigrationFailedError(migration.name, true, error);
    }
  }
  return { name: migration.name, checksum: migration.checksum, durationMs: performance.now() - started };
}
