"use client";

import { useId, useMemo, useState } from "react";
import { formatStake } from "@/lib/money";
import { TransactionButton } from "@/tx/transaction-button";
import { parseStakeAmount } from "./stake-amount";
import { type StakeTarget, stakePlan } from "./stake-plan";

const STEPS = [
  { kind: "signature", label: "Allow the pool to take the tokens" },
  { kind: "transaction", label: "Stake" },
] as const;

/** Stake on an asset you vouch for: an amount, then one free signature and one transaction. */
export type StakeTerms = {
  slashBps: number;
  unbondingDays: number;
  /** "4 Dec 2026, 14:03 UTC": the earliest the stake could be withdrawn. */
  unlockAt: string;
};

export function StakeForm({
  target,
  terms,
  frozenReason,
}: {
  target: StakeTarget;
  terms: StakeTerms;
  frozenReason: string | null;
}) {
  const [amount, setAmount] = useState("");
  const inputId = useId();
  const hintId = useId();
  const plan = useMemo(() => stakePlan(target, amount), [target, amount]);
  const parsed = parseStakeAmount(amount, target.tokenDecimals);
  const disabledReason = frozenReason ?? (parsed.ok ? null : parsed.reason);
  return (
    <div className="space-y-3" data-testid="stake-form">
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
          Amount to stake ({target.tokenSymbol})
        </label>
        <input
          id={inputId}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          aria-describedby={hintId}
          onChange={(event) => setAmount(event.target.value)}
          placeholder="100"
          className="h-10 w-full max-w-48 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        />
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          Your stake earns a share of this asset's curator rewards.
        </p>
      </div>
      <dl
        className="space-y-1 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800"
        data-testid="stake-terms"
      >
        <div>
          <dt className="inline font-medium">At risk: </dt>
          <dd className="inline" data-testid="stake-max-slash">
            if a challenge against this asset is upheld, {terms.slashBps / 100}% of your stake is slashed
            {parsed.ok
              ? `: at most ${formatStake(((parsed.value * BigInt(terms.slashBps)) / 10_000n).toString())}`
              : ""}
            .
          </dd>
        </div>
        <div>
          <dt className="inline font-medium">Unlock: </dt>
          <dd className="inline" data-testid="stake-unlock">
            getting it back takes a {terms.unbondingDays}-day unbonding after you unstake: unstaked right
            away, it unlocks on {terms.unlockAt} at the earliest.
          </dd>
        </div>
      </dl>
      <TransactionButton
        plan={plan}
        action="stake"
        steps={STEPS}
        disabledReason={disabledReason}
        onIndexed={() => setAmount("")}
      >
        {`Stake${parsed.ok ? ` ${amount.trim()} ${target.tokenSymbol}` : ""}`}
      </TransactionButton>
    </div>
  );
}
