"use client";

import type { Address } from "viem";
import { TransactionButton } from "@/tx/transaction-button";

const STEPS = [{ kind: "transaction", label: "Retire the offer" }] as const;

/** Stops an offer selling; licenses already sold stay valid and renewable. */
export function RetireOffer({
  chainId,
  offerId,
  licenseManager,
  label,
}: {
  chainId: number;
  offerId: string;
  licenseManager: Address;
  label: string;
}) {
  return (
    <TransactionButton
      plan={{
        key: `retire-offer:${chainId}:${offerId}`,
        label: `Retire ${label}`,
        prepare: async () => {
          const { licenseManagerAbi } = await import("@tessera/abi/browser");
          return {
            address: licenseManager,
            abi: licenseManagerAbi,
            functionName: "retireOffer",
            args: [BigInt(offerId)],
          };
        },
      }}
      action="retire this offer"
      steps={STEPS}
    >
      Retire
    </TransactionButton>
  );
}
