import type { CardMeta } from "@tessera/db/cards";
import { CLINICAL_LABEL, type ClinicalField, type RenderedCard } from "@/lib/card";
import { notProvided, Section } from "./section";

// What a clinician checks first. Each field says "Not provided" when the card is silent on it.
export function ClinicalSection({
  clinical,
  meta,
}: {
  clinical: RenderedCard["clinical"] | null;
  meta: CardMeta | null;
}) {
  const fields = Object.keys(CLINICAL_LABEL) as ClinicalField[];
  const use =
    meta?.clinical_use === true
      ? "The builder states it is meant for clinical use."
      : meta?.clinical_use === false
        ? "The builder states it is not meant for clinical use."
        : null;
  return (
    <Section id="clinical" title="Clinical information">
      {use ? <p className="mb-4 text-sm font-medium">{use}</p> : null}
      <dl className="grid gap-4 sm:grid-cols-2" data-testid="clinical-section">
        {fields.map((field) => {
          const value = clinical?.[field] ?? null;
          return (
            <div key={field} className="min-w-0">
              <dt className="text-sm font-semibold">{CLINICAL_LABEL[field]}</dt>
              <dd className="mt-1 text-sm leading-relaxed whitespace-pre-line text-slate-700 dark:text-slate-300">
                {value ?? <span className={notProvided}>Not provided</span>}
              </dd>
            </div>
          );
        })}
      </dl>
    </Section>
  );
}
