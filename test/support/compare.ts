// Every table the indexer derives from the chain, read back for comparison: two databases that
// indexed the same canonical chain must hold the same rows, however they got there.
import type { PrismaClient } from "@tessera/db";
import { ALL_PROJECTION_TABLES } from "@tessera/indexer";

const COMPARED = [...ALL_PROJECTION_TABLES, "ChainEvent", "IndexerCheckpoint"] as const;

export type TableDump = Record<string, unknown[]>;

export async function dumpTables(db: PrismaClient, chainId: number): Promise<TableDump> {
  const dump: TableDump = {};
  for (const table of COMPARED) {
    // Each row as Postgres' own JSON text: exact for uint256 numerics, and readable for the columns
    // Prisma cannot decode (CatalogueEntry's tsvector copy of the card's search document).
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(
      `SELECT (to_jsonb(t) - 'updatedAt')::text AS row FROM "${table}" t WHERE t."chainId" = $1`,
      chainId,
    );
    dump[table] = rows.map(({ row }) => row).sort();
  }
  return dump;
}

/** Names of tables whose rows differ, with counts: empty when the databases agree. */
export function differences(a: TableDump, b: TableDump): string[] {
  const out: string[] = [];
  for (const table of Object.keys(a)) {
    const left = new Set(a[table] as string[]);
    const right = new Set(b[table] as string[]);
    const onlyLeft = [...left].filter((row) => !right.has(row));
    const onlyRight = [...right].filter((row) => !left.has(row));
    if (onlyLeft.length + onlyRight.length > 0) {
      out.push(
        `${table}: ${onlyLeft.length} rows only in the first, ${onlyRight.length} only in the second; e.g. ${onlyLeft[0] ?? ""} | ${onlyRight[0] ?? ""}`,
      );
    }
  }
  return out;
}

export function rowCount(dump: TableDump): number {
  return Object.values(dump).reduce((sum, rows) => sum + rows.length, 0);
}
