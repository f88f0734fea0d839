import "server-only";
import type { PrismaClient } from "@tessera/db";
import { untitledName } from "@/lib/asset-view";
import type { CurrencySymbol } from "@/lib/catalogue-query";
import { currencySymbol } from "@/lib/money";
import { assetNames } from "./asset-names";
import { royaltyDaily, royaltyPositions, royaltySources, SHARE_SUPPLY } from "./royalties-sql";

// The royalties dashboard's data for one holder, shaped for the page: amounts stay decimal strings
// of base units (bigint does not cross into client components), currencies carry their symbol.

export type CurrencyAmount = { currency: string; symbol: CurrencySymbol; claimable: string; claimed: string };

export type RoyaltySource = {
  /** "sale": the asset's own sales; "upstream": a derived asset's sale credited this one. */
  kind: "sale" | "upstream" | "other";
  fromAssetId: string | null;
  fromName: string | null;
  currency: string;
  symbol: CurrencySymbol;
  /** Credited to all of the asset's shareholders. */
  amount: string;
  /** This holder's part at its current shares (rounded down). */
  yours: string;
  credits: number;
};

export type RoyaltyAsset = {
  assetId: string;
  name: string;
  kind: "MODEL" | "DATASET";
  shares: string;
  /** Shares held as a percentage of the fixed supply, e.g. "60". */
  percent: string;
  amounts: CurrencyAmount[];
  sources: RoyaltySource[];
};

export type RoyaltyDay = { day: Date; symbol: CurrencySymbol; earned: string; claimed: string };

export type Royalties = {
  /** The assets of the page asked for (in asset id order), named and with their sources. */
  assets: RoyaltyAsset[];
  /** How many assets the holder has positions in, over all pages. */
  assetCount: number;
  pages: number;
  totals: CurrencyAmount[];
  days: RoyaltyDay[];
  /**
   * What the one claim transaction names: the assets with something to claim (most first, at most
   * MAX_CLAIM_ASSETS, so the transaction stays far below a block's gas limit) and every currency with
   * something to claim; `remaining` assets wait for a second claim.
   */
  claim: { assetIds: string[]; currencies: string[]; remaining: number };
};

/**
 * The most assets one claim names. A claim costs about 20k gas per (asset, currency) pair (see
 * bench-royalties.json), so 200 assets in two currencies stay near 8M gas, half of what one
 * transaction may use on Tessera's chain.
 */
export const MAX_CLAIM_ASSETS = 200;

export async function getRoyalties(
  db: PrismaClient,
  chainId: number,
  holder: string,
  { page = 1, perPage = 50 }: { page?: number; perPage?: number } = {},
): Promise<Royalties> {
  const [positions, daily] = await Promise.all([
    royaltyPositions(db, chainId, holder),
    royaltyDaily(db, chainId, holder),
  ]);
  const byAsset = new Map<string, RoyaltyAsset>();
  const totals = new Map<string, CurrencyAmount>();
  const claimAssets: Array<{ id: string; claimable: bigint }> = [];
  const claimCurrencies = new Set<string>();
  for (const row of positions) {
    const assetId = row.assetId.toString();
    let asset = byAsset.get(assetId);
    if (!asset) {
      asset = {
        assetId,
        name: "",
        kind: "MODEL",
        shares: row.balance,
        percent: percentOf(BigInt(row.balance)),
        amounts: [],
        sources: [],
      };
      byAsset.set(assetId, asset);
    }
    if (row.currency === null) continue;
    const symbol = currencySymbol(row.currency);
    asset.amounts.push({ currency: row.currency, symbol, claimable: row.claimable, claimed: row.claimed });
    const total = totals.get(row.currency) ?? {
      currency: row.currency,
      symbol,
      claimable: "0",
      claimed: "0",
    };
    total.claimable = (BigInt(total.claimable) + BigInt(row.claimable)).toString();
    total.claimed = (BigInt(total.claimed) + BigInt(row.claimed)).toString();
    totals.set(row.currency, total);
    if (BigInt(row.claimable) > 0n) {
      claimCurrencies.add(row.currency);
      const last = claimAssets.at(-1);
      if (last?.id === assetId) last.claimable += BigInt(row.claimable);
      else claimAssets.push({ id: assetId, claimable: BigInt(row.claimable) });
    }
  }
  const all = [...byAsset.values()];
  const pages = Math.max(1, Math.ceil(all.length / perPage));
  const at = Math.min(page, pages);
  const shown = all.slice((at - 1) * perPage, at * perPage);
  await describeAssets(db, chainId, shown);
  return {
    assets: shown,
    assetCount: all.length,
    pages,
    // ETH first, then the stablecoin (the order every other page uses).
    totals: [...totals.values()].sort((a, b) => a.symbol.localeCompare(b.symbol)),
    days: daily.map((d) => ({
      day: d.day,
      symbol: currencySymbol(d.currency),
      earned: d.earned,
      claimed: d.claimed,
    })),
    claim: {
      assetIds: claimAssets
        .sort((a, b) => (b.claimable > a.claimable ? 1 : b.claimable < a.claimable ? -1 : 0))
        .slice(0, MAX_CLAIM_ASSETS)
        .map((a) => a.id),
      currencies: [...claimCurrencies].sort(),
      remaining: Math.max(0, claimAssets.length - MAX_CLAIM_ASSETS),
    },
  };
}

/** Names the shown assets and traces where their revenue came from. */
async function describeAssets(db: PrismaClient, chainId: number, assets: RoyaltyAsset[]): Promise<void> {
  if (assets.length === 0) return;
  const ids = assets.map((a) => BigInt(a.assetId));
  const [names, sources] = await Promise.all([
    assetNames(db, chainId, ids),
    royaltySources(db, chainId, ids),
  ]);
  const byId = new Map(assets.map((a) => [a.assetId, a]));
  for (const [id, named] of names) {
    const asset = byId.get(id);
    if (!asset) continue;
    asset.kind = named.kind;
    asset.name = named.name;
  }
  for (const row of sources) {
    const asset = byId.get(row.assetId.toString());
    if (!asset) continue;
    const fromAssetId = row.fromAssetId?.toString() ?? null;
    const kind = fromAssetId === null ? "other" : fromAssetId === asset.assetId ? "sale" : "upstream";
    asset.sources.push({
      kind,
      fromAssetId,
      fromName: fromAssetId && row.fromKind ? row.fromName || untitledName(row.fromKind, fromAssetId) : null,
      currency: row.currency,
      symbol: currencySymbol(row.currency),
      amount: row.amount,
      yours: ((BigInt(row.amount) * BigInt(asset.shares)) / SHARE_SUPPLY).toString(),
      credits: row.credits,
    });
  }
}

/** "60", "33.3333", "0.0001": shares as a percentage of the fixed supply, without trailing zeros. */
export function percentOf(shares: bigint): string {
  const hundredths = (shares * 100n * 10_000n) / SHARE_SUPPLY;
  const whole = hundredths / 10_000n;
  const fraction = (hundredths % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole.toString();
}
