// The catalogue projection (CatalogueEntry) follows its inputs inside the transaction that changes
// them: after a batch's rows are written, and after a reorg's rollback, the entries of every asset whose
// inputs changed are recomputed by the database's catalogue_refresh (the one definition of an entry,
// shared with saveModelCard and the bench). Recomputing instead of patching keeps a reorg simple: the
// inputs are restored by the undo journal, then the entries are derived again.
import { type Prisma, refreshCatalogueEntries } from "@tessera/db";
import type { Table } from "./projection/rows.ts";
import type { WorkingSet } from "./projection/working-set.ts";

type Tx = Prisma.TransactionClient;

/** Tables whose rows feed an asset's entry (with AssetVersion, a fact table, and Currency). */
const ASSET_INPUTS = ["Asset", "Offer", "AssetStake"] as const satisfies readonly Table[];

/** Assets whose entry a batch's changes affect. */
export async function batchCatalogueAssets(tx: Tx, chainId: number, ws: WorkingSet): Promise<Set<bigint>> {
  const ids = new Set<bigint>();
  for (const table of ASSET_INPUTS) for (const row of ws.changed(table)) ids.add(row.assetId);
  for (const row of ws.facts.AssetVersion) ids.add(row.assetId);
  // Allowing or disallowing a stablecoin changes the stablecoin price of every asset priced in it.
  const currencies = ws.changed("Currency").map((row) => row.address);
  for (const id of await assetsPricedIn(tx, chainId, currencies)) ids.add(id);
  return ids;
}

/** Recomputes the entries of a batch's affected assets (call after the batch's rows are written). */
export async function refreshCatalogueForBatch(tx: Tx, chainId: number, ws: WorkingSet): Promise<void> {
  await refreshCatalogueEntries(tx, chainId, await batchCatalogueAssets(tx, chainId, ws));
}

type UndoRow = { tableName: string; rowId: string; before: unknown };

/**
 * Assets whose entry a rollback past `ancestor` affects: read BEFORE the rollback changes anything (the
 * rows it will delete or restore, and the versions published past the ancestor).
 */
export async function rollbackCatalogueAssets(
  tx: Tx,
  chainId: number,
  entries: readonly UndoRow[],
  ancestorBlock: bigint,
): Promise<Set<bigint>> {
  const ids = new Set<bigint>();
  const currencies: string[] = [];
  for (const table of [...ASSET_INPUTS, "Currency"] as const) {
    const mine = entries.filter((entry) => entry.tableName === table);
    if (mine.length === 0) continue;
    const column = table === "Currency" ? "address" : `"assetId"`;
    const current = await tx.$queryRawUnsafe<{ key: unknown }[]>(
      `SELECT ${column} AS key FROM "${table}" WHERE id = ANY($1::text[])`,
      mine.map((entry) => entry.rowId),
    );
    const before = mine
      .map((entry) => entry.before as Record<string, unknown> | null)
      .filter((row): row is Record<string, unknown> => row !== null)
      .map((row) => ({ key: table === "Currency" ? row.address : row.assetId }));
    for (const { key } of [...current, ...before]) {
      if (table === "Currency") currencies.push(String(key));
      else ids.add(BigInt(String(key)));
    }
  }
  const versions = await tx.$queryRawUnsafe<{ assetId: bigint }[]>(
    `SELECT DISTINCT "assetId" FROM "AssetVersion" WHERE "chainId" = $1 AND "blockNumber" > $2`,
    chainId,
    ancestorBlock,
  );
  for (const row of versions) ids.add(BigInt(row.assetId));
  for (const id of await assetsPricedIn(tx, chainId, currencies)) ids.add(id);
  return ids;
}

async function assetsPricedIn(tx: Tx, chainId: number, currencies: readonly string[]): Promise<bigint[]> {
  if (currencies.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ assetId: bigint }[]>(
    `SELECT DISTINCT "assetId" FROM "Offer" WHERE "chainId" = $1 AND currency = ANY($2::text[])`,
    chainId,
    currencies.map((c) => c.toLowerCase()),
  );
  return rows.map((row) => BigInt(row.assetId));
}
