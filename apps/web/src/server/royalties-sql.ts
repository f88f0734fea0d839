import type { PrismaClient } from "@tessera/db";

// The royalties page's reads, straight from the tables the indexer fills. Kept free of Next and of
// the "@/" alias so the integration test can hold them against the contract's own `claimable`.
//
// claimable = accrued + balance × (credited − settled) / 1,000,000 (rounded down), as
// RoyaltyShares computes it. A missing SharePosition means the holder was never settled in that
// currency, i.e. it held its shares before the asset's first credit there: settled = accrued = 0.

/** RoyaltyShares.SUPPLY: every asset's fixed number of shares. */
export const SHARE_SUPPLY = 1_000_000n;

export type PositionRow = {
  assetId: bigint;
  /** Shares held now (decimal string). */
  balance: string;
  /** null when the asset has no revenue yet in any currency. */
  currency: string | null;
  claimable: string;
  claimed: string;
};

/**
 * Every asset the holder has shares in (or had, and still has something to claim or has claimed),
 * with one row per currency the asset has revenue in. Amounts are decimal strings of base units.
 * No names here: the page names only the assets it shows (joining every card costs more than the rest).
 */
export function royaltyPositions(db: PrismaClient, chainId: number, holder: string) {
  const who = holder.toLowerCase();
  return db.$queryRaw<PositionRow[]>`
    WITH held AS (
      SELECT "assetId", balance FROM "ShareHolding"
      WHERE "chainId" = ${chainId} AND holder = ${who} AND balance > 0
    ), pos AS (
      SELECT "assetId", currency, settled, accrued, claimed FROM "SharePosition"
      WHERE "chainId" = ${chainId} AND holder = ${who}
    ), pairs AS (
      -- OFFSET 0 keeps the planner from hashing every asset's revenue: per held asset, its one or
      -- two currencies come from the (chainId, assetId) index, so the cost follows the holder.
      SELECT h."assetId", h.balance, r.currency, r.credited FROM held h
      LEFT JOIN LATERAL (
        SELECT currency, credited FROM "AssetRevenue"
        WHERE "chainId" = ${chainId} AND "assetId" = h."assetId" OFFSET 0
      ) r ON true
      UNION ALL
      -- Shares given away since, with something left to claim or a claim history.
      SELECT p."assetId", 0, p.currency, r.credited FROM pos p
      JOIN "AssetRevenue" r ON r."chainId" = ${chainId} AND r."assetId" = p."assetId" AND r.currency = p.currency
      WHERE (p.accrued > 0 OR p.claimed > 0) AND NOT EXISTS (SELECT 1 FROM held h WHERE h."assetId" = p."assetId")
    )
    SELECT k."assetId", k.balance::text AS balance, k.currency,
      (COALESCE(p.accrued, 0)
        + div(k.balance * (COALESCE(k.credited, 0) - COALESCE(p.settled, 0)), ${SHARE_SUPPLY.toString()}::numeric)
      )::text AS claimable,
      COALESCE(p.claimed, 0)::text AS claimed
    FROM pairs k
    LEFT JOIN pos p ON p."assetId" = k."assetId" AND p.currency = k.currency
    ORDER BY k."assetId", k.currency`;
}

export type SourceRow = {
  assetId: bigint;
  currency: string;
  /** The asset whose sale paid this: the asset itself (a sale) or a derived asset (upstream credit). */
  fromAssetId: bigint | null;
  fromKind: "MODEL" | "DATASET" | null;
  fromName: string | null;
  amount: string;
  credits: number;
};

/**
 * Where the revenue of the assets named came from: each credit is matched with the sale in the same
 * transaction (a purchase or renewal makes exactly one sale). A sale of the asset itself is its own
 * revenue; a sale of another asset is upstream credit from a model derived from it.
 */
export function royaltySources(db: PrismaClient, chainId: number, assetIds: readonly bigint[]) {
  const ids = assetIds.map(String);
  return db.$queryRaw<SourceRow[]>`
    SELECT rc."assetId", rc.currency, s."assetId" AS "fromAssetId", fa.kind::text AS "fromKind",
      fc.name AS "fromName", SUM(rc.amount)::text AS amount, COUNT(*)::int AS credits
    FROM "RevenueCredit" rc
    LEFT JOIN "Sale" s ON s."chainId" = rc."chainId" AND s."txHash" = rc."txHash"
    LEFT JOIN "Asset" fa ON fa."chainId" = s."chainId" AND fa."assetId" = s."assetId"
    LEFT JOIN "ModelCard" fc ON fc.sha256 = substr(fa."metadataUri", 16)
    WHERE rc."chainId" = ${chainId} AND rc."assetId" = ANY(${ids}::text[]::bigint[])
    GROUP BY rc."assetId", rc.currency, s."assetId", fa.kind, fc.name
    ORDER BY rc."assetId", rc.currency, s."assetId"`;
}

export type DailyRow = { day: Date; currency: string; earned: string; claimed: string };

/**
 * Per day and currency: the holder's part of what was credited to its assets (at the shares it holds
 * now, so an estimate when shares changed hands) and what it claimed.
 */
export function royaltyDaily(db: PrismaClient, chainId: number, holder: string) {
  const who = holder.toLowerCase();
  // OFFSET 0 keeps the lateral subquery from being flattened into a hash join over every credit of
  // every asset: per held asset, its few credits come from the (chainId, assetId, creditedAt) index.
  return db.$queryRaw<DailyRow[]>`
    WITH earned AS (
      SELECT date_trunc('day', rc."creditedAt") AS day, rc.currency,
        SUM(div(rc.amount * h.balance, ${SHARE_SUPPLY.toString()}::numeric)) AS amount
      FROM "ShareHolding" h
      CROSS JOIN LATERAL (
        SELECT "creditedAt", currency, amount FROM "RevenueCredit"
        WHERE "chainId" = ${chainId} AND "assetId" = h."assetId" OFFSET 0
      ) rc
      WHERE h."chainId" = ${chainId} AND h.holder = ${who} AND h.balance > 0
      GROUP BY 1, 2
    ), claimed AS (
      SELECT date_trunc('day', "claimedAt") AS day, currency, SUM(amount) AS amount
      FROM "RoyaltyClaim" WHERE "chainId" = ${chainId} AND holder = ${who}
      GROUP BY 1, 2
    )
    SELECT COALESCE(e.day, c.day) AS day, COALESCE(e.currency, c.currency) AS currency,
      COALESCE(e.amount, 0)::text AS earned, COALESCE(c.amount, 0)::text AS claimed
    FROM earned e FULL JOIN claimed c ON c.day = e.day AND c.currency = e.currency
    ORDER BY 1, 2`;
}
