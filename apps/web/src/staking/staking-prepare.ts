import { stakingPoolAbi } from "@tessera/abi/browser";
import type { Address } from "viem";
import { parseStakeAmount } from "@/stake/stake-amount";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import type { StakerContext } from "./staking-plans";

// The /stakes writes' checks, loaded when a button is pressed.

function sameAccount(ctx: StakerContext, { account }: TxContext) {
  if (account.toLowerCase() !== ctx.staker.toLowerCase()) {
    throw new TxPreconditionError(
      `This page shows the stakes of ${ctx.staker}, but your wallet has another account selected. Switch to that account.`,
      { retry: true },
    );
  }
}

export async function prepareUnstake(
  ctx: StakerContext,
  asset: { assetId: string; value: string },
  amountText: string,
  tx: TxContext,
): Promise<ContractWrite> {
  sameAccount(ctx, tx);
  const amount = parseStakeAmount(amountText, ctx.tokenDecimals, "unstake");
  if (!amount.ok) throw new TxPreconditionError(amount.reason);
  if (amount.value > BigInt(asset.value)) {
    throw new TxPreconditionError("That is more than your stake on this asset. Enter at most your stake.");
  }
  return {
    address: ctx.stakingPool,
    abi: stakingPoolAbi,
    functionName: "unstake",
    args: [BigInt(asset.assetId), amount.value],
  };
}

export async function prepareWithdraw(
  ctx: StakerContext,
  entry: { entryId: string },
  tx: TxContext,
): Promise<ContractWrite> {
  sameAccount(ctx, tx);
  return {
    address: ctx.stakingPool,
    abi: stakingPoolAbi,
    functionName: "withdraw",
    args: [BigInt(entry.entryId)],
  };
}

export async function prepareClaimRewards(
  ctx: StakerContext,
  pairs: { assetIds: readonly string[]; currencies: readonly Address[] },
  tx: TxContext,
): Promise<ContractWrite> {
  sameAccount(ctx, tx);
  if (pairs.assetIds.length === 0) throw new TxPreconditionError("There are no rewards to claim right now.");
  return {
    address: ctx.stakingPool,
    abi: stakingPoolAbi,
    functionName: "claimRewards",
    args: [pairs.assetIds.map((id) => BigInt(id)), pairs.currencies, tx.account],
  };
}
