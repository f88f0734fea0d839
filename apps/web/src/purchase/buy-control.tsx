"use client";

import { useEffect, useId, useState } from "react";
import { loadPending } from "@/tx/pending-store";
import { BuyForm } from "./buy-form";
import { type PurchaseTarget, purchaseKey } from "./purchase-plan";

/**
 * An offer's Buy button, which opens its form (seats, periods, the itemised total). Closed by
 * default so a page of offers shows one clear action each; open at once when a purchase from this
 * offer is still pending in this browser, so its progress is followed after a reload.
 */
export function BuyControl({ target }: { target: PurchaseTarget }) {
  const [open, setOpen] = useState(false);
  const formId = useId();
  useEffect(() => {
    if (loadPending(purchaseKey(target))) setOpen(true);
  }, [target]);
  return (
    <div className="space-y-3">
      {open ? null : (
        <button
          type="button"
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => setOpen(true)}
          data-testid="buy-open"
          className="inline-flex h-10 items-center rounded-full bg-teal-700 px-5 text-sm font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
        >
          Buy a license
        </button>
      )}
      {open ? (
        <div id={formId}>
          <BuyForm target={target} />
        </div>
      ) : null}
    </div>
  );
}
