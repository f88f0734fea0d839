import type { Readable, Writable } from "node:stream";
import { BlobStoreError } from "./errors.ts";
import type { Sha256Hex } from "./sha256.ts";

// The one interface every blob store implements (disk by default, S3-compatible when configured).
// Blobs are immutable and named by the sha256 of their bytes, the hash the chain records: storing
// the same bytes twice keeps one copy, and a blob can never be half there under its name.

/** Anything that yields bytes: a WHATWG stream (fetch, Request.body) or a Node stream / generator. */
export type BlobSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

export type PutOptions = {
  /** Refuse (HASH_MISMATCH) and store nothing when the bytes hash to anything else. */
  expectedSha256?: Sha256Hex;
  /** Refuse (TOO_LARGE) and store nothing as soon as more bytes than this arrive. */
  maxBytes?: number;
};

export type PutResult = {
  sha256: Sha256Hex;
  size: number;
  /** false when a blob with these bytes was already stored (this put stored nothing new). */
  created: boolean;
};

export type ReadNodeOptions = {
  /** Bytes per chunk read from disk (disk store; default 64 KiB): bigger chunks, fewer socket writes. */
  highWaterMark?: number;
};

/** An inclusive byte range, as in HTTP's `Range: bytes=start-end`. */
export type ByteRange = { start: number; end: number };

export interface BlobStore {
  /** Streams `source` in, hashing while writing; the blob appears under its hash only when whole. */
  put(source: BlobSource, options?: PutOptions): Promise<PutResult>;
  /** The blob's size, or null when no blob has this hash. Throws INVALID_HASH for a malformed id. */
  stat(sha256: Sha256Hex): Promise<{ size: number } | null>;
  /**
   * The blob's bytes, or those of `range` (an `end` past the last byte is clamped to it, as HTTP
   * does). Throws NOT_FOUND, RANGE_NOT_SATISFIABLE (start beyond the end, end before start) or
   * INVALID_HASH before any byte is sent.
   */
  read(sha256: Sha256Hex, range?: ByteRange): Promise<ReadableStream<Uint8Array>>;
  /**
   * The same bytes as `read`, as a Node stream, with the same refusals. For servers that write to a
   * Node socket: a 1 GiB download through a WHATWG stream spends much of its time converting chunks.
   */
  readNode(sha256: Sha256Hex, range?: ByteRange, options?: ReadNodeOptions): Promise<Readable>;
  /**
   * Writes the blob's bytes (or those of `range`) to `destination`, a socket or HTTP response, and
   * leaves it open (the caller may record the transfer before the client sees its end); refusals
   * come before any byte. Resolves with the bytes handed to `destination`: fewer
   * than the range when it closed early (a client that left). The disk store reads into two reused
   * buffers, each refilled once the destination has taken it, so a 1 GiB download makes no garbage.
   */
  sendTo(sha256: Sha256Hex, range: ByteRange | undefined, destination: Writable): Promise<number>;
  /** Removes the blob; false when there was none. */
  delete(sha256: Sha256Hex): Promise<boolean>;
  /** Where the blobs live, for logs ("disk:/srv/tessera/blobs", "s3://bucket/prefix"). */
  readonly location: string;
}

/** Checks a range against a blob's size and clamps its end, or throws RANGE_NOT_SATISFIABLE. */
export function resolveRange(range: ByteRange, size: number): ByteRange {
  const { start, end } = range;
  const valid = Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && end >= start;
  if (!valid || start >= size) {
    throw new BlobStoreError(
      "RANGE_NOT_SATISFIABLE",
      `Bytes ${start}-${end} are not within this blob of ${size} bytes.`,
      { size },
    );
  }
  return { start, end: Math.min(end, size - 1) };
}

/** Iterates either kind of source chunk by chunk. */
export function chunksOf(source: BlobSource): AsyncIterable<Uint8Array> {
  // Node's ReadableStream is async-iterable too, but the DOM typings do not say so.
  return source as AsyncIterable<Uint8Array>;
}

export function tooLarge(maxBytes: number): BlobStoreError {
  return new BlobStoreError(
    "TOO_LARGE",
    `The content is larger than the limit of ${maxBytes.toLocaleString("en")} bytes.`,
  );
}

export function hashMismatch(expected: Sha256Hex, actual: Sha256Hex): BlobStoreError {
  return new BlobStoreError(
    "HASH_MISMATCH",
    `The content hashes to ${actual}, not the expected ${expected}; nothing was stored.`,
  );
}

export function notFound(sha256: Sha256Hex): BlobStoreError {
  return new BlobStoreError("NOT_FOUND", `No blob has the hash ${sha256}.`);
}
