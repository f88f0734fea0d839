// zod/mini: the publish wizard loads this with the page (see lib/api/problem.ts).
import { z } from "zod/mini";
import {
  CURRENCIES,
  CURRENCY_DECIMALS,
  type CurrencySymbol,
  RIGHT_BIT,
  RIGHTS,
  type Right,
  toBaseUnits,
} from "../catalogue-terms";

// A license offer as a builder fills it in, checked into ILicenseManager.Terms (less the terms hash,
// which comes from the rendered terms document). Shared by the wizard and the terms API.

export const PERIODS = {
  "30d": { seconds: 30 * 86_400, label: "30 days" },
  "90d": { seconds: 90 * 86_400, label: "90 days" },
  "365d": { seconds: 365 * 86_400, label: "1 year" },
  perpetual: { seconds: 0, label: "Perpetual (pay once)" },
} as const;
export type PeriodChoice = keyof typeof PERIODS;

const UINT96_MAX = 2n ** 96n - 1n;
const UINT32_MAX = 2 ** 32 - 1;

/** The regulated-use template every offer's legal terms are built from. */
export const termsTemplateSchema = z.object({
  use: z.enum(["clinical", "research"]),
  intendedUse: z
    .string()
    .check(
      z.trim(),
      z.minLength(10, "Describe the intended use in a sentence (at least 10 characters)."),
      z.maxLength(2_000, "Keep the intended use under 2,000 characters."),
    ),
  jurisdictions: z
    .array(
      z
        .string()
        .check(z.trim(), z.minLength(2, "Name each jurisdiction (for example EU or US)."), z.maxLength(60)),
    )
    .check(
      z.minLength(1, "Name at least one jurisdiction where the license applies."),
      z.maxLength(30, "At most 30 jurisdictions."),
    ),
  liability: z.enum(["licensee", "shared", "licensor-capped"]),
  dataHandling: z.enum(["on-premises", "de-identified-only", "processor-agreement"]),
});
export type TermsTemplate = z.infer<typeof termsTemplateSchema>;

/** The template as a form holds it, half-filled (a draft is stored before it is complete). */
export const termsDraftSchema = z.object({
  use: z.enum(["clinical", "research"]),
  intendedUse: z.string().check(z.maxLength(4_000)),
  jurisdictions: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(60)),
  liability: z.enum(["licensee", "shared", "licensor-capped"]),
  dataHandling: z.enum(["on-premises", "de-identified-only", "processor-agreement"]),
});

export const LIABILITY_TEXT: Record<TermsTemplate["liability"], string> = {
  licensee:
    "The licensee is responsible for every clinical decision made with the asset's output; the licensor gives no warranty of fitness for a particular patient.",
  shared:
    "The licensor answers for defects in the asset as delivered; the licensee answers for how the asset is deployed, supervised and used.",
  "licensor-capped":
    "The licensor answers for defects in the asset as delivered, up to the fees paid under this license in the twelve months before the claim.",
};
export const DATA_HANDLING_TEXT: Record<TermsTemplate["dataHandling"], string> = {
  "on-premises":
    "Patient data processed with the asset stays on the licensee's own systems and is never sent to the licensor.",
  "de-identified-only": "Only de-identified data may be processed with the asset.",
  "processor-agreement":
    "Patient data may leave the licensee's systems only under a data processing agreement that meets the law of each listed jurisdiction.",
};

/** What the form holds: strings as typed, so a half-typed price is not lost. */
export const offerDraftSchema = z.object({
  price: z.string().check(z.maxLength(40)),
  currency: z.enum(CURRENCIES),
  period: z.enum(Object.keys(PERIODS) as [PeriodChoice, ...PeriodChoice[]]),
  maxLicenses: z.string().check(z.maxLength(12)),
  transferable: z.boolean(),
  rights: z.array(z.enum(RIGHTS)).check(z.maxLength(RIGHTS.length)),
  /** 0 = always the latest version; otherwise the version number licensed. */
  pinnedVersion: z.int().check(z.gte(0), z.lte(UINT32_MAX)),
  terms: termsDraftSchema,
});
export type OfferDraft = z.infer<typeof offerDraftSchema>;

/** ILicenseManager.Terms, less termsHash (set once the terms document is stored). */
export type OfferTerms = {
  price: bigint;
  currency: CurrencySymbol;
  period: number;
  maxLicenses: number;
  pinnedVersion: number;
  rights: number;
  transferable: boolean;
};

export type OfferProblem = { field: "price" | "maxLicenses" | "rights" | "terms"; message: string };

export type CheckedOffer =
  | { ok: true; terms: OfferTerms; template: TermsTemplate }
  | { ok: false; problems: OfferProblem[] };

export function checkOffer(draft: OfferDraft): CheckedOffer {
  const problems: OfferProblem[] = [];
  const decimals = CURRENCY_DECIMALS[draft.currency];
  const priceText = draft.price.trim();
  const base = /^\d+(\.\d+)?$/.test(priceText) ? toBaseUnits(priceText, decimals) : null;
  let price = 0n;
  if (base === null) {
    problems.push({
      field: "price",
      message: `Enter a price in ${draft.currency} with at most ${decimals} decimals (for example ${draft.currency === "ETH" ? "0.05" : "250"}).`,
    });
  } else {
    price = BigInt(base);
    if (price === 0n) problems.push({ field: "price", message: "The price must be more than 0." });
    else if (price > UINT96_MAX)
      problems.push({ field: "price", message: "This price is too large for a license." });
  }
  const capText = draft.maxLicenses.trim();
  let maxLicenses = 0;
  if (capText !== "") {
    if (!/^\d{1,10}$/.test(capText) || Number(capText) > UINT32_MAX || Number(capText) === 0) {
      problems.push({
        field: "maxLicenses",
        message:
          "Enter how many licenses this offer may sell (a whole number from 1), or leave it empty for no cap.",
      });
    } else maxLicenses = Number(capText);
  }
  const rights = draft.rights.reduce((bits, right: Right) => bits | RIGHT_BIT[right], 0);
  if (rights === 0)
    problems.push({ field: "rights", message: "Choose at least one usage right the license grants." });
  if (draft.terms.use === "clinical" && !draft.rights.includes("clinical")) {
    problems.push({
      field: "rights",
      message:
        "The terms allow clinical use, so the license must grant the clinical right too (or make the terms research-only).",
    });
  }
  const template = termsTemplateSchema.safeParse(draft.terms);
  if (!template.success) {
    for (const issue of template.error.issues) problems.push({ field: "terms", message: issue.message });
  }
  if (problems.length > 0 || !template.success) return { ok: false, problems };
  return {
    ok: true,
    template: template.data,
    terms: {
      price,
      currency: draft.currency,
      period: PERIODS[draft.period].seconds,
      maxLicenses,
      pinnedVersion: draft.pinnedVersion,
      rights,
      transferable: draft.transferable,
    },
  };
}

export function defaultOfferDraft(currency: CurrencySymbol = "ETH"): OfferDraft {
  return {
    price: "",
    currency,
    period: "365d",
    maxLicenses: "",
    transferable: false,
    rights: ["research", "clinical"],
    pinnedVersion: 0,
    terms: {
      use: "clinical",
      intendedUse: "",
      jurisdictions: ["EU"],
      liability: "licensee",
      dataHandling: "on-premises",
    },
  };
}
