"use client";

import { useId, useMemo, useState } from "react";
import { TransactionButton } from "@/tx/transaction-button";
import { parseRecipient, parseShareAmount } from "./share-amount";
import { type TransferTarget, transferPlan } from "./transfer-plan";

const STEPS = [{ kind: "transaction", label: "Transfer shares" }] as const;
const INPUT =
  "h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

/**
 * Gives part of an asset's revenue rights to another account. What the shares earned so far is
 * settled to the sender first (stays claimable here); the recipient earns from the transfer on.
 */
export function ShareTransfer({ target, settles }: { target: TransferTarget; settles: string }) {
  const [recipient, setRecipient] = useState("");
  const [amount, setAmount] = useState("");
  const ids = { to: useId(), amount: useId(), note: useId() };
  const plan = useMemo(() => transferPlan(target, recipient, amount), [target, recipient, amount]);
  const to = parseRecipient(recipient, target.holder);
  const shares = parseShareAmount(amount, BigInt(target.held));
  const disabledReason = !to.ok ? to.reason : !shares.ok ? shares.reason : null;
  return (
    <div className="mt-3 space-y-3" data-testid={`share-transfer-${target.assetId}`}>
      <p
        id={ids.note}
        className="rounded-lg bg-slate-50 p-3 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200"
      >
        First, what your shares have earned so far is settled to you: <strong>{settles}</strong> stays yours
        to claim. The recipient earns only from sales after the transfer.
      </p>
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <div className="space-y-1">
          <label htmlFor={ids.to} className="block text-sm font-medium">
            Recipient's address
          </label>
          <input
            id={ids.to}
            className={INPUT}
            autoComplete="off"
            spellCheck={false}
            placeholder="0x…"
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.amount} className="block text-sm font-medium">
            Shares (of {Number(target.held).toLocaleString("en-GB")})
          </label>
          <input
            id={ids.amount}
            className={INPUT}
            inputMode="numeric"
            autoComplete="off"
            placeholder="100000"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        </div>
      </div>
      <TransactionButton
        plan={plan}
        action="transfer shares"
        steps={STEPS}
        disabledReason={disabledReason}
        onIndexed={() => {
          setAmount("");
          setRecipient("");
        }}
      >
        {`Transfer${shares.ok ? ` ${shares.value.toLocaleString("en-GB")}` : ""} shares`}
      </TransactionButton>
    </div>
  );
}
