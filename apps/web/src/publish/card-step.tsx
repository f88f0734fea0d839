"use client";

import { useId, useRef } from "react";
import { CARD_PROSE } from "@/lib/card-prose";
import { CLINICAL_LABEL, type ClinicalField } from "@/lib/clinical-fields";
import { type AssetKindName, type CardPreview, describeCardProblem } from "@/lib/publish/card-api";
import { FIELD_ERROR, HINT, LABEL, PANEL } from "./ui";

/**
 * The card, in the Hugging Face format, with a live preview rendered by the server exactly as the
 * asset page will render it (so no Markdown or YAML library ships to the browser). Problems name
 * their line and column; pressing one puts the cursor there.
 */
export function CardStep({
  kind,
  card,
  onKind,
  onCard,
  preview,
  previewError,
}: {
  kind: AssetKindName;
  card: string;
  onKind: (kind: AssetKindName) => void;
  onCard: (card: string) => void;
  preview: CardPreview | null;
  previewError: string | null;
}) {
  const editorId = useId();
  const editor = useRef<HTMLTextAreaElement>(null);

  const goToLine = (line?: number, column?: number) => {
    const area = editor.current;
    if (!area || line === undefined) return;
    const lines = area.value.split("\n");
    const offset =
      lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + Math.max(0, (column ?? 1) - 1);
    area.focus();
    area.setSelectionRange(offset, offset);
  };

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className={LABEL}>What are you publishing?</legend>
        <div className="flex flex-wrap gap-4">
          {(["model", "dataset"] as const).map((value) => (
            <label
              key={value}
              className="inline-flex items-center gap-2 text-sm text-slate-800 dark:text-slate-100"
            >
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => onKind(value)}
              />
              {value === "model" ? "A model" : "A dataset"}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-2">
          <label htmlFor={editorId} className={LABEL}>
            Card (YAML header + Markdown, the Hugging Face format)
          </label>
          <textarea
            id={editorId}
            ref={editor}
            data-testid="card-editor"
            value={card}
            onChange={(event) => onCard(event.target.value)}
            spellCheck={false}
            rows={22}
            aria-invalid={(preview?.errors.length ?? 0) > 0}
            aria-describedby={`${editorId}-problems`}
            className="w-full rounded-lg border border-slate-300 bg-white p-3 font-mono text-xs leading-5 text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
          />
          <p className={HINT}>
            Tessera's clinical fields: <code>intended_use</code>, <code>population</code>,{" "}
            <code>evaluation</code>, <code>limitations</code>, <code>regulatory_status</code>,{" "}
            <code>clinical_use</code>.
          </p>
          <div id={`${editorId}-problems`} aria-live="polite" className="space-y-2">
            {previewError ? <p className={FIELD_ERROR}>{previewError}</p> : null}
            {preview && preview.errors.length > 0 ? (
              <ul data-testid="card-errors" className="space-y-1">
                {preview.errors.map((problem) => (
                  <li key={`${problem.line}:${problem.column}:${problem.message}`}>
                    <button
                      type="button"
                      onClick={() => goToLine(problem.line, problem.column)}
                      className={`${FIELD_ERROR} text-left underline-offset-2 hover:underline`}
                    >
                      {describeCardProblem(problem)}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {preview && preview.warnings.length > 0 ? (
              <ul
                data-testid="card-warnings"
                className="list-disc space-y-1 pl-5 text-sm text-amber-800 dark:text-amber-300"
              >
                {preview.warnings.map((problem) => (
                  <li key={problem.message}>{describeCardProblem(problem)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
        <section aria-label="Preview" className={`${PANEL} min-w-0 space-y-4`} data-testid="card-preview">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Preview</p>
          <h2 className="text-xl font-semibold text-slate-900 dark:text-white">
            {preview?.name ?? "Untitled"}
          </h2>
          {preview?.regulatoryStatus ? (
            <p className="inline-flex rounded-full bg-slate-100 px-3 py-1 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">
              {preview.regulatoryStatus}
            </p>
          ) : null}
          <dl className="grid gap-2 text-sm">
            {(Object.keys(CLINICAL_LABEL) as ClinicalField[]).map((field) => (
              <div key={field}>
                <dt className="font-medium text-slate-800 dark:text-slate-100">{CLINICAL_LABEL[field]}</dt>
                <dd className="text-slate-600 dark:text-slate-300">
                  {preview?.clinical[field] ?? "Not provided"}
                </dd>
              </div>
            ))}
          </dl>
          <div
            className={`${CARD_PROSE} break-words [&>*:first-child]:mt-0`}
            // Sanitised on the server by the same pipeline as the asset page (rehype-sanitize).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised card HTML
            dangerouslySetInnerHTML={{ __html: preview?.html ?? "" }}
          />
        </section>
      </div>
    </div>
  );
}
