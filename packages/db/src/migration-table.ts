// Prisma's `_prisma_migrations` bookkeeping, statement for statement as its schema engine issues them on
// Postgres (captured from @prisma/schema-engine-wasm's applyMigrations through adapter-pg's debug log).
// Keeping the DDL and the write pattern identical is what lets `prisma migrate deploy|status` treat a
// database migrated by our runner as its own.
import type pg from "pg";

/** Prisma's advisory lock id: holding it keeps our runner and Prisma's engine from migrating at once. */
export const PRISMA_ADVISORY_LOCK_ID = 72707369;

// Verbatim from the engine (including its column order and spacing) so a catalog diff shows nothing.
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

export interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

type Queryable = Pick<pg.ClientBase, "query">;

/** Creates the table when missing; the engine checks pg_class in the connection's schema first, as here. */
export async function ensureMigrationsTable(db: Queryable): Promise<void> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relname = '_prisma_migrations' AND c.relkind = 'r' AND n.nspname = current_schema()`,
  );
  if (!rowCount) await db.query(MIGRATIONS_TABLE_DDL);
}

export async function readMigrationRows(db: Queryable): Promise<MigrationRow[]> {
  const { rows } = await db.query<MigrationRow>(
    `SELECT "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at",
            "applied_steps_count" FROM "_prisma_migrations" ORDER BY "started_at" ASC`,
  );
  return rows;
}

// The engine inserts id, checksum, started_at and name; applied_steps_count starts at its default 0.
export async function recordMigrationStarted(db: Queryable, id: string, name: string, checksum: string) {
  await db.query(
    `INSERT INTO "_prisma_migrations" ("id","checksum","started_at","migration_name") VALUES ($1,$2,now(),$3)`,
    [id, checksum, name],
  );
}

// One script is one "step" for Prisma; success bumps the count, then stamps finished_at. clock_timestamp()
// rather than now(): inside our transaction now() would equal started_at and hide the duration.
export async function recordMigrationFinished(db: Queryable, id: string) {
  await db.query(
    `UPDATE "_prisma_migrations" SET "applied_steps_count" = ("applied_steps_count" + 1) WHERE "id" = $1`,
    [id],
  );
  await db.query(`UPDATE "_prisma_migrations" SET "finished_at" = clock_timestamp() WHERE "id" = $1`, [id]);
}

/** A failed step leaves finished_at NULL and the error in logs: Prisma's "failed migration" state. */
export async function recordMigrationFailed(db: Queryable, id: string, logs: string) {
  await db.query(`UPDATE "_prisma_migrations" SET "logs" = $1 WHERE "id" = $2`, [logs, id]);
}
