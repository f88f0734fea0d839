"use client";

import { useId, useMemo, useState } from "react";
import type { Address } from "viem";
import { parseStakeAmount } from "@/stake/stake-amount";
import { TransactionButton } from "@/tx/transaction-button";
import { claimRewardsPlan, type StakerContext, unstakePlan, withdrawPlan } from "./staking-plans";

const ONE_TX = [{ kind: "transaction", label: "Confirm in your wallet" }] as const;

/** Unstake part or all of a stake: it starts unbonding and stops earning at once. */
export function UnstakeForm({
  ctx,
  asset,
}: {
  ctx: StakerContext;
  asset: { assetId: string; name: string; value: string; shown: string };
}) {
  const [amount, setAmount] = useState("");
  const id = useId();
  const plan = useMemo(() => unstakePlan(ctx, asset, amount), [ctx, asset, amount]);
  const parsed = parseStakeAmount(amount, ctx.tokenDecimals, "unstake");
  const disabledReason = !parsed.ok
    ? parsed.reason
    : parsed.value > BigInt(asset.value)
      ? `You have ${asset.shown} staked here; enter at most that.`
      : null;
  return (
    <div className="space-y-2" data-testid={`unstake-${asset.assetId}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        Amount to unstake ({ctx.tokenSymbol})
      </label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        className="h-10 w-full max-w-48 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
      <TransactionButton plan={plan} action="unstake" steps={ONE_TX} disabledReason={disabledReason}>
        {`Unstake${parsed.ok ? ` ${amount.trim()} ${ctx.tokenSymbol}` : ""}`}
      </TransactionButton>
    </div>
  );
}

export function WithdrawButton({
  ctx,
  entry,
  disabledReason,
}: {
  ctx: StakerContext;
  entry: { entryId: string; name: string; shown: string };
  disabledReason: string | null;
}) {
  const plan = useMemo(() => withdrawPlan(ctx, entry), [ctx, entry]);
  return (
    <div data-testid={`withdraw-${entry.entryId}`}>
      <TransactionButton plan={plan} action="withdraw" steps={ONE_TX} disabledReason={disabledReason}>
        {`Withdraw ${entry.shown}`}
      </TransactionButton>
    </div>
  );
}

export function ClaimRewardsButton({
  ctx,
  pairs,
  summary,
}: {
  ctx: StakerContext;
  pairs: { assetIds: string[]; currencies: Address[] };
  summary: string;
}) {
  const plan = useMemo(() => claimRewardsPlan(ctx, pairs, summary), [ctx, pairs, summary]);
  return (
    <div data-testid="claim-rewards">
      <TransactionButton
        plan={plan}
        action="claim rewards"
        steps={ONE_TX}
        disabledReason={pairs.assetIds.length === 0 ? "There are no rewards to claim right now." : null}
      >
        {pairs.assetIds.length === 0 ? "Claim rewards" : `Claim ${summary}`}
      </TransactionButton>
    </div>
  );
}
