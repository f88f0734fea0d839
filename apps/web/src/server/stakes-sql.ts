import type { PrismaClient } from "@tessera/db";

// /stakes reads, from the tables the indexer fills. A pool's shares are worth
// shares × totalStake / totalShares (rounded down) whether active or unbonding: a slash lowers
// totalStake, so it costs every share of the asset the same fraction.

export type StakeRow = {
  assetId: bigint;
  shares: string;
  value: string;
  totalStake: string;
  openChallenges: number;
};

export function stakesOf(db: PrismaClient, chainId: number, staker: string) {
  return db.$queryRaw<StakeRow[]>`
    SELECT s."assetId", s."activeShares"::text AS shares,
      CASE WHEN p."totalShares" = 0 THEN 0 ELSE div(s."activeShares" * p."totalStake", p."totalShares") END::text AS value,
      p."totalStake"::text AS "totalStake", p."openChallenges"
    FROM "Stake" s
    JOIN "AssetStake" p ON p."chainId" = s."chainId" AND p."assetId" = s."assetId"
    WHERE s."chainId" = ${chainId} AND s.staker = ${staker.toLowerCase()} AND s."activeShares" > 0
    ORDER BY s."assetId"`;
}

export type EntryRow = {
  entryId: string;
  assetId: bigint;
  amount: string;
  value: string;
  releaseAt: Date;
  openChallenges: number;
};

/** Unbonding entries not yet withdrawn: what was asked, and what they are worth now. */
export function unbondingOf(db: PrismaClient, chainId: number, staker: string) {
  return db.$queryRaw<EntryRow[]>`
    SELECT e."entryId"::text AS "entryId", e."assetId", e.amount::text AS amount,
      CASE WHEN p."totalShares" = 0 THEN 0 ELSE div(e.shares * p."totalStake", p."totalShares") END::text AS value,
      e."releaseAt", p."openChallenges"
    FROM "UnbondingEntry" e
    JOIN "AssetStake" p ON p."chainId" = e."chainId" AND p."assetId" = e."assetId"
    WHERE e."chainId" = ${chainId} AND e.staker = ${staker.toLowerCase()} AND NOT e.withdrawn
    ORDER BY e."releaseAt", e."entryId"`;
}

export type RewardCurrencyRow = { assetId: bigint; currency: string };

/** The currencies each asset has paid curator rewards in (what a claim can name). */
export function rewardCurrencies(db: PrismaClient, chainId: number, assetIds: readonly bigint[]) {
  return db.$queryRaw<RewardCurrencyRow[]>`
    SELECT DISTINCT "assetId", currency FROM "CuratorReward"
    WHERE "chainId" = ${chainId} AND kind = 'NOTIFIED' AND "assetId" = ANY(${assetIds.map(String)}::text[]::bigint[])
    ORDER BY "assetId", currency`;
}

export type StakeHistoryRow = {
  at: Date;
  kind: "CLAIMED" | "SLASHED" | "WITHDRAWN" | "BOND";
  assetId: bigint;
  currency: string | null;
  amount: string;
  detail: string | null;
};

/**
 * What happened to this staker's money: rewards claimed, withdrawals, and every challenge decided on
 * an asset it has stake in (a slash took a fraction of its stake; a rejected bond went to stakers).
 */
export function stakeHistory(db: PrismaClient, chainId: number, staker: string) {
  const who = staker.toLowerCase();
  return db.$queryRaw<StakeHistoryRow[]>`
    SELECT at, 'CLAIMED' AS kind, "assetId", currency, amount::text AS amount, NULL AS detail
    FROM "CuratorReward" WHERE "chainId" = ${chainId} AND account = ${who} AND kind = 'CLAIMED'
    UNION ALL
    SELECT b."timestamp", 'WITHDRAWN', e."assetId", NULL, e."withdrawnAmount"::text, e.amount::text
    FROM "UnbondingEntry" e LEFT JOIN "Block" b ON b."chainId" = e."chainId" AND b.number = e."updatedBlock"
    WHERE e."chainId" = ${chainId} AND e.staker = ${who} AND e.withdrawn
    UNION ALL
    SELECT c."resolvedAt", CASE WHEN c.status = 'UPHELD' THEN 'SLASHED' ELSE 'BOND' END, c."assetId", NULL,
      COALESCE(CASE WHEN c.status = 'UPHELD' THEN c.slashed ELSE c."toStakers" END, 0)::text, c."slashBps"::text
    FROM "Challenge" c
    WHERE c."chainId" = ${chainId} AND c.status IN ('UPHELD', 'REJECTED', 'LAPSED') AND c."resolvedAt" IS NOT NULL
      AND (EXISTS (SELECT 1 FROM "Stake" s WHERE s."chainId" = c."chainId" AND s."assetId" = c."assetId" AND s.staker = ${who})
        OR EXISTS (SELECT 1 FROM "UnbondingEntry" e WHERE e."chainId" = c."chainId" AND e."assetId" = c."assetId" AND e.staker = ${who}))
    ORDER BY 1 DESC NULLS LAST
    LIMIT 50`;
}
