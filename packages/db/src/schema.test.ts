// The proof that prisma/migrations and prisma/schema.prisma agree: if someone edits the schema without
// adding a migration (or edits a migration by hand), these fail.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDEXES_OUTSIDE_SCHEMA, snapshotCatalog } from "./catalog.ts";
import { withClient } from "./databases.ts";
import { schemaPath } from "./paths.ts";
import { diffDatabaseToSchema, diffEmptyToSchema } from "./schema-engine.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let schema: string;
let migrated: TestDatabase;

beforeAll(async () => {
  schema = await readFile(schemaPath, "utf8");
  migrated = await createTestDatabase();
});
afterAll(() => migrated?.drop());

describe("the committed migrations", () => {
  it("build exactly the database schema.prisma describes: Prisma's engine finds nothing to change", async () => {
    const diff = await diffDatabaseToSchema(migrated.url, schema);
    expect(diff.script).toBe("-- This is an empty migration.\n");
    expect(diff.empty).toBe(true);
  });

  it("build the same catalog (tables, columns, defaults, indexes, constraints, enums) as the schema's own SQL", async () => {
    const fresh = await createTestDatabase({ migrationsDir: "/nonexistent-so-no-migrations" });
    try {
      const { script } = await diffEmptyToSchema(fresh.url, schema);
      await withClient(fresh.url, (client) => client.query(script));
      const exclude = { exclude: ["_prisma_migrations"], excludeIndexes: INDEXES_OUTSIDE_SCHEMA };
      const expected = await snapshotCatalog(fresh.url, exclude);
      expect(expected.columns.length).toBeGreaterThan(20); // the snapshot really reads something
      expect(await snapshotCatalog(migrated.url, exclude)).toEqual(expected);
      // The indexes the schema cannot describe exist after the migrations, and only there.
      const all = await snapshotCatalog(migrated.url, { exclude: ["_prisma_migrations"] });
      const fromSchema = await snapshotCatalog(fresh.url, { exclude: ["_prisma_migrations"] });
      for (const name of INDEXES_OUTSIDE_SCHEMA) {
        expect(all.indexes.some((line) => line.includes(`INDEX "${name}"`))).toBe(true);
        expect(fromSchema.indexes.some((line) => line.includes(`INDEX "${name}"`))).toBe(false);
      }
    } finally {
      await fresh.drop();
    }
  });

  it("would be reported stale when schema.prisma gains a field without a migration", async () => {
    const changed = schema.replace(/model ModelCard \{/, "model ModelCard {\n  license String?");
    const diff = await diffDatabaseToSchema(migrated.url, changed);
    expect(diff.empty).toBe(false);
    expect(diff.script).toContain('ALTER TABLE "ModelCard" ADD COLUMN     "license" TEXT');
  });
});
