import "server-only";
import type { AssetKind, PrismaClient } from "@tessera/db";
import { untitledName } from "@/lib/asset-view";
import { parseCardUri } from "@/lib/card-uri";
import { currencySymbol } from "@/lib/money";
import { assetNames } from "./asset-names";

// Everything the asset page shows, read from the projection tables (chain -> indexer -> Postgres) and
// the asset's model card. Independent reads run in parallel; lists that can grow without bound
// (holders, sales) are capped or aggregated in SQL, so the page costs the same at any scale.

export type LinkedAsset = { id: string; name: string; kind: AssetKind; bps: number };
export type OfferView = {
  id: string;
  currency: ReturnType<typeof currencySymbol>;
  price: string;
  period: string;
  maxLicenses: number;
  sold: number;
  pinnedVersion: number;
  rights: number;
  transferable: boolean;
  termsHash: string;
  retired: boolean;
};
export type SalesBucket = {
  day: Date;
  currency: ReturnType<typeof currencySymbol>;
  count: number;
  total: string;
};

export type AssetDetail = {
  chainId: number;
  id: string;
  kind: AssetKind;
  owner: string;
  name: string;
  summary: string | null;
  /** The current card file (front matter + Markdown); null when the card is not stored. */
  cardSource: string | null;
  registeredAt: Date;
  txHash: string;
  versions: Array<{
    version: number;
    contentHash: string;
    metadataUri: string;
    publishedAt: Date;
    txHash: string;
  }>;
  parents: LinkedAsset[];
  children: LinkedAsset[];
  holders: Array<{ holder: string; balance: string }>;
  holderCount: number;
  totalShares: string;
  offers: OfferView[];
  stake: { totalStake: string; stakers: number; openChallenges: number };
  openChallenges: Array<{
    id: string;
    challenger: string;
    bond: string;
    evidenceHash: string;
    openedAt: Date;
  }>;
  sales: SalesBucket[];
  licenses: number;
};

const HOLDERS_SHOWN = 10;

export async function getAssetDetail(
  db: PrismaClient,
  chainId: number,
  assetId: bigint,
): Promise<AssetDetail | null> {
  const asset = await db.asset.findUnique({ where: { chainId_assetId: { chainId, assetId } } });
  if (!asset) return null;
  const key = { chainId, assetId };
  const hash = parseCardUri(asset.metadataUri);
  const [
    card,
    versions,
    parents,
    children,
    holders,
    holderStats,
    offers,
    stake,
    stakers,
    challenges,
    sales,
    licenses,
  ] = await Promise.all([
    hash
      ? db.modelCard.findUnique({
          where: { sha256: hash },
          select: { name: true, summary: true, body: true },
        })
      : null,
    db.assetVersion.findMany({ where: key, orderBy: { version: "desc" } }),
    db.assetLineage.findMany({ where: key, orderBy: { parentId: "asc" } }),
    db.assetLineage.findMany({
      where: { chainId, parentId: assetId },
      orderBy: { assetId: "asc" },
      take: 50,
    }),
    db.shareHolding.findMany({
      where: { ...key, balance: { gt: 0 } },
      orderBy: [{ balance: "desc" }, { holder: "asc" }],
      take: HOLDERS_SHOWN,
    }),
    db.shareHolding.aggregate({
      where: { ...key, balance: { gt: 0 } },
      _count: true,
      _sum: { balance: true },
    }),
    db.offer.findMany({ where: key, orderBy: [{ retired: "asc" }, { offerId: "asc" }] }),
    db.assetStake.findFirst({ where: key }),
    db.stake.count({ where: { ...key, activeShares: { gt: 0 } } }),
    db.challenge.findMany({ where: { ...key, status: "OPEN" }, orderBy: { openedAt: "asc" } }),
    db.$queryRaw<Array<{ day: Date; currency: string; count: bigint; total: string }>>`
        SELECT date_trunc('day', "soldAt") AS day, currency, count(*) AS count, sum(total)::text AS total
        FROM "Sale" WHERE "chainId" = ${chainId} AND "assetId" = ${assetId}
        GROUP BY 1, 2 ORDER BY 1`,
    db.license.count({ where: key }),
  ]);
  const names = await assetNames(db, chainId, [
    ...parents.map((p) => p.parentId),
    ...children.map((c) => c.assetId),
  ]);
  const linked = (id: bigint, bps: number): LinkedAsset => {
    const found = names.get(id.toString());
    return { id: id.toString(), bps, name: found?.name ?? `Asset #${id}`, kind: found?.kind ?? "MODEL" };
  };
  return {
    chainId,
    id: asset.assetId.toString(),
    kind: asset.kind,
    owner: asset.owner,
    name: card?.name || untitledName(asset.kind, asset.assetId.toString()),
    summary: card?.summary || null,
    cardSource: card?.body ?? null,
    registeredAt: asset.registeredAt,
    txHash: asset.txHash,
    versions: versions.map((v) => ({
      version: v.version,
      contentHash: v.contentHash,
      metadataUri: v.metadataUri,
      publishedAt: v.publishedAt,
      txHash: v.txHash,
    })),
    parents: parents.map((p) => linked(p.parentId, p.bps)),
    children: children.map((c) => linked(c.assetId, c.bps)),
    holders: holders.map((h) => ({ holder: h.holder, balance: h.balance.toFixed(0) })),
    holderCount: holderStats._count,
    totalShares: holderStats._sum.balance?.toFixed(0) ?? "0",
    offers: offers.map((o) => ({
      id: o.offerId.toString(),
      currency: currencySymbol(o.currency),
      price: o.price.toFixed(0),
      period: o.period.toString(),
      maxLicenses: Number(o.maxLicenses),
      sold: Number(o.sold),
      pinnedVersion: Number(o.pinnedVersion),
      rights: o.rights,
      transferable: o.transferable,
      termsHash: o.termsHash,
      retired: o.retired,
    })),
    stake: {
      totalStake: stake?.totalStake.toFixed(0) ?? "0",
      stakers,
      openChallenges: stake?.openChallenges ?? 0,
    },
    openChallenges: challenges.map((c) => ({
      id: c.challengeId.toString(),
      challenger: c.challenger,
      bond: c.bond.toFixed(0),
      evidenceHash: c.evidenceHash,
      openedAt: c.openedAt,
    })),
    sales: sales.map((s) => ({
      day: s.day,
      currency: currencySymbol(s.currency),
      count: Number(s.count),
      total: s.total,
    })),
    licenses,
  };
}
