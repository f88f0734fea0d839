"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { Address } from "viem";
import { BUTTON_QUIET } from "@/publish/ui";
import { TransactionButton } from "@/tx/transaction-button";

const STEPS = [{ kind: "transaction", label: "Retire the offer" }] as const;

/**
 * Stops an offer selling, after saying what that means: it cannot be undone, and licenses already
 * sold stay valid and renewable.
 */
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
    <Dialog.Root>
      <Dialog.Trigger className={BUTTON_QUIET} data-testid="retire-offer">
        Retire<span className="sr-only"> {label}</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-2xl bg-white p-6 shadow-xl dark:bg-slate-900">
          <Dialog.Title className="text-lg font-semibold">Retire {label}?</Dialog.Title>
          <Dialog.Description className="text-sm text-slate-700 dark:text-slate-300">
            Clinics will no longer be able to buy this offer, and it cannot be offered again: to sell on other
            terms, create a new offer. Licenses already sold stay valid and can still be renewed.
          </Dialog.Description>
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
            Retire the offer
          </TransactionButton>
          <Dialog.Close className={BUTTON_QUIET}>Keep selling</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
