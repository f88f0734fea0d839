import "server-only";
import type { PrismaClient } from "@tessera/db";
import { type AssetView, cardHashesOf, toAssetViews } from "@/lib/asset-view";

export type AssetListing = { assets: AssetView[]; total: number };

/** The `limit` most recently registered assets on `chainId`, newest first, with their cards. */
export async function listRecentAssets(
  client: PrismaClient,
  chainId: number,
  limit = 100,
): Promise<AssetListing> {
  const [rows, total] = await Promise.all([
    client.asset.findMany({
      where: { chainId },
      orderBy: [{ registeredAt: "desc" }, { assetId: "desc" }],
      take: limit,
      select: {
        assetId: true,
        kind: true,
        owner: true,
        metadataUri: true,
        contentHash: true,
        registeredAt: true,
      },
    }),
    client.asset.count({ where: { chainId } }),
  ]);
  const hashes = cardHashesOf(rows);
  const cards =
    hashes.length === 0
      ? []
      : await client.modelCard.findMany({
          where: { sha256: { in: hashes } },
          select: { sha256: true, name: true, summary: true },
        });
  return { assets: toAssetViews(rows, cards), total };
}
