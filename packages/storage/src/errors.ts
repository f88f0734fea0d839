// Every way a blob store refuses or fails, as one error class with a code, so callers (the web
// app's download and upload routes) map codes to HTTP statuses without parsing sentences.

export type BlobStoreErrorCode =
  /** The id is not "0x" + 64 lower-case hex digits. */
  | "INVALID_HASH"
  /** No blob has this hash. */
  | "NOT_FOUND"
  /** The byte range lies outside the blob (`size` says how large it is). */
  | "RANGE_NOT_SATISFIABLE"
  /** The content was larger than the caller's `maxBytes`; nothing was stored. */
  | "TOO_LARGE"
  /** The content did not hash to the caller's `expectedSha256`; nothing was stored. */
  | "HASH_MISMATCH"
  /** The source stream failed or the backing store did (disk full, bucket unreachable). */
  | "IO";

export class BlobStoreError extends Error {
  override readonly name = "BlobStoreError";
  readonly code: BlobStoreErrorCode;
  /** For RANGE_NOT_SATISFIABLE: the blob's size, for a Content-Range: bytes * / size answer. */
  readonly size: number | undefined;

  constructor(code: BlobStoreErrorCode, message: string, options: { cause?: unknown; size?: number } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.size = options.size;
  }
}

export function isBlobStoreError(error: unknown, code?: BlobStoreErrorCode): error is BlobStoreError {
  return error instanceof BlobStoreError && (code === undefined || error.code === code);
}
