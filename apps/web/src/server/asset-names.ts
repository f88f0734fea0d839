import "server-only";
import type { AssetKind, PrismaClient } from "@tessera/db";
import { untitledName } from "@/lib/asset-view";

export type AssetName = { name: string; kind: AssetKind };

/**
 * Names and kinds of some assets of one chain, from their current cards (an asset without a card
 * gets "Untitled model #n"), keyed by the asset id as a decimal string. Unknown ids are left out.
 */
export async function assetNames(
  db: PrismaClient,
  chainId: number,
  ids: readonly bigint[],
): Promise<Map<string, AssetName>> {
  if (ids.length === 0) return new Map();
  // By primary key ("<chainId>:<assetId>"), so the cost follows the list, not the table.
  const keys = ids.map((id) => `${chainId}:${id}`);
  const rows = await db.$queryRaw<Array<{ assetId: bigint; kind: AssetKind; name: string | null }>>`
    SELECT a."assetId", a.kind, c.name FROM "Asset" a
    LEFT JOIN "ModelCard" c ON c.sha256 = substr(a."metadataUri", 16)
    WHERE a.id = ANY(${keys}::text[])`;
  return new Map(
    rows.map((row) => [
      row.assetId.toString(),
      { kind: row.kind, name: row.name || untitledName(row.kind, row.assetId.toString()) },
    ]),
  );
}
