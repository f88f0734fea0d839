import { z } from "zod";
import { offerDraftSchema } from "./offer";

// The terms step's API shapes, shared by the wizard (client) and /api/terms (server).

export const termsRequestSchema = z.object({
  assetName: z.string().trim().min(1, "Name the asset first (the card's name).").max(120),
  offer: offerDraftSchema,
});
export type TermsRequest = z.infer<typeof termsRequestSchema>;

export const savedTermsSchema = z.object({
  sha256: z.string().regex(/^0x[0-9a-f]{64}$/),
  body: z.string(),
});
export type SavedTerms = z.infer<typeof savedTermsSchema>;

export const termsHref = (sha256: string) => `/terms/${sha256.toLowerCase()}`;
