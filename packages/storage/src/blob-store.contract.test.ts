import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { blobStoreContract } from "./blob-store.contract.ts";
import { DiskBlobStore } from "./disk-store.ts";
import { openBlobStore, s3Configured } from "./open-store.ts";

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

blobStoreContract("disk", async () => {
  const root = await mkdtemp(join(tmpdir(), "tessera-blobs-"));
  roots.push(root);
  return DiskBlobStore.open(root);
});

// No S3-compatible server can run on this project's machines, so the same suite runs against a
// real bucket only where one is configured (TESSERA_S3_BUCKET and friends, see the README).
if (s3Configured(process.env)) {
  blobStoreContract(`s3 (${process.env.TESSERA_S3_BUCKET})`, () =>
    openBlobStore({
      ...process.env,
      TESSERA_S3_PREFIX: `${process.env.TESSERA_S3_PREFIX ?? ""}contract-test/`,
    }),
  );
}
