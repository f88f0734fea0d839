import "server-only";
import { stakingPoolAbi } from "@tessera/abi";
import type { PrismaClient } from "@tessera/db";
import { untitledName } from "@/lib/asset-view";
import { chainClient } from "./chain";
import { contracts } from "./deployment";

export type ChallengeView = {
  challengeId: string;
  assetId: string;
  assetName: string;
  challenger: string;
  bond: string;
  evidenceHash: string;
  slashBps: number;
  status: "OPEN" | "UPHELD" | "REJECTED" | "LAPSED";
  slashed: string | null;
  toStakers: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  /** The asset's stake now (what an upheld verdict would slash a fraction of). */
  totalStake: string;
};

type Row = Omit<ChallengeView, "assetName" | "challengeId" | "assetId"> & {
  challengeId: bigint;
  assetId: bigint;
  kind: "MODEL" | "DATASET";
  name: string | null;
};

function view(row: Row): ChallengeView {
  const { kind, name, ...rest } = row;
  return {
    ...rest,
    challengeId: row.challengeId.toString(),
    assetId: row.assetId.toString(),
    assetName: name || untitledName(kind, row.assetId.toString()),
  };
}

const SELECT = (where: string) => `
  SELECT c."challengeId", c."assetId", a.kind::text AS kind, m.name, c.challenger, c.bond::text AS bond,
    c."evidenceHash", c."slashBps", c.status::text AS status, c.slashed::text AS slashed,
    c."toStakers"::text AS "toStakers", c."openedAt", c."resolvedAt",
    COALESCE(p."totalStake", 0)::text AS "totalStake"
  FROM "Challenge" c
  JOIN "Asset" a ON a."chainId" = c."chainId" AND a."assetId" = c."assetId"
  LEFT JOIN "ModelCard" m ON m.sha256 = substr(a."metadataUri", 16)
  LEFT JOIN "AssetStake" p ON p."chainId" = c."chainId" AND p."assetId" = c."assetId"
  WHERE ${where}
  ORDER BY c."openedAt" DESC, c."challengeId" DESC
  LIMIT 100`;

/** Open challenges on the chain, newest first: the arbiter's queue. */
export async function openChallenges(db: PrismaClient, chainId: number): Promise<ChallengeView[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(SELECT(`c."chainId" = $1 AND c.status = 'OPEN'`), chainId);
  return rows.map(view);
}

/** Every challenge an asset has had, newest first (the page shows decided ones as its history). */
export async function challengesOf(
  db: PrismaClient,
  chainId: number,
  assetId: bigint,
): Promise<ChallengeView[]> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    SELECT(`c."chainId" = $1 AND c."assetId" = $2`),
    chainId,
    assetId,
  );
  return rows.map(view);
}

export type StakerNow = { staker: string; value: string; unbonding: boolean };

/** Each staker's stake on the asset now (active and unbonding), for the slash's effect per staker. */
export async function stakersOf(db: PrismaClient, chainId: number, assetId: bigint): Promise<StakerNow[]> {
  return db.$queryRaw<StakerNow[]>`
    SELECT s.staker, div(s."activeShares" * p."totalStake", NULLIF(p."totalShares", 0))::text AS value, false AS unbonding
    FROM "Stake" s JOIN "AssetStake" p ON p."chainId" = s."chainId" AND p."assetId" = s."assetId"
    WHERE s."chainId" = ${chainId} AND s."assetId" = ${assetId} AND s."activeShares" > 0
    UNION ALL
    SELECT e.staker, div(e.shares * p."totalStake", NULLIF(p."totalShares", 0))::text, true
    FROM "UnbondingEntry" e JOIN "AssetStake" p ON p."chainId" = e."chainId" AND p."assetId" = e."assetId"
    WHERE e."chainId" = ${chainId} AND e."assetId" = ${assetId} AND NOT e.withdrawn
    ORDER BY 2 DESC
    LIMIT 20`;
}

export type ChallengeClock = {
  /** The chain's clock (latest block): it decides when a challenge can lapse. */
  now: Date;
  /** Each open challenge's deadline: from then on it can no longer be decided, only closed. */
  deadlines: Map<string, Date>;
};

/**
 * The deadlines of open challenges, read from the chain (the projection does not keep them; they
 * are fixed when a challenge opens), with the chain's clock to compare them against.
 */
export async function challengeClock(challengeIds: string[]): Promise<ChallengeClock> {
  const { StakingPool } = await contracts();
  const client = chainClient();
  const [block, ...challenges] = await Promise.all([
    client.getBlock({ blockTag: "latest" }),
    ...challengeIds.map((id) =>
      client.readContract({
        address: StakingPool,
        abi: stakingPoolAbi,
        functionName: "challengeOf",
        args: [BigInt(id)],
      }),
    ),
  ]);
  return {
    now: new Date(Number(block.timestamp) * 1000),
    deadlines: new Map(
      challenges.map((c, i) => [challengeIds[i] as string, new Date(Number(c.deadline) * 1000)]),
    ),
  };
}
