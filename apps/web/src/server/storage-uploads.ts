import "server-only";
import { createReadStream } from "node:fs";
import { join } from "node:path";
import type { Upload } from "@tessera/db";
import { DiskBlobStore, type Sha256Hex } from "@tessera/storage";
import { formatBytes, type UploadResult } from "@/upload/api";
import { ApiError } from "./api/errors";
import { db } from "./db";
import { blobStore, type UploadLimits, uploadDir } from "./storage";
import type { HashingFileStore } from "./storage-hashing-store";

// The Upload rows: who uploads what, the quota, and turning a whole upload into a blob. The bytes
// arrive through tus (storage-tus.ts); this module decides what is allowed and records the result.

/** An unfinished upload older than this no longer counts against the quota (tus forgets it too). */
export const UPLOAD_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

/** Refuses a file over the per-file limit, before any byte is accepted. */
export function assertFileSize(size: number, limits: UploadLimits): void {
  if (size > limits.maxFileBytes) {
    throw new ApiError(
      "PAYLOAD_TOO_LARGE",
      `This file is ${formatBytes(size)}; Tessera accepts files up to ${formatBytes(limits.maxFileBytes)} per upload.`,
      { code: "UPLOAD_TOO_LARGE" },
    );
  }
}

/**
 * Records a new upload if the account's quota allows it. A per-account advisory lock makes the
 * check and the insert one step, so two uploads started at once cannot both squeeze under it.
 */
export async function createUploadRow(
  input: { id: string; account: string; fileName: string; size: number },
  limits: UploadLimits,
): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`upload-quota:${input.account}`}))`;
    const used = await tx.upload.aggregate({
      _sum: { size: true },
      where: {
        account: input.account,
        OR: [
          { status: "COMPLETE" },
          { status: "RECEIVING", createdAt: { gt: new Date(Date.now() - UPLOAD_EXPIRY_MS) } },
        ],
      },
    });
    const usedBytes = Number(used._sum.size ?? 0n);
    if (usedBytes + input.size > limits.quotaBytes) {
      throw new ApiError(
        "PAYLOAD_TOO_LARGE",
        `Your uploads already use ${formatBytes(usedBytes)} of your ${formatBytes(limits.quotaBytes)} allowance, ` +
          `so this ${formatBytes(input.size)} file does not fit. Cancel unfinished uploads you no longer need, ` +
          "or ask Tessera's operator for a larger allowance.",
        { code: "UPLOAD_QUOTA_EXCEEDED" },
      );
    }
    await tx.upload.create({ data: { ...input, size: BigInt(input.size) } });
  });
}

/** The upload if this account made it; anyone else gets the same "not found" as for no upload. */
export async function findOwnUpload(id: string, account: string): Promise<Upload> {
  const row = await db().upload.findUnique({ where: { id } });
  if (!row || row.account !== account) {
    throw new ApiError("NOT_FOUND", "There is no upload with this id in your account.", {
      code: "UPLOAD_NOT_FOUND",
    });
  }
  return row;
}

/**
 * Moves a whole upload into the blob store (never buffered whole) and records its sha256. Returns the
 * result, or records the failure and throws. `knownSha256` is the hash computed as the bytes arrived.
 */
export async function storeFinishedUpload(
  id: string,
  size: number,
  knownSha256: Sha256Hex | undefined,
): Promise<UploadResult> {
  try {
    const store = await blobStore();
    const path = join(uploadDir(), id);
    // On the disk store the finished file is renamed into place (same filesystem: no second copy);
    // elsewhere (S3) it is streamed in, hashed again on the way.
    const put =
      store instanceof DiskBlobStore
        ? await store.adoptFile(path, { size, ...(knownSha256 ? { sha256: knownSha256 } : {}) })
        : await store.put(createReadStream(path, { highWaterMark: 1024 * 1024 }), { maxBytes: size });
    if (put.size !== size) throw new Error(`received ${put.size} bytes of the ${size} declared`);
    const row = await db().upload.update({
      where: { id },
      data: { status: "COMPLETE", sha256: put.sha256, completedAt: new Date() },
    });
    return { uploadId: row.id, fileName: row.fileName, size: put.size, sha256: put.sha256 };
  } catch (cause) {
    console.error(`[uploads] storing upload ${id} failed`, cause);
    await db()
      .upload.update({
        where: { id },
        data: { status: "FAILED", failure: String((cause as Error).message ?? cause) },
      })
      .catch(() => undefined);
    throw new ApiError("INTERNAL", "Every byte arrived, but storing the file failed. Upload it again.", {
      code: "UPLOAD_STORE_FAILED",
      cause,
    });
  }
}

/** Stores a whole tus upload in the blob store under its sha256 and drops tus's leftovers. */
export async function finishUpload(datastore: HashingFileStore, id: string, size: number): Promise<string> {
  const result = await storeFinishedUpload(id, size, datastore.takeSha256(id, size));
  // The bytes moved into the blob store (disk) or were copied there (S3): drop tus's leftovers.
  await datastore.remove(id).catch(() => datastore.configstore.delete(id).catch(() => undefined));
  return result.sha256;
}

export function resultOf(row: Upload): UploadResult {
  if (row.status !== "COMPLETE" || !row.sha256) {
    throw new ApiError(
      "CONFLICT",
      row.status === "FAILED"
        ? "This upload failed to store; upload the file again."
        : "This upload is not finished yet; its sha256 is known once every byte has arrived.",
      { code: row.status === "FAILED" ? "UPLOAD_FAILED" : "UPLOAD_INCOMPLETE" },
    );
  }
  return {
    uploadId: row.id,
    fileName: row.fileName,
    size: Number(row.size),
    sha256: row.sha256 as `0x${string}`,
  };
}

export async function listUploads(account: string): Promise<Upload[]> {
  return db().upload.findMany({ where: { account }, orderBy: { createdAt: "desc" }, take: 200 });
}
