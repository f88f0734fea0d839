import type { Address } from "viem";
import type { TxPlan } from "@/tx/use-transaction";

export type ClaimTarget = {
  chainId: number;
  royaltyShares: Address;
  /** The signed-in holder the page was rendered for. */
  holder: Address;
  assetIds: readonly string[];
  currencies: readonly Address[];
  /** "0.06 ETH and 120 tUSD", for the wallet step and the pending label. */
  summary: string;
};

/**
 * Claims everything the page lists in ONE transaction: RoyaltyShares.claim(assetIds, currencies, to)
 * pays every (asset, currency) pair named, one transfer per currency. Checks load on press.
 */
export function claimPlan(target: ClaimTarget): TxPlan {
  return {
    key: `claim:${target.chainId}:${target.holder.toLowerCase()}`,
    label: `Claim ${target.summary}`,
    prepare: async (context) => (await import("./claim-prepare")).prepareClaim(target, context),
  };
}
