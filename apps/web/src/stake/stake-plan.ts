import type { Address } from "viem";
import type { TxPlan } from "@/tx/use-transaction";

export type StakeTarget = {
  chainId: number;
  assetId: string;
  assetName: string;
  stakingPool: Address;
  stakeToken: Address;
  tokenSymbol: string;
  tokenDecimals: number;
};

/**
 * Stake with one free signature and one transaction: an EIP-2612 permit lets the pool take the
 * tokens in the same transaction that stakes them (no separate approval). The checks and the
 * signing code load when the person presses Stake.
 */
export function stakePlan(target: StakeTarget, amountText: string): TxPlan {
  return {
    key: `stake:${target.chainId}:${target.assetId}`,
    label: `Stake ${amountText.trim()} ${target.tokenSymbol} on ${target.assetName}`,
    prepare: async (context) => (await import("./stake-prepare")).prepareStake(target, amountText, context),
  };
}
