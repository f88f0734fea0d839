"use client";

import { lazy, Suspense, useId, useState } from "react";
import type { ChallengeTarget } from "./challenge-plans";

// The form and its transaction code load when someone opens it: most visitors never challenge.
const ChallengeForm = lazy(() => import("./challenge-form"));

export function ChallengeDisclosure({
  target,
  blocked,
}: {
  target: ChallengeTarget;
  blocked: string | null;
}) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  if (blocked) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="challenge-blocked">
        {blocked}
      </p>
    );
  }
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        data-testid="challenge-toggle"
        onClick={() => setOpen((o) => !o)}
        className="text-sm font-medium text-teal-700 hover:underline focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-teal-400"
      >
        {open ? "Close the challenge form" : "Challenge this asset"}
      </button>
      <div id={panel}>
        {open ? (
          <Suspense fallback={<p className="mt-2 text-sm">Loading the form…</p>}>
            <ChallengeForm target={target} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
