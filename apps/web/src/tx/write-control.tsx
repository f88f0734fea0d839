"use client";

import { TransactionStatus, type TxStep } from "./transaction-status";
import type { BatchStage } from "./use-batch";
import type { TxStage } from "./use-transaction";
import { WriteGate } from "./write-gate";

/**
 * What every write button looks like, whichever flow runs it (one transaction or a batch): gated on
 * wallet and network, disabled with a visible reason, then the flow's states under it.
 */
export function WriteControl({
  flowKey,
  action,
  children,
  steps,
  disabledReason,
  idleHint,
  flow,
}: {
  /** The flow's plan key, for the reason's element id. */
  flowKey: string;
  /** The verb phrase for gate messages ("stake"). */
  action: string;
  children: string;
  steps: readonly TxStep[];
  /** Why the button cannot be pressed now, shown beside it; null when it can. */
  disabledReason?: string | null;
  /** Replaces the step count under the button before it is pressed (see TransactionStatus). */
  idleHint?: string;
  flow: {
    stage: TxStage | BatchStage;
    busy: boolean;
    start: () => Promise<unknown>;
    retry: () => void;
    reset: () => void;
  };
}) {
  const reasonId = `${flowKey}-reason`.replace(/[^a-zA-Z0-9_-]/g, "-");
  const disabled = flow.busy || Boolean(disabledReason);
  return (
    <WriteGate action={action}>
      <div className="space-y-3">
        <button
          type="button"
          data-testid="tx-submit"
          onClick={() => void flow.start()}
          disabled={disabled}
          aria-describedby={disabledReason ? reasonId : undefined}
          className="inline-flex min-h-10 items-center rounded-full bg-teal-700 px-5 py-2 text-left text-sm leading-snug font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600 dark:disabled:bg-slate-700 dark:disabled:text-slate-300"
        >
          {flow.busy ? "Working…" : children}
        </button>
        {disabledReason && !flow.busy ? (
          <p
            id={reasonId}
            data-testid="tx-disabled-reason"
            className="text-sm text-slate-600 dark:text-slate-300"
          >
            {disabledReason}
          </p>
        ) : null}
        <TransactionStatus
          stage={flow.stage}
          steps={steps}
          idleHint={idleHint}
          onRetry={flow.retry}
          onDismiss={flow.reset}
        />
      </div>
    </WriteGate>
  );
}
