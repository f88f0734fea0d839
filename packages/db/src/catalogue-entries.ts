// The catalogue projection (CatalogueEntry: one row per asset with everything /explore filters and
// sorts on) is computed by ONE SQL function, `catalogue_refresh(chainId, assetIds)`, created by the
// migration `catalogue_entry`. Its writers (the indexer's batches and reorg rollbacks, saveModelCard)
// call it through here, inside their own transaction, so a row never disagrees with its inputs.
import type { Prisma, PrismaClient } from "./generated/client.ts";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Transaction-scoped advisory lock serialising catalogue refreshes. Without it an indexer batch that
 * registers an asset and a concurrent card save could each compute the entry before seeing the
 * other's uncommitted row, and the entry would miss the card. (Arbitrary constant: "tesscat".)
 */
export const CATALOGUE_LOCK_ID = 74_657_373_636_174n;

/** Recomputes the entries of these assets (an asset that no longer exists loses its entry). */
export async function refreshCatalogueEntries(
  tx: Db,
  chainId: number,
  assetIds: Iterable<bigint>,
): Promise<void> {
  const ids = [...new Set([...assetIds].map(String))];
  if (ids.length === 0) return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK_ID})`);
  await tx.$executeRawUnsafe(`SELECT catalogue_refresh($1::int, $2::bigint[])`, chainId, ids);
}

/** Recomputes the entries of every asset, on any chain, whose metadata URI names this card. */
export async function refreshCatalogueEntriesForCard(tx: Db, sha256: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CATALOGUE_LOCK_ID})`);
  await tx.$executeRawUnsafe(
    `SELECT catalogue_refresh(a."chainId", array_agg(a."assetId")) FROM "Asset" a
      WHERE a."metadataUri" = 'tessera://card/' || $1 GROUP BY a."chainId"`,
    sha256.toLowerCase(),
  );
}
