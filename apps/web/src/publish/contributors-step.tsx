"use client";

import { useId } from "react";
import { unitsToPercent } from "@/lib/publish/percent";
import {
  type ContributorRow,
  checkSplit,
  evenPercents,
  MAX_CONTRIBUTORS,
  SHARE_SUPPLY,
} from "@/lib/publish/split";
import { BUTTON_QUIET, FIELD_ERROR, HINT, INPUT, LABEL } from "./ui";

/** Who shares the asset's revenue, in percentages that must add up to exactly 100 %. */
export function ContributorsStep({
  rows,
  onRows,
}: {
  rows: ContributorRow[];
  onRows: (rows: ContributorRow[]) => void;
}) {
  const id = useId();
  const check = checkSplit(rows);
  const problem = (row: number, field: "address" | "percent") =>
    check.problems.find((p) => p.row === row && p.field === field)?.message;
  const total = check.ok ? SHARE_SUPPLY : check.totalUnits;
  const update = (index: number, patch: Partial<ContributorRow>) =>
    onRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Everyone who made this asset can receive a share of every sale: co-authors, data providers, your
        institution. Each one claims their share from Tessera whenever they like. Shares can later be
        transferred, but this split is recorded on chain when you publish.
      </p>
      <ol className="space-y-3" data-testid="contributors">
        {rows.map((row, index) => {
          const addressError = problem(index, "address");
          const percentError = problem(index, "percent");
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
            <li key={index} className="grid gap-2 sm:grid-cols-[1fr_9rem_auto] sm:items-start">
              <div className="space-y-1">
                <label htmlFor={`${id}-a${index}`} className={LABEL}>
                  Contributor {index + 1}: wallet address
                </label>
                <input
                  id={`${id}-a${index}`}
                  value={row.address}
                  onChange={(e) => update(index, { address: e.target.value })}
                  placeholder="0x…"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={Boolean(addressError)}
                  aria-describedby={addressError ? `${id}-ae${index}` : undefined}
                  className={`${INPUT} font-mono`}
                />
                {addressError ? (
                  <p id={`${id}-ae${index}`} className={FIELD_ERROR}>
                    {addressError}
                  </p>
                ) : null}
              </div>
              <div className="space-y-1">
                <label htmlFor={`${id}-p${index}`} className={LABEL}>
                  Share (%)
                </label>
                <input
                  id={`${id}-p${index}`}
                  value={row.percent}
                  inputMode="decimal"
                  onChange={(e) => update(index, { percent: e.target.value })}
                  aria-invalid={Boolean(percentError)}
                  aria-describedby={percentError ? `${id}-pe${index}` : undefined}
                  className={INPUT}
                />
                {percentError ? (
                  <p id={`${id}-pe${index}`} className={FIELD_ERROR}>
                    {percentError}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                className={`${BUTTON_QUIET} sm:mt-6`}
                onClick={() => onRows(rows.filter((_, i) => i !== index))}
                disabled={rows.length === 1}
                title={rows.length === 1 ? "An asset needs at least one contributor." : undefined}
              >
                Remove<span className="sr-only"> contributor {index + 1}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={BUTTON_QUIET}
          disabled={rows.length >= MAX_CONTRIBUTORS}
          onClick={() => onRows([...rows, { address: "", percent: "0" }])}
        >
          Add a contributor
        </button>
        <button
          type="button"
          className={BUTTON_QUIET}
          onClick={() => {
            const percents = evenPercents(rows.length);
            onRows(rows.map((row, i) => ({ ...row, percent: percents[i] ?? "0" })));
          }}
        >
          Split evenly
        </button>
      </div>
      <p
        data-testid="split-total"
        className={check.ok ? "text-sm text-teal-800 dark:text-teal-300" : FIELD_ERROR}
        aria-live="polite"
      >
        Total: {unitsToPercent(total, SHARE_SUPPLY)} %
        {check.ok ? " — the whole revenue is assigned." : ` — ${check.summary}`}
      </p>
      <p className={HINT}>One share is 0.0001 %; percentages can have up to 4 decimals.</p>
    </div>
  );
}
