import "server-only";
import { dirname, join, resolve } from "node:path";
import { type BlobStore, openBlobStore, parseBlobStoreEnv } from "@tessera/storage";
import { serverEnv } from "./env";

// The process's blob store (artifacts and cards by sha256) and where resumable uploads wait until
// they are whole. One store per process, cached on globalThis like the database client so dev hot
// reloads do not reopen it.

const globalForStorage = globalThis as typeof globalThis & { __tesseraBlobStore?: Promise<BlobStore> };

export function blobStore(): Promise<BlobStore> {
  globalForStorage.__tesseraBlobStore ??= openBlobStore(process.env);
  return globalForStorage.__tesseraBlobStore;
}

/** Unfinished uploads: TESSERA_UPLOAD_DIR, else "uploads" beside the blob folder (.tessera/uploads). */
export function uploadDir(): string {
  const configured = serverEnv().TESSERA_UPLOAD_DIR;
  if (configured) return resolve(configured);
  return join(dirname(resolve(parseBlobStoreEnv(process.env).TESSERA_BLOB_DIR)), "uploads");
}

export type UploadLimits = { maxFileBytes: number; quotaBytes: number };

export function uploadLimits(): UploadLimits {
  const env = serverEnv();
  return { maxFileBytes: env.TESSERA_UPLOAD_MAX_BYTES, quotaBytes: env.TESSERA_UPLOAD_QUOTA_BYTES };
}
