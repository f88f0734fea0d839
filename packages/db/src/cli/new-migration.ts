// `pnpm --filter @tessera/db new-migration <name>`: the offline `prisma migrate dev --create-only`.
// It applies the committed migrations to a scratch database (DATABASE_URL's server, or an embedded one),
// asks Prisma's wasm schema engine what that database lacks compared with prisma/schema.prisma, and
// writes the answer as prisma/migrations/<timestamp>_<name>/migration.sql, laid out as Prisma lays it.
// `--check` writes nothing and exits 1 when schema.prisma has changes no migration captures (for CI).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { DbError } from "../errors.ts";
import {
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  migrationSlug,
  migrationTimestamp,
  readMigrationsDirectory,
} from "../migration-files.ts";
import { migrationsDir, repoRoot, schemaPath } from "../paths.ts";
import { diffDatabaseToSchema, diffEmptyToSchema } from "../schema-engine.ts";
import { createTestDatabase } from "../testing.ts";

const USAGE = "usage: new-migration <name> | new-migration --check";

async function main(args: string[]): Promise<number> {
  const check = args.includes("--check");
  const slug = migrationSlug(args.find((arg) => !arg.startsWith("--")) ?? "");
  if (!check && !slug) {
    console.error(USAGE);
    return 2;
  }
  const schema = await readFile(schemaPath, "utf8");
  const history = await readMigrationsDirectory(migrationsDir);
  const scratch = await createTestDatabase();
  try {
    // No migration yet: the first one creates everything (`migrate diff --from-empty`), including the
    // schema itself. Afterwards: the difference between the migrated scratch database and schema.prisma.
    const diff =
      history.migrations.length === 0
        ? await diffEmptyToSchema(scratch.url, schema)
        : await diffDatabaseToSchema(scratch.url, schema);
    if (diff.empty) {
      console.log("No schema changes");
      return 0;
    }
    if (check) {
      console.error("schema.prisma has changes that no migration captures:\n");
      console.error(diff.script);
      return 1;
    }
    const name = `${migrationTimestamp(
      new Date(),
      history.migrations.map((m) => m.name),
    )}_${slug}`;
    const folder = join(migrationsDir, name);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, "migration.sql"), diff.script, "utf8");
    if (history.lockfile === null)
      await writeFile(join(migrationsDir, LOCKFILE_NAME), LOCKFILE_CONTENT, "utf8");
    console.log(`wrote ${relative(repoRoot, join(folder, "migration.sql"))}; review it, then commit it:\n`);
    console.log(diff.script);
    return 0;
  } finally {
    await scratch.drop();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof DbError ? `${error.name} [${error.code}]: ${error.message}` : error);
  process.exitCode = 1;
}
