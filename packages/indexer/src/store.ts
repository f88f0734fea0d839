// The indexer's reads and writes. A batch is ONE transaction holding its raw events, projection
// changes, undo journal, block hashes and checkpoint, so a crash leaves all of a batch or none of it.
// Raw events are inserted first with ON CONFLICT DO NOTHING: only events new to the database reach the
// projections, so processing a range twice changes nothing. Writes are one statement per table.
import { Prisma, type PrismaClient, refreshCatalogueEntries } from "@tessera/db";
import { refreshCatalogueForBatch, rollbackCatalogueAssets } from "./catalogue.ts";
import type { DecodedEvent } from "./decode.ts";
import { ALL_PROJECTION_TABLES, FACT_TABLES, type Rows, TABLES, type Table } from "./projection/rows.ts";
import type { UndoEntry, WorkingSet } from "./projection/working-set.ts";
import type { BlockHeader } from "./rpc/blocks.ts";

export type Tx = Prisma.TransactionClient;
export type Checkpoint = { blockNumber: bigint; blockHash: string };

export async function readCheckpoint(db: PrismaClient | Tx, chainId: number): Promise<Checkpoint | null> {
  const row = await db.indexerCheckpoint.findUnique({ where: { chainId } });
  return row ? { blockNumber: row.blockNumber, blockHash: row.blockHash } : null;
}

/** The checkpoint, locked until the transaction ends: one writer's batch at a time extends it. */
export async function lockCheckpoint(tx: Tx, chainId: number): Promise<Checkpoint | null> {
  const rows = await tx.$queryRawUnsafe<{ blockNumber: bigint; blockHash: string }[]>(
    `SELECT "blockNumber", "blockHash" FROM "IndexerCheckpoint" WHERE "chainId" = $1 FOR UPDATE`,
    chainId,
  );
  const row = rows[0];
  return row ? { blockNumber: BigInt(row.blockNumber), blockHash: row.blockHash } : null;
}

/** Inserts the raw events; returns the keys ("block:logIndex") of those that were not there yet. */
export async function insertRawEvents(
  tx: Tx,
  chainId: number,
  events: readonly DecodedEvent[],
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map((event) => ({
    chainId,
    blockNumber: event.blockNumber,
    blockHash: event.blockHash,
    logIndex: event.logIndex,
    txHash: event.txHash,
    address: event.address.toLowerCase(),
    eventName: event.eventName,
    args: event.args,
  }));
  const inserted = await tx.$queryRawUnsafe<{ blockNumber: bigint; logIndex: number }[]>(
    `INSERT INTO "ChainEvent" SELECT * FROM jsonb_populate_recordset(NULL::"ChainEvent", $1::jsonb)
     ON CONFLICT DO NOTHING RETURNING "blockNumber", "logIndex"`,
    toJson(rows),
  );
  return new Set(inserted.map((row) => `${row.blockNumber}:${row.logIndex}`));
}

