import { createHash, type Hash } from "node:crypto";
import { BlobStoreError } from "./errors.ts";

// A blob's id is its sha256 in the form the chain records as bytes32: "0x" and 64 lower-case hex
// digits. One strict spelling, so the id can name a file or an object key without any escaping and
// a path like "../x" can never get through.

export type Sha256Hex = `0x${string}`;

const SHA256_PATTERN = /^0x[0-9a-f]{64}$/;

export function isSha256Hex(value: unknown): value is Sha256Hex {
  return typeof value === "string" && SHA256_PATTERN.test(value);
}

/** The id itself, or an InvalidHash error saying what the id must look like. */
export function parseSha256Hex(value: unknown): Sha256Hex {
  if (isSha256Hex(value)) return value;
  const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 80)) : typeof value;
  throw new BlobStoreError(
    "INVALID_HASH",
    `${shown} is not a sha256 content hash: expected "0x" followed by 64 lower-case hex digits.`,
  );
}

export function newSha256(): Hash {
  return createHash("sha256");
}

export function digestHex(hash: Hash): Sha256Hex {
  return `0x${hash.digest("hex")}`;
}
