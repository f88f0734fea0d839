import { z } from "zod";

// GET /api/assets/names?ids=3,7 — the wizard shows each parent's name as its number is typed.

export const assetNamesQuerySchema = z.object({
  ids: z
    .string()
    .regex(/^\d{1,18}(,\d{1,18}){0,7}$/, "List up to 8 asset numbers separated by commas (for example 3,7).")
    .transform((text) => [...new Set(text.split(","))].map((id) => BigInt(id))),
});

export const assetNamesSchema = z.object({
  assets: z.array(z.object({ assetId: z.string(), name: z.string(), kind: z.enum(["model", "dataset"]) })),
});
export type AssetNames = z.infer<typeof assetNamesSchema>;