/** Loads the named rows into the working set (absent rows as null). One query per table. */
export async function loadRows(
  tx: Tx,
  wanted: ReadonlyMap<Table, ReadonlySet<string>>,
  ws: WorkingSet,
): Promise<void> {
  for (const [table, ids] of wanted) {
    const missing = [...ids].filter((id) => !ws.has(table, id));
    if (missing.length === 0) continue;
    const found = await tx.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM "${table}" WHERE id = ANY($1::text[])`,
      missing,
    );
    const byId = new Map(found.map((row) => [row.id as string, fromDatabase(row)]));
    for (const id of missing) ws.seed(table, id, (byId.get(id) as Rows[Table] | undefined) ?? null);
  }
}

/** Writes a batch's projection changes (and the catalogue entries they affect), undo journal, block
 *  hashes and checkpoint. */
export async function writeBatch(
  tx: Tx,
  chainId: number,
  ws: WorkingSet,
  blocks: readonly BlockHeader[],
  checkpoint: Checkpoint,
): Promise<void> {
  for (const table of TABLES) {
    const rows = ws.changed(table);
    if (rows.length > 0) await upsert(tx, table, rows);
  }
  for (const table of FACT_TABLES) {
    const rows = ws.facts[table];
    if (rows.length === 0) continue;
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb) ON CONFLICT (id) DO NOTHING`,
      toJson(rows),
    );
  }
  await refreshCatalogueForBatch(tx, chainId, ws);
  if (ws.undo.length > 0) await insertUndo(tx, chainId, ws.undo);
  if (blocks.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Block" SELECT * FROM jsonb_populate_recordset(NULL::"Block", $1::jsonb)
       ON CONFLICT ("chainId", number) DO UPDATE SET hash = EXCLUDED.hash, "parentHash" = EXCLUDED."parentHash", timestamp = EXCLUDED.timestamp`,
      toJson(
        blocks.map((b) => ({
          chainId,
          number: b.number,
          hash: b.hash,
          parentHash: b.parentHash,
          timestamp: new Date(Number(b.timestamp) * 1000),
        })),
      ),
    );
  }
  await tx.indexerCheckpoint.upsert({
    where: { chainId },
    create: { chainId, ...checkpoint },
    update: checkpoint,
  });
}

/** Forgets journal entries and block hashes that can no longer be reorganised away. */
export async function pruneFinalized(tx: Tx, chainId: number, belowBlock: bigint): Promise<void> {
  await tx.projectionUndo.deleteMany({ where: { chainId, blockNumber: { lt: belowBlock } } });
  await tx.block.deleteMany({ where: { chainId, number: { lt: belowBlock } } });
}

/** Stored block hashes at or below `atOrBelow`, newest first: candidates for the common ancestor. */
export async function storedBlocks(db: PrismaClient, chainId: number, atOrBelow: bigint, limit: number) {
  return db.block.findMany({
    where: { chainId, number: { lte: atOrBelow } },
    orderBy: { number: "desc" },
    take: limit,
    select: { number: true, hash: true },
  });
}

/**
 * Undoes everything after `ancestor`: each changed row gets the image it had before its first change
 * past the ancestor (or is deleted if it was created there), facts and raw events past it go, and the
 * checkpoint moves back to it.
 */
export async function rollbackTo(db: PrismaClient, chainId: number, ancestor: Checkpoint): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const entries = await tx.$queryRawUnsafe<{ tableName: Table; rowId: string; before: unknown }[]>(
        `SELECT DISTINCT ON ("tableName", "rowId") "tableName", "rowId", "before" FROM "ProjectionUndo"
         WHERE "chainId" = $1 AND "blockNumber" > $2 ORDER BY "tableName", "rowId", "blockNumber", seq`,
        chainId,
        ancestor.blockNumber,
      );
      const catalogue = await rollbackCatalogueAssets(tx, chainId, entries, ancestor.blockNumber);
      for (const table of TABLES) {
        const mine = entries.filter((e) => e.tableName === table);
        const created = mine.filter((e) => e.before === null).map((e) => e.rowId);
        const restored = mine.filter((e) => e.before !== null).map((e) => e.before);
        if (created.length > 0) {
          await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE id = ANY($1::text[])`, created);
        }
        if (restored.length > 0) await upsert(tx, table, restored as Record<string, unknown>[]);
      }
      const after = { chainId, blockNumber: { gt: ancestor.blockNumber } };
      for (const table of FACT_TABLES) {
        await tx.$executeRawUnsafe(
          `DELETE FROM "${table}" WHERE "chainId" = $1 AND "blockNumber" > $2`,
          chainId,
          ancestor.blockNumber,
        );
      }
      await refreshCatalogueEntries(tx, chainId, catalogue);
      await tx.chainEvent.deleteMany({ where: after });
      await tx.projectionUndo.deleteMany({ where: after });
      await tx.block.deleteMany({ where: { chainId, number: { gt: ancestor.blockNumber } } });
      await tx.indexerCheckpoint.upsert({
        where: { chainId },
        create: { chainId, ...ancestor },
        update: ancestor,
      });
      return entries.length;
    },
    { timeout: 120_000 },
  );
}

/** Deletes everything projected from `chainId`: a chain that restarted from genesis (local dev). */
export async function resetChainData(db: PrismaClient, chainId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const table of [
      ...ALL_PROJECTION_TABLES,
      "ChainEvent",
      "Block",
      "ProjectionUndo",
      "IndexerCheckpoint",
    ]) {
      await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "chainId" = $1`, chainId);
    }
  });
}

/** Distinct currencies assets were credited in: the ones share transfers settle. */
export async function creditedCurrencies(db: PrismaClient | Tx, chainId: number): Promise<string[]> {
  const rows = await db.assetRevenue.findMany({
    where: { chainId },
    distinct: ["currency"],
    select: { currency: true },
  });
  return rows.map((row) => row.currency);
}

/** Inserts or replaces whole rows (every row of a table has the same columns). */
async function upsert(tx: Tx, table: Table, rows: readonly object[]): Promise<void> {
  const columns = Object.keys(rows[0] as object)
    .filter((column) => column !== "id")
    .map((column) => `"${column}"`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" SELECT * FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)
     ON CONFLICT (id) DO UPDATE SET (${columns.join(", ")}) = ROW(${columns.map((c) => `EXCLUDED.${c}`).join(", ")})`,
    toJson(rows),
  );
}

async function insertUndo(tx: Tx, chainId: number, undo: readonly UndoEntry[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "ProjectionUndo" ("chainId", "blockNumber", "tableName", "rowId", "before")
     SELECT "chainId", "blockNumber", "tableName", "rowId", "before"
     FROM jsonb_to_recordset($1::jsonb) AS x("chainId" int, "blockNumber" bigint, "tableName" text, "rowId" text, "before" jsonb)`,
    toJson(undo.map((entry) => ({ chainId, ...entry }))),
  );
}

/** JSON for Postgres: bigints as decimal strings (exact), dates as ISO strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** A row as raw SQL returns it, with numeric (Decimal) columns as bigint like the rest. */
function fromDatabase(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = Prisma.Decimal.isDecimal(value) ? BigInt((value as Prisma.Decimal).toFixed()) : value;
  }
  return out;
}
