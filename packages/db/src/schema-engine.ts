// Prisma's schema engine, compiled to wasm, driven through adapter-pg: the offline replacement for the
// native engine that `prisma migrate dev|diff` would download. Dev tooling and tests only (it lives in
// devDependencies); the app never loads it.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { DiffParams, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { SchemaEngineError } from "./errors.ts";
import { IntrospectionClient } from "./introspection-client.ts";
import { LOCKFILE_NAME, type MigrationsDirectory } from "./migration-files.ts";
import { loadSchemaEngine, trapPanics } from "./schema-engine-wasm.ts";

const SCHEMA_FILE = "schema.prisma";
export const noFilters: DiffParams["filters"] = { externalTables: [], externalEnums: [] };

/**
 * Runs `fn` with a schema engine connected to `databaseUrl` and whose target is `schema` (the text of
 * schema.prisma). Every pg pool the engine opened is closed afterwards, or the process would linger.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: string,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const Engine = await loadSchemaEngine();
  const base = new PrismaPg({ connectionString: databaseUrl, Client: IntrospectionClient });
  const opened: SqlDriverAdapter[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = await base.connect();
      opened.push(adapter);
      return adapter;
    },
    // adapter-pg's own shadow database connects to the main database when given a URL and drops the
    // shadow before closing its pool; we never need one (we diff from a migrated scratch database).
    connectToShadowDb: () => Promise.reject(new SchemaEngineError("shadow databases are not supported here")),
  };
  let engine: SchemaEngine | undefined;
  try {
    return await trapPanics(async () => {
      const adapterFactory = bindMigrationAwareSqlAdapterFactory(factory);
      engine = await Engine.new({ datamodels: [[SCHEMA_FILE, schema]] }, () => {}, adapterFactory);
      return fn(engine);
    });
  } catch (error) {
    if (error instanceof SchemaEngineError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new SchemaEngineError(`Prisma's schema engine failed: ${message}`, error);
  } finally {
    try {
      engine?.free();
    } catch {
      // already freed by a panic
    }
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

export interface SchemaDiff {
  /** True when the database already matches the schema. */
  empty: boolean;
  /** The SQL that takes the "from" side to the schema (Prisma's migration.sql format). */
  script: string;
}

function files(schema: string) {
  return [{ path: SCHEMA_FILE, content: schema }];
}

/** `prisma migrate diff --from-empty --to-schema`: the first migration of a project. */
export function diffEmptyToSchema(databaseUrl: string, schema: string): Promise<SchemaDiff> {
  return diff(databaseUrl, schema, { tag: "empty" });
}

/**
 * `prisma migrate diff --from-config-datasource --to-schema`: what the database at `databaseUrl` lacks
 * compared with the schema. The engine ignores `_prisma_migrations`, as Prisma does.
 */
export function diffDatabaseToSchema(databaseUrl: string, schema: string): Promise<SchemaDiff> {
  return diff(databaseUrl, schema, { tag: "schemaDatasource", files: files(schema), configDir: "." });
}

async function diff(databaseUrl: string, schema: string, from: DiffParams["from"]): Promise<SchemaDiff> {
  return withSchemaEngine(databaseUrl, schema, async (engine) => {
    const to: DiffParams["to"] = { tag: "schemaDatamodel", files: files(schema) };
    // exitCode: true makes the engine answer 2 when there is a difference, 0 when there is none.
    const result = await engine.diff({ from, to, script: true, exitCode: true, filters: noFilters });
    return { empty: result.exitCode === 0, script: result.stdout ?? "" };
  });
}

/** Our view of prisma/migrations in the shape the engine's migration commands take. */
export function migrationsListFor(directory: MigrationsDirectory): MigrationList {
  return {
    baseDir: directory.dir,
    lockfile: { path: LOCKFILE_NAME, content: directory.lockfile },
    shadowDbInitScript: "",
    migrationDirectories: directory.migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}
