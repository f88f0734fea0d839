"use client";

import { useEffect, useId, useState } from "react";
import { fetchJson } from "@/lib/api/problem";
import { type AssetNames, assetNamesSchema } from "@/lib/publish/asset-names";
import { checkLineage, MAX_PARENTS, type ParentRow } from "@/lib/publish/lineage";
import { BUTTON_QUIET, FIELD_ERROR, HINT, INPUT, LABEL } from "./ui";

type Known = Map<string, AssetNames["assets"][number]>;

/** The datasets and models this asset derives from, and the part of each sale they receive. */
export function LineageStep({ rows, onRows }: { rows: ParentRow[]; onRows: (rows: ParentRow[]) => void }) {
  const id = useId();
  const known = useParentNames(rows);
  const check = checkLineage(rows, known ? (assetId) => known.has(assetId.toString()) : undefined);
  const problem = (row: number, field: "assetId" | "percent") =>
    check.ok ? undefined : check.problems.find((p) => p.row === row && p.field === field)?.message;
  const update = (index: number, patch: Partial<ParentRow>) =>
    onRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        If this asset was trained on or derived from assets already on Tessera, name them: each parent's
        shareholders then receive the share you give them of every sale, automatically. Together, parents can
        receive at most 30 %; the rest goes to your contributors. Leave this empty if there are no parents on
        Tessera.
      </p>
      {rows.length > 0 ? (
        <ol className="space-y-3" data-testid="parents">
          {rows.map((row, index) => {
            const idError = problem(index, "assetId");
            const percentError = problem(index, "percent");
            const name = known?.get(row.assetId.trim().replace(/^#/, ""));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
              <li key={index} className="grid gap-2 sm:grid-cols-[10rem_9rem_1fr_auto] sm:items-start">
                <div className="space-y-1">
                  <label htmlFor={`${id}-i${index}`} className={LABEL}>
                    Parent asset number
                  </label>
                  <input
                    id={`${id}-i${index}`}
                    value={row.assetId}
                    inputMode="numeric"
                    placeholder="3"
                    onChange={(e) => update(index, { assetId: e.target.value })}
                    aria-invalid={Boolean(idError)}
                    aria-describedby={idError ? `${id}-ie${index}` : undefined}
                    className={INPUT}
                  />
                </div>
                <div className="space-y-1">
                  <label htmlFor={`${id}-p${index}`} className={LABEL}>
                    Share of sales (%)
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
                </div>
                <div className="space-y-1 text-sm sm:pt-7">
                  {name ? (
                    <p className="text-slate-800 dark:text-slate-100" data-testid="parent-name">
                      {name.name} <span className="text-slate-500">({name.kind})</span>
                    </p>
                  ) : null}
                  {idError ? (
                    <p id={`${id}-ie${index}`} className={FIELD_ERROR}>
                      {idError}
                    </p>
                  ) : null}
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
                >
                  Remove<span className="sr-only"> parent {index + 1}</span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      <button
        type="button"
        className={BUTTON_QUIET}
        disabled={rows.length >= MAX_PARENTS}
        onClick={() => onRows([...rows, { assetId: "", percent: "10" }])}
      >
        Add a parent
      </button>
      {!check.ok && rows.length > 0 ? (
        <p className={FIELD_ERROR} data-testid="lineage-summary" aria-live="polite">
          {check.summary}
        </p>
      ) : (
        <p className={HINT} aria-live="polite">
          {check.ok && check.totalBps > 0
            ? `Parents receive ${check.totalBps / 100} % of each sale; your contributors share the rest after fees.`
            : "No parents: your contributors share each sale after fees."}
        </p>
      )}
    </div>
  );
}

/** Looks the typed asset numbers up (names and kinds); undefined until the first answer. */
function useParentNames(rows: ParentRow[]): Known | undefined {
  const ids = rows
    .map((r) => r.assetId.trim().replace(/^#/, ""))
    .filter((v) => /^\d{1,18}$/.test(v) && BigInt(v) > 0n)
    .slice(0, MAX_PARENTS);
  const key = [...new Set(ids)].sort().join(",");
  const [known, setKnown] = useState<{ key: string; map: Known } | undefined>();
  useEffect(() => {
    if (key === "") return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      fetchJson(`/api/assets/names?ids=${key}`, { signal: controller.signal }, assetNamesSchema)
        .then((answer) => setKnown({ key, map: new Map(answer.assets.map((a) => [a.assetId, a])) }))
        .catch(() => {});
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key]);
  if (key === "") return new Map();
  return known?.key === key ? known.map : undefined;
}
