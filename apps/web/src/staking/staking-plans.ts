import type { Address } from "viem";
import type { TxPlan } from "@/tx/use-transaction";

/** What every /stakes write needs: the pool, who the page was rendered for, the stake token. */
export type StakerContext = {
  chainId: number;
  stakingPool: Address;
  staker: Address;
  tokenSymbol: string;
  tokenDecimals: number;
};

const load = () => import("./staking-prepare");

/** Starts unbonding `amount` of the stake on one asset (StakingPool.unstake). */
export function unstakePlan(
  ctx: StakerContext,
  asset: { assetId: string; name: string; value: string },
  amountText: string,
): TxPlan {
  return {
    key: `unstake:${ctx.chainId}:${asset.assetId}:${ctx.staker.toLowerCase()}`,
    label: `Unstake ${amountText.trim()} ${ctx.tokenSymbol} from ${asset.name}`,
    prepare: async (tx) => (await load()).prepareUnstake(ctx, asset, amountText, tx),
  };
}

/** Pays out a matured unbonding entry (StakingPool.withdraw). */
export function withdrawPlan(ctx: StakerContext, entry: { entryId: string; name: string }): TxPlan {
  return {
    key: `withdraw:${ctx.chainId}:${entry.entryId}`,
    label: `Withdraw unbonded stake from ${entry.name}`,
    prepare: async (tx) => (await load()).prepareWithdraw(ctx, entry, tx),
  };
}

/** Claims every pending curator reward in one transaction (StakingPool.claimRewards). */
export function claimRewardsPlan(
  ctx: StakerContext,
  pairs: { assetIds: readonly string[]; currencies: readonly Address[] },
  summary: string,
): TxPlan {
  return {
    key: `rewards:${ctx.chainId}:${ctx.staker.toLowerCase()}`,
    label: `Claim ${summary} of curator rewards`,
    prepare: async (tx) => (await load()).prepareClaimRewards(ctx, pairs, tx),
  };
}
