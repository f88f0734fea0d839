import "server-only";
import type { AssetKind, PrismaClient } from "@tessera/db";
import { untitledName } from "@/lib/asset-view";
import { currencySymbol, formatAmount } from "@/lib/money";

export type RecentSale = {
  id: string;
  assetId: string;
  name: string;
  kind: AssetKind;
  amount: string;
  renewal: boolean;
  soldAt: Date;
};

/** The chain's latest payments for licenses, newest first, with the names of what was licensed. */
export async function listRecentSales(db: PrismaClient, chainId: number, limit = 6): Promise<RecentSale[]> {
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      assetId: bigint;
      kind: AssetKind;
      name: string | null;
      currency: string;
      total: string;
      saleKind: string;
      soldAt: Date;
    }>
  >`
    SELECT s.id, s."assetId", a.kind, c.name, s.currency, s.total::text AS total, s.kind::text AS "saleKind", s."soldAt"
    FROM "Sale" s
    JOIN "Asset" a ON a."chainId" = s."chainId" AND a."assetId" = s."assetId"
    LEFT JOIN "ModelCard" c ON c.sha256 = substr(a."metadataUri", 16)
    WHERE s."chainId" = ${chainId}
    ORDER BY s."soldAt" DESC, s.id DESC
    LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    assetId: row.assetId.toString(),
    name: row.name || untitledName(row.kind, row.assetId.toString()),
    kind: row.kind,
    amount: formatAmount(row.total, currencySymbol(row.currency)),
    renewal: row.saleKind === "RENEWAL",
    soldAt: row.soldAt,
  }));
}
