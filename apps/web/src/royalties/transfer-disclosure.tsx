"use client";

import { lazy, Suspense, useId, useState } from "react";
import type { TransferTarget } from "./transfer-plan";

// The transfer form (and its transaction flow) loads when someone opens it: a holder of many assets
// gets one small button per asset, not a whole form each, in the page's HTML and hydration.
const ShareTransfer = lazy(async () => ({ default: (await import("./share-transfer")).ShareTransfer }));

export function TransferDisclosure({ target, settles }: { target: TransferTarget; settles: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="mt-3 border-t border-slate-100 pt-3 text-sm dark:border-slate-800">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="font-medium text-teal-700 hover:underline focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-teal-400"
      >
        {open ? "Close the transfer form" : "Transfer shares to another account"}
      </button>
      <div id={panelId}>
        {open ? (
          <Suspense fallback={<p className="mt-2 text-slate-600 dark:text-slate-400">Loading the form…</p>}>
            <ShareTransfer target={target} settles={settles} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
