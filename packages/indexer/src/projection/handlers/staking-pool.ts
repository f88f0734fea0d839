// StakingPool (curator stake, unbonding, rewards, challenges): the pool per asset, each staker's
// active shares, unbonding entries, challenges and the reward facts. Events carry post-state totals,
// so the handlers copy them instead of re-deriving the pool's arithmetic.

import type { DecodedEvent } from "../../decode.ts";
import { rowId } from "../ids.ts";
import type { Rows } from "../rows.ts";
import type { WorkingSet } from "../working-set.ts";
import {
  type ContractHandlers,
  factId,
  type IgnoredEvents,
  lower,
  type ProjectionContext,
  type RowRef,
  required,
} from "./shared.ts";

const poolRow = (ctx: ProjectionContext, assetId: bigint): RowRef => [
  "AssetStake",
  rowId.assetStake(ctx.chainId, assetId),
];
const stakeRow = (ctx: ProjectionContext, assetId: bigint, staker: string): RowRef => [
  "Stake",
  rowId.stake(ctx.chainId, assetId, lower(staker)),
];

export const stakingPoolHandlers: ContractHandlers<"StakingPool"> = {
  "StakingPool:Staked": {
    touches: ({ args }, ctx) => [poolRow(ctx, args.assetId), stakeRow(ctx, args.assetId, args.staker)],
    apply({ args: a, blockNumber: block }, { ws, ctx }) {
      putStake(ws, ctx, block, a.assetId, lower(a.staker), a.stakerShares);
      ws.put(
        "AssetStake",
        {
          ...pool(ws, ctx, block, a.assetId),
          totalStake: a.assetTotalStake,
          totalShares: a.assetTotalShares,
          activeShares: a.assetActiveShares,
          updatedBlock: block,
        },
        block,
      );
    },
  },

  "StakingPool:UnstakeStarted": {
    touches: ({ args }, ctx) => [
      poolRow(ctx, args.assetId),
      stakeRow(ctx, args.assetId, args.staker),
      ["UnbondingEntry", rowId.entry(ctx.chainId, args.entryId)],
    ],
    apply({ args: a, blockNumber: block }, { ws, ctx }) {
      const staker = lower(a.staker);
      putStake(ws, ctx, block, a.assetId, staker, a.stakerShares);
      ws.put(
        "AssetStake",
        { ...pool(ws, ctx, block, a.assetId), activeShares: a.assetActiveShares, updatedBlock: block },
        block,
      );
      ws.put(
        "UnbondingEntry",
        {
          id: rowId.entry(ctx.chainId, a.entryId),
          chainId: ctx.chainId,
          entryId: a.entryId,
          assetId: a.assetId,
          staker,
          amount: a.amount,
          shares: a.shares,
          releaseAt: new Date(Number(a.releaseTime) * 1000),
          withdrawn: false,
          withdrawnAmount: null,
          blockNumber: block,
          updatedBlock: block,
        },
        block,
      );
    },
  },

  "StakingPool:Withdrawn": {
    touches: ({ args }, ctx) => [
      poolRow(ctx, args.assetId),
      ["UnbondingEntry", rowId.entry(ctx.chainId, args.entryId)],
    ],
    apply(event, { ws, ctx }) {
      const a = event.args;
      const block = event.blockNumber;
      const entry = required(ws, event, "UnbondingEntry", rowId.entry(ctx.chainId, a.entryId));
      ws.put(
        "UnbondingEntry",
        { ...entry, withdrawn: true, withdrawnAmount: a.amount, updatedBlock: block },
        block,
      );
      ws.put(
        "AssetStake",
        {
          ...pool(ws, ctx, block, a.assetId),
          totalStake: a.assetTotalStake,
          totalShares: a.assetTotalShares,
          updatedBlock: block,
        },
        block,
      );
    },
  },

  "StakingPool:RewardNotified": {
    touches: () => [],
    apply(event, { ws, ctx, at }) {
      const a = event.args;
      ws.fact("CuratorReward", {
        id: factId(ctx, event),
        chainId: ctx.chainId,
        kind: "NOTIFIED",
        assetId: a.assetId,
        currency: lower(a.currency),
        account: lower(a.from),
        amount: a.amount,
        blockNumber: event.blockNumber,
        txHash: event.txHash,
        at,
      });
    },
  },

  "StakingPool:RewardsClaimed": {
    touches: () => [],
    apply(event, { ws, ctx, at }) {
      const a = event.args;
      ws.fact("CuratorReward", {
        id: factId(ctx, event),
        chainId: ctx.chainId,
        kind: "CLAIMED",
        assetId: a.assetId,
        currency: lower(a.currency),
        account: lower(a.account),
        amount: a.amount,
        blockNumber: event.blockNumber,
        txHash: event.txHash,
        at,
      });
    },
  },

  "StakingPool:ChallengeOpened": {
    touches: ({ args }, ctx) => [
      poolRow(ctx, args.assetId),
      ["Challenge", rowId.challenge(ctx.chainId, args.challengeId)],
    ],
    apply({ args: a, blockNumber: block }, { ws, ctx, at }) {
      ws.put(
        "Challenge",
        {
          id: rowId.challenge(ctx.chainId, a.challengeId),
          chainId: ctx.chainId,
          challengeId: a.challengeId,
          assetId: a.assetId,
          challenger: lower(a.challenger),
          bond: a.bond,
          evidenceHash: a.evidenceHash,
          slashBps: a.slashBps,
          challengerShareBps: a.challengerShareBps,
          status: "OPEN",
          slashed: null,
          toChallenger: null,
          toStakers: null,
          toTreasury: null,
          openedAt: at,
          resolvedAt: null,
          updatedBlock: block,
        },
        block,
      );
      ws.put(
        "AssetStake",
        { ...pool(ws, ctx, block, a.assetId), openChallenges: a.openChallenges, updatedBlock: block },
        block,
      );
    },
  },

  "StakingPool:ChallengeResolved": {
    touches: ({ args }, ctx) => challengeRows(ctx, args.assetId, args.challengeId),
    apply(event, { ws, ctx, at }) {
      const a = event.args;
      closeChallenge(event, { ws, ctx, at }, a.assetId, a.challengeId, {
        outcome: {
          status: a.upheld ? "UPHELD" : "REJECTED",
          slashed: a.slashed,
          toChallenger: a.toChallenger,
          toStakers: a.toStakers,
          toTreasury: a.toTreasury,
        },
        pool: { totalStake: a.assetTotalStake, openChallenges: a.openChallenges },
      });
    },
  },

  // No verdict by the deadline: the bond went to the stakers (a RewardNotified precedes this event)
  // or to the treasury, and nothing was slashed.
  "StakingPool:ChallengeLapsed": {
    touches: ({ args }, ctx) => challengeRows(ctx, args.assetId, args.challengeId),
    apply(event, { ws, ctx, at }) {
      const a = event.args;
      closeChallenge(event, { ws, ctx, at }, a.assetId, a.challengeId, {
        outcome: {
          status: "LAPSED",
          slashed: 0n,
          toChallenger: 0n,
          toStakers: a.toStakers,
          toTreasury: a.toTreasury,
        },
        pool: { openChallenges: a.openChallenges },
      });
    },
  },
};

