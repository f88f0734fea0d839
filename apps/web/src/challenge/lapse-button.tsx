"use client";

import { useMemo } from "react";
import type { Address } from "viem";
import { TransactionButton } from "@/tx/transaction-button";
import { lapsePlan } from "./challenge-plans";

const ONE_TX = [{ kind: "transaction", label: "Confirm in your wallet" }] as const;

/** Closes a challenge whose deadline passed with no decision; the contract lets anyone do it. */
export function LapseButton({
  challenge,
}: {
  challenge: { chainId: number; challengeId: string; assetName: string; stakingPool: Address };
}) {
  const plan = useMemo(() => lapsePlan(challenge), [challenge]);
  return (
    <div data-testid={`lapse-${challenge.challengeId}`}>
      <TransactionButton plan={plan} action="close the challenge" steps={ONE_TX}>
        Close the undecided challenge
      </TransactionButton>
    </div>
  );
}
