"use client";

import { useMemo } from "react";
import { TransactionButton } from "@/tx/transaction-button";
import { type ClaimTarget, claimPlan } from "./claim-plan";

const STEPS = [{ kind: "transaction", label: "Claim everything" }] as const;

/** One button, one transaction: everything claimable on every asset, in every currency. */
export function ClaimAll({ target, disabledReason }: { target: ClaimTarget; disabledReason: string | null }) {
  // The plan's identity follows what it claims, so an indexed claim (fewer pairs) makes a new one.
  const plan = useMemo(() => claimPlan(target), [target]);
  return (
    <div data-testid="claim-all">
      <TransactionButton
        plan={plan}
        action="claim your royalties"
        steps={STEPS}
        disabledReason={disabledReason}
      >
        {`Claim ${target.summary}`}
      </TransactionButton>
    </div>
  );
}
