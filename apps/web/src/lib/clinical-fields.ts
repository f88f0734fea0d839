// The clinical section's fields and their labels: client-safe (no Markdown pipeline attached).
export type ClinicalField = "intendedUse" | "population" | "evaluation" | "limitations";
export const CLINICAL_LABEL: Record<ClinicalField, string> = {
  intendedUse: "Intended use",
  population: "Population",
  evaluation: "Evaluation",
  limitations: "Limitations",
};
