// The catalogue's vocabulary (sorts, rights, currencies, kinds, tasks) and amounts in base units:
// plain constants and functions with no validation library, because the wallet, purchase and
// transaction code in every page's first-load JavaScript uses them. lib/catalogue-query.ts (which
// parses /explore's URL with zod) re-exports all of it.

export const SORTS = ["relevance", "newest", "licensed", "staked", "price"] as const;
export type Sort = (typeof SORTS)[number];
export const SORT_LABEL: Record<Sort, string> = {
  relevance: "Best match",
  newest: "Newest",
  licensed: "Most licensed",
  staked: "Most staked",
  price: "Lowest price",
};

export const RIGHTS = ["research", "clinical", "commercial", "derivative-training"] as const;
export type Right = (typeof RIGHTS)[number];
/** ILicenseManager's usage-rights bits. */
export const RIGHT_BIT: Record<Right, number> = {
  research: 1,
  clinical: 2,
  commercial: 4,
  "derivative-training": 8,
};
export const RIGHT_LABEL: Record<Right, string> = {
  research: "Research",
  clinical: "Clinical use",
  commercial: "Commercial use",
  "derivative-training": "Training derived models",
};

export const CURRENCIES = ["ETH", "tUSD"] as const;
export type CurrencySymbol = (typeof CURRENCIES)[number];
export const CURRENCY_DECIMALS: Record<CurrencySymbol, number> = { ETH: 18, tUSD: 6 };

export const KINDS = ["model", "dataset"] as const;
export type KindParam = (typeof KINDS)[number];

/** Hugging Face task ids the catalogue offers as choices (cards may use others; any id filters). */
export const TASK_LABEL: Record<string, string> = {
  "image-classification": "Image classification",
  "object-detection": "Object detection",
  "image-segmentation": "Image segmentation",
  "tabular-classification": "Tabular classification",
  "time-series-forecasting": "Time-series forecasting",
  summarization: "Summarisation",
  translation: "Translation",
  "text-generation": "Text generation",
  "text-classification": "Text classification",
  "token-classification": "Entity recognition",
  "question-answering": "Question answering",
};

export function taskLabel(task: string): string {
  return TASK_LABEL[task] ?? task.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** Parses "0.05" into the currency's smallest unit without floating point. */
export function toBaseUnits(value: string, decimals: number): string | null {
  const [whole = "0", fraction = ""] = value.split(".");
  if (fraction.length > decimals) return null;
  const digits = `${whole}${fraction.padEnd(decimals, "0")}`.replace(/^0+(?=\d)/, "");
  return digits;
}

/** Formats base units back into what a person typed ("50000000000000000" wei -> "0.05"). */
export function fromBaseUnits(value: string, decimals: number): string {
  const padded = value.padStart(decimals + 1, "0");
  const whole = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
