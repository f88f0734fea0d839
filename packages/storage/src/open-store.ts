import { z } from "zod";
import type { BlobStore } from "./blob-store.ts";
import { DiskBlobStore } from "./disk-store.ts";

// Which blob store a process uses, from its environment: an S3-compatible bucket when
// TESSERA_S3_BUCKET is set, otherwise a folder on local disk (TESSERA_BLOB_DIR, default
// .tessera/blobs under the working directory).

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);
const optional = z.preprocess(unsetIfEmpty, z.string().optional());

export const blobStoreEnvSchema = z.object({
  TESSERA_BLOB_DIR: z.preprocess(unsetIfEmpty, z.string().default(".tessera/blobs")),
  TESSERA_S3_BUCKET: optional,
  TESSERA_S3_PREFIX: optional,
  TESSERA_S3_REGION: z.preprocess(unsetIfEmpty, z.string().default("us-east-1")),
  /** For S3-compatible servers (MinIO, R2, Ceph); AWS itself needs none. */
  TESSERA_S3_ENDPOINT: z.preprocess(unsetIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
  /** Without these the AWS SDK's default chain applies (instance role, ~/.aws, AWS_* variables). */
  TESSERA_S3_ACCESS_KEY_ID: optional,
  TESSERA_S3_SECRET_ACCESS_KEY: optional,
  /** "true" for servers that want http://host/bucket/key rather than http://bucket.host/key. */
  TESSERA_S3_FORCE_PATH_STYLE: z.preprocess(unsetIfEmpty, z.enum(["true", "false"]).default("false")),
});

export type BlobStoreEnv = z.infer<typeof blobStoreEnvSchema>;

export function parseBlobStoreEnv(source: Record<string, string | undefined>): BlobStoreEnv {
  const result = blobStoreEnvSchema.safeParse(source);
  if (!result.success) throw new Error(`Invalid blob store environment:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** True when the environment names a bucket (the S3 contract tests run only then). */
export function s3Configured(source: Record<string, string | undefined>): boolean {
  return Boolean(unsetIfEmpty(source.TESSERA_S3_BUCKET));
}

export async function openBlobStore(
  source: Record<string, string | undefined> = process.env,
): Promise<BlobStore> {
  const env = parseBlobStoreEnv(source);
  if (!env.TESSERA_S3_BUCKET) return DiskBlobStore.open(env.TESSERA_BLOB_DIR);
  // Loaded only when configured: the AWS SDK is large and most installs use the disk.
  const { S3BlobStore } = await import("./s3-store.ts");
  const credentials =
    env.TESSERA_S3_ACCESS_KEY_ID && env.TESSERA_S3_SECRET_ACCESS_KEY
      ? { accessKeyId: env.TESSERA_S3_ACCESS_KEY_ID, secretAccessKey: env.TESSERA_S3_SECRET_ACCESS_KEY }
      : undefined;
  return new S3BlobStore({
    bucket: env.TESSERA_S3_BUCKET,
    prefix: env.TESSERA_S3_PREFIX ?? "",
    client: {
      region: env.TESSERA_S3_REGION,
      forcePathStyle: env.TESSERA_S3_FORCE_PATH_STYLE === "true",
      ...(env.TESSERA_S3_ENDPOINT ? { endpoint: env.TESSERA_S3_ENDPOINT } : {}),
      ...(credentials ? { credentials } : {}),
    },
  });
}
