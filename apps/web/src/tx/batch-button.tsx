"use client";

import type { TxStep } from "./transaction-status";
import { type BatchOutcome, type BatchPlan, useBatch } from "./use-batch";
import { WriteControl } from "./write-control";

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
  return (
    <WriteControl
      flowKey={plan.key}
      action={action}
      steps={ONE_CONFIRMATION}
      disabledReason={disabledReason}
      idleHint="Your wallet will ask you once, for all of them together."
      flow={batch}
    >
      {children}
    </WriteControl>
  );
}
