import "server-only";
import type { PrismaClient } from "@tessera/db";
import { type AssetView, cardHashesOf, toAssetViews } from "@/lib/asset-view";
import { currencySymbol } from "@/lib/money";

// A builder's studio: the assets an account owns, their offers, sales, revenue, license holders and
// stake, from the projection (so it shows what the chain says, as indexed). Bounded queries: at most
// MAX_ASSETS assets and the latest RECENT_SALES sales are read, whatever the account's history.

const MAX_ASSETS = 200;
const RECENT_SALES = 25;

export type StudioOffer = {
  offerId: string;
  price: string;
  currency: "ETH" | "tUSD";
  period: string;
  sold: string;
  maxLicenses: string;
  pinnedVersion: number;
  rights: number;
  transferable: boolean;
  retired: boolean;
  termsHash: string;
};

export type StudioAsset = AssetView & {
  versionCount: number;
  offers: StudioOffer[];
  activeHolders: number;
  licensesSold: number;
  totalStake: string;
};

export type StudioSale = {
  assetId: string;
  assetName: string;
  kind: "PURCHASE" | "RENEWAL";
  payer: string;
  currency: "ETH" | "tUSD";
  total: string;
  toShareholders: string;
  soldAt: Date;
  txHash: string;
};

export type Studio = {
  assets: StudioAsset[];
  recentSales: StudioSale[];
  salesByDay: Array<{ day: Date; count: number }>;
  /** Per currency: paid by buyers, and the part that reached the assets' shareholders. */
  revenue: Array<{ currency: "ETH" | "tUSD"; total: string; toShareholders: string; sales: number }>;
  activeHolders: number;
};

export async function getStudio(
  db: PrismaClient,
  chainId: number,
  owner: string,
  now = new Date(),
): Promise<Studio> {
  const rows = await db.asset.findMany({
    where: { chainId, owner: owner.toLowerCase() },
    orderBy: [{ registeredAt: "desc" }, { assetId: "desc" }],
    take: MAX_ASSETS,
  });
  const ids = rows.map((r) => r.assetId);
  if (ids.length === 0) return { assets: [], recentSales: [], salesByDay: [], revenue: [], activeHolders: 0 };
  const [cards, offers, stakes, holders, sold, recent, byDay, revenue, allHolders] = await Promise.all([
    db.modelCard.findMany({
      where: { sha256: { in: cardHashesOf(rows) } },
      select: { sha256: true, name: true, summary: true },
    }),
    db.offer.findMany({
      where: { chainId, assetId: { in: ids } },
      orderBy: [{ retired: "asc" }, { offerId: "asc" }],
    }),
    db.assetStake.findMany({
      where: { chainId, assetId: { in: ids } },
      select: { assetId: true, totalStake: true },
    }),
    db.$queryRaw<Array<{ assetId: bigint; holders: bigint }>>`
      SELECT "assetId", count(DISTINCT holder) AS holders FROM "License"
      WHERE "chainId" = ${chainId} AND "assetId" = ANY(${ids}) AND ("expiresAt" IS NULL OR "expiresAt" > ${now})
      GROUP BY 1`,
    db.license.groupBy({ by: ["assetId"], where: { chainId, assetId: { in: ids } }, _count: true }),
    db.sale.findMany({
      where: { chainId, assetId: { in: ids } },
      orderBy: [{ soldAt: "desc" }, { id: "desc" }],
      take: RECENT_SALES,
    }),
    db.$queryRaw<Array<{ day: Date; count: bigint }>>`
      SELECT date_trunc('day', "soldAt") AS day, count(*) AS count FROM "Sale"
      WHERE "chainId" = ${chainId} AND "assetId" = ANY(${ids}) GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Array<{ currency: string; total: string; shareholders: string; sales: bigint }>>`
      SELECT currency, sum(total)::text AS total, sum("toShareholders")::text AS shareholders, count(*) AS sales
      FROM "Sale" WHERE "chainId" = ${chainId} AND "assetId" = ANY(${ids}) GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<Array<{ holders: bigint }>>`
      SELECT count(DISTINCT holder) AS holders FROM "License"
      WHERE "chainId" = ${chainId} AND "assetId" = ANY(${ids}) AND ("expiresAt" IS NULL OR "expiresAt" > ${now})`,
  ]);
  const views = toAssetViews(rows, cards);
  const nameOf = new Map(views.map((v) => [v.id, v.name]));
  const offersOf = new Map<string, StudioOffer[]>();
  for (const o of offers) {
    const list = offersOf.get(o.assetId.toString()) ?? [];
    list.push({
      offerId: o.offerId.toString(),
      price: o.price.toFixed(),
      currency: currencySymbol(o.currency),
      period: o.period.toString(),
      sold: o.sold.toString(),
      maxLicenses: o.maxLicenses.toString(),
      pinnedVersion: Number(o.pinnedVersion),
      rights: o.rights,
      transferable: o.transferable,
      retired: o.retired,
      termsHash: o.termsHash,
    });
    offersOf.set(o.assetId.toString(), list);
  }
  const stakeOf = new Map(stakes.map((s) => [s.assetId.toString(), s.totalStake.toFixed()]));
  const holdersOf = new Map(holders.map((h) => [h.assetId.toString(), Number(h.holders)]));
  const soldOf = new Map(sold.map((s) => [s.assetId.toString(), s._count]));
  return {
    assets: views.map((view, i) => ({
      ...view,
      versionCount: rows[i]?.versionCount ?? 1,
      offers: offersOf.get(view.id) ?? [],
      activeHolders: holdersOf.get(view.id) ?? 0,
      licensesSold: soldOf.get(view.id) ?? 0,
      totalStake: stakeOf.get(view.id) ?? "0",
    })),
    recentSales: recent.map((s) => ({
      assetId: s.assetId.toString(),
      assetName: nameOf.get(s.assetId.toString()) ?? `Asset #${s.assetId}`,
      kind: s.kind,
      payer: s.payer,
      currency: currencySymbol(s.currency),
      total: s.total.toFixed(),
      toShareholders: s.toShareholders.toFixed(),
      soldAt: s.soldAt,
      txHash: s.txHash,
    })),
    salesByDay: byDay.map((d) => ({ day: d.day, count: Number(d.count) })),
    revenue: revenue.map((r) => ({
      currency: currencySymbol(r.currency),
      total: r.total,
      toShareholders: r.shareholders,
      sales: Number(r.sales),
    })),
    activeHolders: Number(allHolders[0]?.holders ?? 0),
  };
}
