// The gated download's request and answer, shared by the route and the page.
import { z } from "zod";

export const sha256Schema = z
  .string()
  .regex(/^0x[0-9a-f]{64}$/, "must be a sha256 hash: 0x followed by 64 lower-case hex digits");

export const downloadRequestSchema = z
  .object({
    licenseId: z.string().regex(/^[1-9]\d{0,29}$/, "must be a license number, like 12"),
    sha256: sha256Schema,
  })
  .strict();
export type DownloadRequest = z.infer<typeof downloadRequestSchema>;

export const downloadGrantSchema = z.object({
  /** Same-origin path; usable by this account's session only, until `expiresAt`. */
  url: z.string().startsWith("/api/downloads/"),
  expiresAt: z.string(),
  sha256: sha256Schema,
  size: z.number().int().nonnegative(),
  fileName: z.string(),
});
export type DownloadGrant = z.infer<typeof downloadGrantSchema>;

/** The name a license's file is saved under: which license, which version, and the start of its hash. */
export function downloadFileName(licenseId: string, version: number, sha256: string): string {
  return `license-${licenseId}-v${version}-${sha256.slice(2, 14)}.bin`;
}
