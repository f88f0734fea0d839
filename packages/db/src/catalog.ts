// A comparable description of a database's schema, read from Postgres' catalogs: what the tests compare
// to prove two databases have the same tables, columns, types, nullability, defaults, indexes,
// constraints and enums. Independent of Prisma, so it checks the engine as much as our migrations.
import { withClient } from "./databases.ts";

/**
 * Indexes made by a migration that schema.prisma cannot describe (an index on an expression): Prisma's
 * engine leaves them alone, and a database built from the schema's own SQL lacks them.
 *   CatalogueEntry_search_name_idx, CatalogueEntry_search_head_idx: GIN on ts_filter(search, '{a}') and
 *   ts_filter(search, '{a,b}'), the catalogue's relevance tiers (migration catalogue_search_tiers).
 */
export const INDEXES_OUTSIDE_SCHEMA = ["CatalogueEntry_search_name_idx", "CatalogueEntry_search_head_idx"];

export interface CatalogSnapshot {
  enums: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
}

export async function snapshotCatalog(
  url: string,
  /** exclude: tables and types left out; excludeIndexes: indexes left out, by name. */
  opts: { exclude?: string[]; excludeIndexes?: string[] } = {},
): Promise<CatalogSnapshot> {
  const exclude = opts.exclude ?? [];
  const excludeIndexes = opts.excludeIndexes ?? [];
  return withClient(url, async (client) => {
    const lines = async (sql: string, params: unknown[] = [exclude]) =>
      (await client.query<{ line: string }>(sql, params)).rows.map((row) => row.line).sort();
    return {
      enums: await lines(
        `SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
           FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
           JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = 'public' AND NOT (t.typname = ANY ($1)) GROUP BY t.typname`,
      ),
      columns: await lines(
        `SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') AS line
           FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            AND NOT (c.relname = ANY ($1))`,
      ),
      indexes: await lines(
        `SELECT pg_get_indexdef(i.indexrelid) AS line
           FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
           JOIN pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND NOT (c.relname = ANY ($1)) AND NOT (ic.relname = ANY ($2))`,
        [exclude, excludeIndexes],
      ),
      // NOT NULL constraints are left out: PostgreSQL 18 lists them here, 15 does not; columns carry them.
      constraints: await lines(
        `SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
           FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND k.contype <> 'n' AND NOT (c.relname = ANY ($1))`,
      ),
    };
  });
}
