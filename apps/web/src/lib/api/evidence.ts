import { z } from "zod";

/** A challenge's evidence document: at most this many bytes (a PDF or a few pages of text). */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

export const sha256Schema = z
  .string()
  .regex(/^0x[0-9a-f]{64}$/, "a sha256 is 0x followed by 64 lower-case hex digits")
  .transform((value) => value as `0x${string}`);

/** POST /api/evidence?sha256=0x…: the raw document as the body; the hash the browser computed. */
export const evidenceQuerySchema = z.object({ sha256: sha256Schema });

export const evidenceResponseSchema = z.object({ sha256: sha256Schema, size: z.number().int() });
