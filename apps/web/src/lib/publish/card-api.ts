// zod/mini: the publish wizard loads this with the page (see lib/api/problem.ts).
import { z } from "zod/mini";
import { CLINICAL_LABEL, type ClinicalField } from "../clinical-fields";

// The card step's API shapes, shared by the wizard (client) and the routes (server).

/** Cards are text documents; 256 KB is far more than any real card and bounds the work per request. */
export const MAX_CARD_BYTES = 256 * 1024;

export const ASSET_KINDS = ["model", "dataset"] as const;
export type AssetKindName = (typeof ASSET_KINDS)[number];

export const cardRequestSchema = z.object({
  kind: z.enum(ASSET_KINDS),
  body: z
    .string()
    .check(
      z.minLength(1, "Write the card first: it is what clinics read before they buy."),
      z.maxLength(
        MAX_CARD_BYTES,
        `The card is longer than ${MAX_CARD_BYTES / 1024} KB. Move long material to linked documents.`,
      ),
    ),
});
export type CardRequest = z.infer<typeof cardRequestSchema>;

/** A problem in the card, with where it is when it has a place (1-based line and column of the file). */
export const cardProblemSchema = z.object({
  message: z.string(),
  line: z.optional(z.int().check(z.positive())),
  column: z.optional(z.int().check(z.positive())),
});
export type CardProblem = z.infer<typeof cardProblemSchema>;

export const cardPreviewSchema = z.object({
  name: z.nullable(z.string()),
  summary: z.string(),
  html: z.string(),
  clinical: z.record(
    z.enum(Object.keys(CLINICAL_LABEL) as [ClinicalField, ...ClinicalField[]]),
    z.nullable(z.string()),
  ),
  regulatoryStatus: z.nullable(z.string()),
  /** Stop publishing: the card cannot be saved as it is. */
  errors: z.array(cardProblemSchema),
  /** Worth fixing, not blocking (a clinical field left empty). */
  warnings: z.array(cardProblemSchema),
});
export type CardPreview = z.infer<typeof cardPreviewSchema>;

export const savedCardSchema = z.object({
  sha256: z.string().check(z.regex(/^0x[0-9a-f]{64}$/)),
  metadataURI: z.string(),
  name: z.string(),
});
export type SavedCard = z.infer<typeof savedCardSchema>;

/** "Line 3, column 7: …" — how a card problem reads in the UI and in problem+json. */
export function describeCardProblem(problem: CardProblem): string {
  if (problem.line === undefined) return problem.message;
  return `Line ${problem.line}${problem.column ? `, column ${problem.column}` : ""}: ${problem.message}`;
}
