// Our runner stands in for `prisma migrate deploy`; these tests hold it to Prisma's own engine (the wasm
// build of the same schema engine), in both directions.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotCatalog } from "./catalog.ts";
import { withClient } from "./databases.ts";
import { applyMigrations } from "./migrate.ts";
import { readMigrationsDirectory } from "./migration-files.ts";
import { migrationsDir, schemaPath } from "./paths.ts";
import { migrationsListFor, noFilters, withSchemaEngine } from "./schema-engine.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let schema: string;
let ours: TestDatabase; // migrated by our runner
let prismas: TestDatabase; // migrated by Prisma's engine

const history = (url: string) =>
  withClient(
    url,
    async (c) => (await c.query(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`)).rows,
  );

beforeAll(async () => {
  schema = await readFile(schemaPath, "utf8");
  ours = await createTestDatabase();
  prismas = await createTestDatabase({ migrationsDir: "/nonexistent-so-no-migrations" });
  await withClient(prismas.url, (c) => c.query('DROP TABLE "_prisma_migrations"'));
  const list = migrationsListFor(await readMigrationsDirectory(migrationsDir));
  await withSchemaEngine(prismas.url, schema, (engine) =>
    engine.applyMigrations({ migrationsList: list, filters: noFilters }),
  );
});
afterAll(async () => {
  await ours?.drop();
  await prismas?.drop();
});

describe("compatibility with Prisma's schema engine", () => {
  it("creates _prisma_migrations and the schema exactly as Prisma's engine does", async () => {
    const theirs = await snapshotCatalog(prismas.url);
    expect(theirs.columns).toContain("_prisma_migrations.checksum character varying(64) NOT NULL");
    expect(await snapshotCatalog(ours.url)).toEqual(theirs);
  });

  it("records the same history rows as Prisma's engine", async () => {
    const shape = (rows: Record<string, unknown>[]) =>
      rows.map(({ migration_name, checksum, logs, rolled_back_at, applied_steps_count, finished_at }) => ({
        migration_name,
        checksum,
        logs,
        rolled_back_at,
        applied_steps_count,
        finished: finished_at instanceof Date,
      }));
    const theirs = await history(prismas.url);
    expect(theirs.length).toBeGreaterThan(0);
    expect(shape(await history(ours.url))).toEqual(shape(theirs));
  });

  it("leaves a history that Prisma's engine reports as clean and up to date (migrate status / deploy)", async () => {
    const list = migrationsListFor(await readMigrationsDirectory(migrationsDir));
    const { status, deploy } = await withSchemaEngine(ours.url, schema, async (engine) => ({
      status: await engine.diagnoseMigrationHistory({
        migrationsList: list,
        optInToShadowDatabase: false,
        filters: noFilters,
      }),
      deploy: await engine.applyMigrations({ migrationsList: list, filters: noFilters }),
    }));
    expect(status).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
    expect(deploy.appliedMigrationNames).toEqual([]);
  });

  it("accepts a history written by Prisma's engine as fully applied", async () => {
    const result = await applyMigrations(prismas.url);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied.length).toBeGreaterThan(0);
  });
});
