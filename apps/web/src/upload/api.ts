// The uploads API's shapes, shared by the route handlers and the browser (zod at the boundary).
import { z } from "zod";

export const TUS_ENDPOINT = "/api/uploads/tus";

/**
 * Bytes per PATCH request. A dropped connection costs at most the unacknowledged part of one chunk
 * (the server keeps what arrived), and each request re-checks the session; 32 MiB keeps the
 * per-request overhead negligible on fast links.
 */
export const UPLOAD_CHUNK_BYTES = 32 * 1024 * 1024;

export const sha256HexSchema = z
  .string()
  .regex(/^0x[0-9a-f]{64}$/, "must be 0x followed by 64 lower-case hex digits") as z.ZodType<`0x${string}`>;

/** A finished upload: the content hash a publisher records on chain. */
export const uploadResultSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  sha256: sha256HexSchema,
});

export type UploadResult = z.infer<typeof uploadResultSchema>;

export const uploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, "is not an upload id");

/** File names are shown back to people and stored: printable, at most 200 characters. */
export const fileNameSchema = z
  .string()
  .min(1, "The file has no name.")
  .max(200, "The file name is longer than 200 characters; rename the file and try again.")
  .refine(
    (name) => ![...name].some((c) => c.charCodeAt(0) < 0x20 || c === "\u007f" || c === "/" || c === "\\"),
    "The file name contains characters Tessera cannot store; rename the file.",
  );

// Shared with pages that must not load this module's zod schemas (the download button).
export { formatBytes } from "../lib/format.ts";
