"use client";

import { TransactionStatus, type TxStep } from "./transaction-status";
import { type TxOutcome, type TxPlan, useTransaction } from "./use-transaction";
import { WriteGate } from "./write-gate";

/**
 * A write button with its whole flow: gated on wallet and network, disabled with a visible reason,
 * then the transaction's states under it.
 */
export function TransactionButton({
  plan,
  action,
  children,
  steps,
  disabledReason,
  onIndexed,
}: {
  plan: TxPlan;
  /** The verb phrase for gate messages ("stake"). */
  action: string;
  children: string;
  steps: readonly TxStep[];
  /** Why the button cannot be pressed now, shown beside it; null when it can. */
  disabledReason?: string | null;
  onIndexed?: (outcome: TxOutcome) => void;
}) {
  const tx = useTransaction(plan, { onIndexed });
  const reasonId = `${plan.key}-reason`.replace(/[^a-zA-Z0-9_-]/g, "-");
  const disabled = tx.busy || Boolean(disabledReason);
  return (
    <WriteGate action={action}>
      <div className="space-y-3">
        <button
          type="button"
          data-testid="tx-submit"
          onClick={() => void tx.start()}
          disabled={disabled}
          aria-describedby={disabledReason ? reasonId : undefined}
          className="inline-flex min-h-10 items-center rounded-full bg-teal-700 px-5 py-2 text-left text-sm leading-snug font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600 dark:disabled:bg-slate-700 dark:disabled:text-slate-300"
        >
          {tx.busy ? "Working…" : children}
        </button>
        {disabledReason && !tx.busy ? (
          <p
            id={reasonId}
            data-testid="tx-disabled-reason"
            className="text-sm text-slate-600 dark:text-slate-300"
          >
            {disabledReason}
          </p>
        ) : null}
        <TransactionStatus stage={tx.stage} steps={steps} onRetry={tx.retry} onDismiss={tx.reset} />
      </div>
    </WriteGate>
  );
}