export const stakingPoolIgnored: IgnoredEvents<"StakingPool"> = {
  "StakingPool:ChallengerShareBpsUpdated": "each challenge carries its own shares",
  "StakingPool:SlashBpsUpdated": "each challenge carries its own slash fraction",
  "StakingPool:MinBondUpdated": "each challenge carries its own bond",
  "StakingPool:ChallengePeriodUpdated": "a challenge's deadline is read from the chain",
  "StakingPool:UnbondingDelayUpdated": "each unbonding entry carries its release time",
  "StakingPool:TreasuryUpdated": "the treasury is read from the chain",
  "StakingPool:Paused": "admin switch, not projected",
  "StakingPool:Unpaused": "admin switch, not projected",
  "StakingPool:RoleAdminChanged": "access control is read from the chain",
  "StakingPool:RoleGranted": "access control is read from the chain",
  "StakingPool:RoleRevoked": "access control is read from the chain",
};

/** The asset's pool row, or an empty one before its first stake. */
function pool(ws: WorkingSet, ctx: ProjectionContext, block: bigint, assetId: bigint): Rows["AssetStake"] {
  return (
    ws.get("AssetStake", rowId.assetStake(ctx.chainId, assetId)) ?? {
      id: rowId.assetStake(ctx.chainId, assetId),
      chainId: ctx.chainId,
      assetId,
      totalStake: 0n,
      totalShares: 0n,
      activeShares: 0n,
      openChallenges: 0,
      updatedBlock: block,
    }
  );
}

function putStake(
  ws: WorkingSet,
  ctx: ProjectionContext,
  block: bigint,
  assetId: bigint,
  staker: string,
  activeShares: bigint,
): void {
  ws.put(
    "Stake",
    {
      id: rowId.stake(ctx.chainId, assetId, staker),
      chainId: ctx.chainId,
      assetId,
      staker,
      activeShares,
      updatedBlock: block,
    },
    block,
  );
}

const challengeRows = (ctx: ProjectionContext, assetId: bigint, challengeId: bigint): RowRef[] => [
  poolRow(ctx, assetId),
  ["Challenge", rowId.challenge(ctx.chainId, challengeId)],
];

type ChallengeOutcome = Pick<
  Rows["Challenge"],
  "status" | "slashed" | "toChallenger" | "toStakers" | "toTreasury"
>;

/** A challenge ends (resolved or lapsed): record its outcome and the pool's post-state totals. */
function closeChallenge(
  event: DecodedEvent,
  { ws, ctx, at }: { ws: WorkingSet; ctx: ProjectionContext; at: Date },
  assetId: bigint,
  challengeId: bigint,
  { outcome, pool: totals }: { outcome: ChallengeOutcome; pool: Partial<Rows["AssetStake"]> },
): void {
  const block = event.blockNumber;
  const challenge = required(ws, event, "Challenge", rowId.challenge(ctx.chainId, challengeId));
  ws.put("Challenge", { ...challenge, ...outcome, resolvedAt: at, updatedBlock: block }, block);
  ws.put("AssetStake", { ...pool(ws, ctx, block, assetId), ...totals, updatedBlock: block }, block);
}
