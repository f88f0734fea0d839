"use client";

import { TransactionStatus, type TxStep } from "./transaction-status";
import { type BatchOutcome, type BatchPlan, useBatch } from "./use-batch";
import { WriteGate } from "./write-gate";

const ONE_CONFIRMATION: readonly TxStep[] = [{ kind: "transaction", label: "Sign" }];

/**
 * A button that sends several calls as one batch, signed once: gated on wallet and network like a
 * single write, with the batch's states under it.
 */
export function BatchButton({
  plan,
  action,
  children,
  disabledReason,
  onIndexed,
}: {
  plan: BatchPlan;
  /** The verb phrase for gate messages ("publish"). */
  action: string;
  children: string;
  /** Why the button cannot be pressed now, shown beside it; null when it can. */
  disabledReason?: string | null;
  onIndexed?: (outcome: BatchOutcome) => void;
}) {
  const batch = useBatch(plan, { onIndexed });
  const reasonId = `${plan.key}-reason`.replace(/[^a-zA-Z0-9_-]/g, "-");
  return (
    <WriteGate action={action}>
      <div className="space-y-3">
        <button
          type="button"
          data-testid="tx-submit"
          onClick={() => void batch.start()}
          disabled={batch.busy || Boolean(disabledReason)}
          aria-describedby={disabledReason ? reasonId : undefined}
          className="inline-flex h-10 items-center rounded-full bg-teal-700 px-5 text-sm font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600 dark:disabled:bg-slate-700 dark:disabled:text-slate-300"
        >
          {batch.busy ? "Working…" : children}
        </button>
        {disabledReason && !batch.busy ? (
          <p
            id={reasonId}
            data-testid="tx-disabled-reason"
            className="text-sm text-slate-600 dark:text-slate-300"
          >
            {disabledReason}
          </p>
        ) : null}
        <TransactionStatus
          stage={batch.stage}
          steps={ONE_CONFIRMATION}
          onRetry={batch.retry}
          onDismiss={batch.reset}
        />
      </div>
    </WriteGate>
  );
}
