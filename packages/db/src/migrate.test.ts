import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withClient } from "./databases.ts";
import { applyMigrations, managesOwnTransaction } from "./migrate.ts";
import {
  MigrationChecksumMismatchError,
  MigrationFailedEarlierError,
  MigrationFailedError,
} from "./migration-errors.ts";
import { checksumOf, LOCKFILE_CONTENT } from "./migration-files.ts";
import { migrationsDir } from "./paths.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

// Every test gets an empty database (the runner under test applies the migrations, not the helper)
// and a private copy of prisma/migrations it may add to or tamper with.
let db: TestDatabase;
let dir: string;
let keepAlive: TestDatabase; // with an embedded server, dropping the last database would stop it
const noMigrations = join(tmpdir(), "tessera-does-not-exist");

beforeAll(async () => {
  keepAlive = await createTestDatabase({ migrationsDir: noMigrations });
});
afterAll(() => keepAlive?.drop());

async function addMigration(name: string, sql: string) {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, "migration.sql"), sql);
}

const rows = (url: string) =>
  withClient(
    url,
    async (c) => (await c.query(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`)).rows,
  );
const tableExists = (url: string, table: string) =>
  withClient(url, async (c) => (await c.query("SELECT to_regclass($1) AS t", [table])).rows[0].t !== null);

describe("applyMigrations", () => {
  beforeEach(async () => {
    db = await createTestDatabase({ migrationsDir: noMigrations });
    dir = await mkdtemp(join(tmpdir(), "tessera-migrations-"));
    await cp(migrationsDir, dir, { recursive: true });
  });
  afterEach(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it("applies the migrations in folder order, one row each, with Prisma's checksum", async () => {
    // The later one alters a table the earlier one creates: applying them out of order fails.
    await addMigration("30000101000000_b", 'ALTER TABLE "Extra" ADD COLUMN "b" INTEGER;');
    await addMigration("30000101000000_a", 'CREATE TABLE "Extra" ("a" INTEGER);');
    const result = await applyMigrations(db.url, { migrationsDir: dir });
    const names = result.applied.map((m) => m.name);
    expect(names.slice(-2)).toEqual(["30000101000000_a", "30000101000000_b"]);
    const recorded = await rows(db.url);
    expect(recorded.map((r) => r.migration_name)).toEqual(names);
    const sql = await readFile(join(dir, names[0]!, "migration.sql"), "utf8");
    expect(recorded[0].checksum).toBe(checksumOf(sql));
    for (const row of recorded) {
      expect(row).toMatchObject({ logs: null, rolled_back_at: null, applied_steps_count: 1 });
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it("is idempotent: a second run applies nothing and leaves the history untouched", async () => {
    await applyMigrations(db.url, { migrationsDir: dir });
    const before = await rows(db.url);
    const again = await applyMigrations(db.url, { migrationsDir: dir });
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(before.map((r) => r.migration_name));
    expect(await rows(db.url)).toEqual(before);
  });

  it("lets concurrent runners apply each migration exactly once (Prisma's advisory lock)", async () => {
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(db.url, { migrationsDir: dir })));
    expect(results.flatMap((r) => r.applied).length).toBe((await rows(db.url)).length);
    expect((await rows(db.url)).length).toBeGreaterThan(0);
  });

  it("refuses to run when an applied migration's file was edited, and applies nothing new", async () => {
    const [first] = (await applyMigrations(db.url, { migrationsDir: dir })).applied;
    await writeFile(join(dir, first!.name, "migration.sql"), "-- edited\n", { flag: "a" });
    await addMigration("30000101000000_new", 'CREATE TABLE "New" ("a" INTEGER);');
    const failure = applyMigrations(db.url, { migrationsDir: dir });
    await expect(failure).rejects.toBeInstanceOf(MigrationChecksumMismatchError);
    await expect(failure).rejects.toMatchObject({
      migrationName: first!.name,
      code: "MIGRATION_CHECKSUM_MISMATCH",
    });
    expect(await tableExists(db.url, '"New"')).toBe(false);
  });

  it("accepts a migration whose line endings became CRLF, as Prisma's engine does", async () => {
    await addMigration("30000101000000_lf", 'CREATE TABLE "Lf" (\n  "a" INTEGER\n);\n');
    await applyMigrations(db.url, { migrationsDir: dir });
    await addMigration("30000101000000_lf", 'CREATE TABLE "Lf" (\r\n  "a" INTEGER\r\n);\r\n');
    await expect(applyMigrations(db.url, { migrationsDir: dir })).resolves.toMatchObject({ applied: [] });
  });

  it("rolls a failing migration back completely and records nothing", async () => {
    await addMigration("30000101000000_bad", 'CREATE TABLE "Half" ("a" INTEGER);\nSELECT no_such_column;');
    const failure = applyMigrations(db.url, { migrationsDir: dir });
    await expect(failure).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(failure).rejects.toMatchObject({ rolledBack: true, migrationName: "30000101000000_bad" });
    expect(await tableExists(db.url, '"Half"')).toBe(false);
    expect((await rows(db.url)).map((r) => r.migration_name)).not.toContain("30000101000000_bad");
  });

  it("records a failed self-managed migration like Prisma and refuses to continue afterwards", async () => {
    await addMigration(
      "30000101000000_own",
      'BEGIN;\nCREATE TABLE "Own" ("a" INTEGER);\nCOMMIT;\nSELECT nope;',
    );
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toMatchObject({
      rolledBack: false,
    });
    const failed = (await rows(db.url)).find((r) => r.migration_name === "30000101000000_own");
    expect(failed).toMatchObject({ finished_at: null, applied_steps_count: 0, rolled_back_at: null });
    expect(failed.logs).toContain("nope");
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toBeInstanceOf(
      MigrationFailedEarlierError,
    );
  });

  it("reports migrations recorded in the database but missing from the folder, and applies the rest", async () => {
    await applyMigrations(db.url, { migrationsDir: dir });
    await withClient(db.url, (c) =>
      c.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
               VALUES ('00000000-0000-4000-8000-000000000000', $1, '29990101000000_gone', now(), 1)`,
        [checksumOf("")],
      ),
    );
    const result = await applyMigrations(db.url, { migrationsDir: dir });
    expect(result.unknown).toEqual(["29990101000000_gone"]);
  });

  it("refuses a lockfile written for another provider", async () => {
    await writeFile(join(dir, "migration_lock.toml"), LOCKFILE_CONTENT.replace("postgresql", "mysql"));
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toMatchObject({
      code: "MIGRATIONS_DIRECTORY_INVALID",
    });
  });
});

describe("managesOwnTransaction", () => {
  it("spots scripts Postgres cannot run inside our transaction, ignoring comments", () => {
    expect(managesOwnTransaction('CREATE INDEX CONCURRENTLY "i" ON "t"("a");')).toBe(true);
    expect(managesOwnTransaction("ALTER TYPE \"Kind\" ADD VALUE 'X';")).toBe(true);
    expect(managesOwnTransaction("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;")).toBe(true);
    expect(managesOwnTransaction('-- BEGIN; CONCURRENTLY\nCREATE TABLE "t" ("a" INTEGER);')).toBe(false);
  });
});
