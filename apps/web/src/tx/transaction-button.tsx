"use client";

import type { TxStep } from "./transaction-status";
import { type TxOutcome, type TxPlan, useTransaction } from "./use-transaction";
import { WriteControl } from "./write-control";

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
  return (
    <WriteControl flowKey={plan.key} action={action} steps={steps} disabledReason={disabledReason} flow={tx}>
      {children}
    </WriteControl>
  );
}
