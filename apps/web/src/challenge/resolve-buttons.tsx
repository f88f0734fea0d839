"use client";

import { useMemo } from "react";
import type { Address } from "viem";
import { TransactionButton } from "@/tx/transaction-button";
import { resolvePlan } from "./challenge-plans";

const ONE_TX = [{ kind: "transaction", label: "Confirm in your wallet" }] as const;

/** The arbiter's two verdicts; the chain accepts them only from an account with the arbiter role. */
export function ResolveButtons({
  challenge,
}: {
  challenge: { chainId: number; challengeId: string; assetName: string; stakingPool: Address };
}) {
  const uphold = useMemo(() => resolvePlan(challenge, true), [challenge]);
  const reject = useMemo(() => resolvePlan(challenge, false), [challenge]);
  return (
    <div className="flex flex-wrap gap-6">
      <div data-testid={`uphold-${challenge.challengeId}`}>
        <TransactionButton plan={uphold} action="decide" steps={ONE_TX}>
          Uphold: slash the stake
        </TransactionButton>
      </div>
      <div data-testid={`reject-${challenge.challengeId}`}>
        <TransactionButton plan={reject} action="decide" steps={ONE_TX}>
          Reject: bond to the stakers
        </TransactionButton>
      </div>
    </div>
  );
}
