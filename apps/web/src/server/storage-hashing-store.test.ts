import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { Upload } from "@tus/server";
import { afterEach, describe, expect, it } from "vitest";
import { HashingFileStore, TooManyBytes } from "./storage-hashing-store";

// The hash computed while an upload's bytes are written is used only when it covers exactly the
// bytes on disk; anything else must fall back to reading the file (takeSha256 answers undefined).

let dir: string;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function storeWithUpload(size: number) {
  dir = await mkdtemp(join(tmpdir(), "tessera-tus-"));
  const store = new HashingFileStore({ directory: dir });
  const upload = new Upload({ id: "a".repeat(32), size, offset: 0 });
  await store.create(upload);
  return { store, id: upload.id };
}

const sha256Of = (bytes: Uint8Array) => `0x${createHash("sha256").update(bytes).digest("hex")}`;

describe("HashingFileStore", () => {
  it("knows the sha256 of an upload written in chunks, in order", async () => {
    const bytes = randomBytes(300_000);
    const { store, id } = await storeWithUpload(bytes.byteLength);
    let offset = 0;
    for (const end of [100_000, 250_000, 300_000]) {
      offset = await store.write(Readable.from([bytes.subarray(offset, end)]), id, offset);
    }
    expect(offset).toBe(bytes.byteLength);
    expect(store.takeSha256(id, bytes.byteLength)).toBe(sha256Of(bytes));
    // Taken once: the state is gone.
    expect(store.takeSha256(id, bytes.byteLength)).toBeUndefined();
  });

  it("gives up on a chunk at an offset it has not hashed up to (another server, a restart)", async () => {
    const bytes = randomBytes(200_000);
    const { store, id } = await storeWithUpload(bytes.byteLength);
    await store.write(Readable.from([bytes.subarray(0, 50_000)]), id, 0);
    // A chunk this process did not see went to disk elsewhere; the next arrives at 100,000.
    await store.write(Readable.from([bytes.subarray(100_000)]), id, 100_000);
    expect(store.takeSha256(id, bytes.byteLength)).toBeUndefined();
  });

  it("does not claim a hash for fewer bytes than the upload's size", async () => {
    const bytes = randomBytes(10_000);
    const { store, id } = await storeWithUpload(20_000);
    await store.write(Readable.from([bytes]), id, 0);
    expect(store.takeSha256(id, 20_000)).toBeUndefined();
  });

  it("drops the hash when a write fails midway", async () => {
    const { store, id } = await storeWithUpload(20_000);
    const failing = Readable.from(
      (async function* () {
        yield randomBytes(5_000);
        throw new Error("connection reset");
      })(),
    );
    await expect(store.write(failing, id, 0)).rejects.toBeDefined();
    expect(store.takeSha256(id, 5_000)).toBeUndefined();
  });

  it("writes a streamed request in batches, and a connection dropped midway keeps every byte that arrived, hashed", async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 100);
    const { store, id } = await storeWithUpload(bytes.byteLength);
    const signal = new AbortController().signal;
    const cut = 2 * 1024 * 1024 + 17;
    const dropped = Readable.from(
      (async function* () {
        for (let at = 0; at < cut; at += 64 * 1024) yield bytes.subarray(at, Math.min(at + 64 * 1024, cut));
        throw new Error("aborted");
      })(),
    );
    const first = await store.writeStream(dropped, id, 0, { maxBytes: bytes.byteLength, signal });
    expect(first.offset).toBe(cut);
    expect((first.error as Error).message).toBe("aborted");
    expect((await readFile(join(dir, id))).equals(bytes.subarray(0, cut))).toBe(true);

    const rest = await store.writeStream(Readable.from([bytes.subarray(cut)]), id, cut, {
      maxBytes: bytes.byteLength - cut,
      signal,
    });
    expect(rest).toEqual({ offset: bytes.byteLength });
    expect(store.takeSha256(id, bytes.byteLength)).toBe(sha256Of(bytes));
  });

  it("stops before the bytes that would pass the declared size, writing none of them", async () => {
    const { store, id } = await storeWithUpload(1000);
    const written = await store.writeStream(Readable.from([randomBytes(600), randomBytes(600)]), id, 0, {
      maxBytes: 1000,
      signal: new AbortController().signal,
    });
    expect(written.offset).toBe(600);
    expect(written.error).toBeInstanceOf(TooManyBytes);
    expect((await stat(join(dir, id))).size).toBe(600);
  });
});
