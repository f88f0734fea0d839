import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { withClient } from "./databases.ts";
import { readMigrationsDirectory } from "./migration-files.ts";
import { migrationsDir } from "./paths.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

const open: TestDatabase[] = [];
afterAll(() => Promise.all(open.map((db) => db.drop())));

async function fresh() {
  const db = await createTestDatabase();
  open.push(db);
  return db;
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

describe("createTestDatabase", () => {
  it("gives every call its own freshly migrated database named tessera_test_<random>", async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    expect(a.name).toMatch(/^tessera_test_[0-9a-f]{12}$/);
    expect(a.name).not.toBe(b.name);
    expect(databaseName(a.url)).toBe(a.name);
    const { migrations } = await readMigrationsDirectory(migrationsDir);
    for (const db of [a, b]) {
      const applied = await withClient(db.url, async (c) =>
        (await c.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY started_at`)).rows.map(
          (r) => r.migration_name,
        ),
      );
      expect(applied).toEqual(migrations.map((m) => m.name));
    }
  });

  it("isolates databases: a row written in one is invisible in another", async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    await withClient(a.url, (c) =>
      c.query(`INSERT INTO "ModelCard" (sha256, name, summary, body) VALUES ('aa', 'n', 's', 'b')`),
    );
    const count = (url: string) =>
      withClient(url, async (c) => Number((await c.query(`SELECT count(*) FROM "ModelCard"`)).rows[0].count));
    expect(await count(a.url)).toBe(1);
    expect(await count(b.url)).toBe(0);
  });

  it("never hands out the database named by DATABASE_URL itself", async () => {
    const db = await fresh();
    const configured = process.env.DATABASE_URL;
    if (configured) expect(databaseName(db.url)).not.toBe(databaseName(configured));
    expect(databaseName(db.url)).not.toBe("tessera"); // the dev database
  });

  it("drop() removes the database even while a client is still connected", async () => {
    const other = await fresh(); // with an embedded server, the last drop would also stop the server
    const db = await createTestDatabase();
    const lingering = new pg.Client({ connectionString: db.url });
    lingering.on("error", () => {}); // the drop terminates this session on purpose
    await lingering.connect();
    await expect(db.drop()).resolves.toBeUndefined();
    await lingering.end().catch(() => {});
    const exists = await withClient(
      other.url,
      async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [db.name])).rowCount,
    );
    expect(exists).toBe(0);
  });
});
