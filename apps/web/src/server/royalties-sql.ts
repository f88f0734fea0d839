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
  kind: "MODEL" | "DATASET";
  name: string | null;
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
      SELECT h."assetId", r.currency FROM held h
      JOIN "AssetRevenue" r ON r."chainId" = ${chainId} AND r."assetId" = h."assetId"
      UNION
      SELECT "assetId", currency FROM pos WHERE accrued > 0 OR claimed > 0
      UNION
      SELECT "assetId", NULL FROM held h
      WHERE NOT EXISTS (
        SELECT 1 FROM "AssetRevenue" r WHERE r."chainId" = ${chainId} AND r."assetId" = h."assetId"
      )
    )
    SELECT k."assetId", a.kind::text AS kind, c.name,
      COALESCE(h.balance, 0)::text AS balance,
      k.currency,
      (COALESCE(p.accrued, 0)
        + div(COALESCE(h.balance, 0) * (COALESCE(r.credited, 0) - COALESCE(p.settled, 0)), ${SHARE_SUPPLY.toString()}::numeric)
      )::text AS claimable,
      COALESCE(p.claimed, 0)::text AS claimed
    FROM pairs k
    JOIN "Asset" a ON a."chainId" = ${chainId} AND a."assetId" = k."assetId"
    LEFT JOIN "ModelCard" c ON c.sha256 = substr(a."metadataUri", 16)
    LEFT JOIN held h ON h."assetId" = k."assetId"
    LEFT JOIN pos p ON p."assetId" = k."assetId" AND p.currency = k.currency
    LEFT JOIN "AssetRevenue" r
      ON r."chainId" = ${chainId} AND r."assetId" = k."assetId" AND r.currency = k.currency
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
 * Where the revenue of the holder's assets came from: each credit is matched with the sale in the same
 * transaction (a purchase or renewal makes exactly one sale). A sale of the asset itself is its own
 * revenue; a sale of another asset is upstream credit from a model derived from it.
 */
export function royaltySources(db: PrismaClient, chainId: number, holder: string) {
  const who = holder.toLowerCase();
  return db.$queryRaw<SourceRow[]>`
    SELECT rc."assetId", rc.currency, s."assetId" AS "fromAssetId", fa.kind::text AS "fromKind",
      fc.name AS "fromName", SUM(rc.amount)::text AS amount, COUNT(*)::int AS credits
    FROM "ShareHolding" h
    JOIN "RevenueCredit" rc ON rc."chainId" = h."chainId" AND rc."assetId" = h."assetId"
    LEFT JOIN "Sale" s ON s."chainId" = rc."chainId" AND s."txHash" = rc."txHash"
    LEFT JOIN "Asset" fa ON fa."chainId" = s."chainId" AND fa."assetId" = s."assetId"
    LEFT JOIN "ModelCard" fc ON fc.sha256 = substr(fa."metadataUri", 16)
    WHERE h."chainId" = ${chainId} AND h.holder = ${who} AND h.balance > 0
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
  return db.$queryRaw<DailyRow[]>`
    WITH earned AS (
      SELECT date_trunc('day', rc."creditedAt") AS day, rc.currency,
        SUM(div(rc.amount * h.balance, ${SHARE_SUPPLY.toString()}::numeric)) AS amount
      FROM "ShareHolding" h
      JOIN "RevenueCredit" rc ON rc."chainId" = h."chainId" AND rc."assetId" = h."assetId"
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
