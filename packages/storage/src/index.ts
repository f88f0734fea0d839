// @tessera/storage: content-addressed blobs (model cards, artifacts) named by their sha256, the
// hash the chain records. Disk by default; an S3-compatible bucket behind the same interface.
export {
  type BlobSource,
  type BlobStore,
  type ByteRange,
  type PutOptions,
  type PutResult,
  type ReadNodeOptions,
  resolveRange,
} from "./blob-store.ts";
export { DiskBlobStore, type DiskBlobStoreOptions } from "./disk-store.ts";
export { BlobStoreError, type BlobStoreErrorCode, isBlobStoreError } from "./errors.ts";
export {
  type BlobStoreEnv,
  blobStoreEnvSchema,
  openBlobStore,
  parseBlobStoreEnv,
  s3Configured,
} from "./open-store.ts";
export { digestHex, isSha256Hex, newSha256, parseSha256Hex, type Sha256Hex } from "./sha256.ts";
