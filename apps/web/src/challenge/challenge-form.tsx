"use client";

import { useId, useMemo, useState } from "react";
import { formatUnits } from "viem";
import { parseStakeAmount } from "@/stake/stake-amount";
import { TransactionButton } from "@/tx/transaction-button";
import { type ChallengeTarget, challengePlan, type Evidence } from "./challenge-plans";

const STEPS = [
  { kind: "signature", label: "Allow the pool to take exactly the bond" },
  { kind: "transaction", label: "Open the challenge" },
] as const;
const INPUT =
  "h-10 w-full max-w-60 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

/** Challenge an asset: a bond (lost if the arbiter rejects) and a document that shows the problem. */
export default function ChallengeForm({ target }: { target: ChallengeTarget }) {
  const min = formatUnits(BigInt(target.minBond), target.tokenDecimals);
  const [bond, setBond] = useState(min);
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const ids = { bond: useId(), file: useId(), hint: useId() };
  const open = useMemo(() => challengePlan(target, bond, evidence), [target, bond, evidence]);
  const parsed = parseStakeAmount(bond, target.tokenDecimals, "put up as the bond");
  const bondProblem = !parsed.ok
    ? parsed.reason
    : parsed.value < BigInt(target.minBond)
      ? `The bond must be at least ${min} ${target.tokenSymbol}.`
      : null;

  async function choose(file: File | undefined) {
    setEvidence(null);
    setFileProblem(null);
    if (!file) return;
    if (file.size === 0) return setFileProblem("That file is empty. Attach a document with content.");
    if (file.size > 2 * 1024 * 1024)
      return setFileProblem("That file is larger than 2 MB. Attach a smaller one.");
    const { sha256Of } = await import("./challenge-prepare");
    setEvidence({ file, sha256: await sha256Of(file) });
  }

  return (
    <div className="mt-3 space-y-3" data-testid="challenge-form">
      <p id={ids.hint} className="text-sm text-slate-700 dark:text-slate-200">
        If the arbiter upholds your challenge, part of the stake on this asset is slashed and you receive a
        share of it with your bond back; if the arbiter rejects it, your bond goes to the asset's stakers.
      </p>
      <div className="space-y-1">
        <label htmlFor={ids.file} className="block text-sm font-medium">
          Evidence document (up to 2 MB)
        </label>
        <input
          id={ids.file}
          type="file"
          aria-describedby={ids.hint}
          onChange={(e) => void choose(e.target.files?.[0])}
          className="block w-full text-sm"
        />
        {fileProblem ? (
          <p className="text-sm text-red-700 dark:text-red-300">{fileProblem}</p>
        ) : evidence ? (
          <p className="break-all text-xs text-slate-600 dark:text-slate-400" data-testid="evidence-hash">
            sha256 {evidence.sha256}: recorded on chain and stored on Tessera for the arbiter.
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.bond} className="block text-sm font-medium">
          Bond ({target.tokenSymbol}, at least {min})
        </label>
        <input
          id={ids.bond}
          className={INPUT}
          inputMode="decimal"
          autoComplete="off"
          value={bond}
          onChange={(e) => setBond(e.target.value)}
        />
      </div>
      <div data-testid="challenge-open">
        <TransactionButton
          plan={open}
          action="challenge"
          steps={STEPS}
          disabledReason={bondProblem ?? (evidence ? null : "Attach the evidence document first.")}
        >
          Open the challenge
        </TransactionButton>
      </div>
    </div>
  );
}
