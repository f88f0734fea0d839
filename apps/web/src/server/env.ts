import "server-only";
import { z } from "zod";

// The server's environment, validated once per process on first use (not at import: `next build`
// loads route modules without a database, and the values must be read at request time).

/** An unset variable and an empty one (`DATABASE_URL=`) mean the same thing. */
const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

export const serverEnvSchema = z.object({
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
      .optional(),
  ),
  TESSERA_CHAIN_ID: z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().default(31337)),
  /** The chain's JSON-RPC endpoint, used by the server (sign-in checks, the browser's read proxy). */
  TESSERA_RPC_URL: z.preprocess(
    unsetIfEmpty,
    z
      .url({ protocol: /^https?$/, message: "must be an http(s) JSON-RPC URL" })
      .default("http://127.0.0.1:8545"),
  ),
  /** The contract addresses as JSON (as the indexer takes them), instead of Ignition's deployment files. */
  TESSERA_CONTRACTS: z.preprocess(unsetIfEmpty, z.string().optional()),
  /** Where Ignition's deployments are (default: this repo's contracts/ignition). */
  TESSERA_IGNITION_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  // Artifact storage (@tessera/storage reads TESSERA_BLOB_DIR and TESSERA_S3_* itself).
  /** Where unfinished resumable uploads wait (default: "uploads" beside the blob folder). */
  TESSERA_UPLOAD_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  /** The largest file one upload may be, in bytes (default 20 GiB). */
  TESSERA_UPLOAD_MAX_BYTES: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .int()
      .positive()
      .default(20 * 1024 ** 3),
  ),
  /** How many bytes one account's uploads may hold in total (default 100 GiB). */
  TESSERA_UPLOAD_QUOTA_BYTES: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number()
      .int()
      .positive()
      .default(100 * 1024 ** 3),
  ),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

export type EnvErrorCode = "ENV_INVALID" | "ENV_MISSING";

export class EnvError extends Error {
  override readonly name = "EnvError";
  readonly code: EnvErrorCode;

  constructor(code: EnvErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Validates `source` (normally `process.env`); throws an EnvError naming every bad variable. */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError("ENV_INVALID", `Invalid environment:\n${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The database URL, or an EnvError that says how to provide one. */
export function requireDatabaseUrl(env: ServerEnv = serverEnv()): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  throw new EnvError(
    "ENV_MISSING",
    "DATABASE_URL is not set. Point it at Tessera's Postgres database " +
      "(e.g. postgresql://postgres@127.0.0.1:5432/tessera), or start everything with `pnpm dev`, which sets it.",
  );
}
