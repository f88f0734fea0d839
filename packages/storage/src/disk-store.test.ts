import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { bytesOf, nodeStreamOf, sha256Of } from "./blob-store.contract.ts";
import { DiskBlobStore } from "./disk-store.ts";

// What only the disk store can show: the files themselves. A process killed mid-write leaves no
// blob under the hash, failed writes leave no temp files, and blobs land where their hash says.

let root: string;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function freshStore(): Promise<DiskBlobStore> {
  root = await mkdtemp(join(tmpdir(), "tessera-disk-"));
  return DiskBlobStore.open(root);
}

const MiB = 1024 * 1024;
const CRASH_CHUNKS = 16;
/** The bytes the crashing writer streams: chunk i is 1 MiB of the byte i. */
const crashContent = () =>
  Buffer.concat(Array.from({ length: CRASH_CHUNKS }, (_, i) => Buffer.alloc(MiB, i)));

/**
 * Starts a separate Node process that streams crashContent() into a DiskBlobStore on `dir`, prints
 * "halfway" once half of it is on disk and then waits: the test kills it there with SIGKILL.
 */
function startCrashingWriter(dir: string) {
  const storeUrl = new URL("./disk-store.ts", import.meta.url).href;
  const script = `
    const { DiskBlobStore } = await import(${JSON.stringify(storeUrl)});
    const store = await DiskBlobStore.open(${JSON.stringify(dir)});
    setInterval(() => {}, 60_000); // stay alive until killed
    await store.put((async function* () {
      for (let i = 0; i < ${CRASH_CHUNKS}; i++) {
        yield Buffer.alloc(${MiB}, i);
        // The consumer asks for chunk i+1 only after chunk i is written.
        if (i === ${CRASH_CHUNKS / 2}) { process.stdout.write("halfway\\n"); await new Promise(() => {}); }
      }
    })());
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (data: Buffer) => {
    stderr += data;
  });
  const halfway = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (data: Buffer) => {
      if (data.toString().includes("halfway")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the writer exited (${code}) before halfway: ${stderr}`)));
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => resolve(signal)),
  );
  return { child, halfway, exited };
}

describe("DiskBlobStore on disk", () => {
  it("leaves no blob under the hash when the writing process is killed mid-write, and the next write succeeds", async () => {
    const store = await freshStore();
    const content = crashContent();
    const sha256 = sha256Of(content);

    const writer = startCrashingWriter(root);
    await writer.halfway;
    const [partial] = await store.tempFiles();
    expect(partial).toBeDefined();
    expect((await stat(join(root, "tmp", partial as string))).size).toBeGreaterThanOrEqual(
      (CRASH_CHUNKS / 2) * MiB,
    );
    writer.child.kill("SIGKILL");
    expect(await writer.exited).toBe("SIGKILL");

    expect(await store.stat(sha256)).toBeNull();
    expect(await readdir(join(root, "sha256"))).toEqual([]);

    // The next store opened on this folder removes the dead writer's temp file...
    const reopened = await DiskBlobStore.open(root);
    expect(await reopened.tempFiles()).toEqual([]);
    // ...and the same content stores whole.
    const put = await reopened.put(nodeStreamOf(content));
    expect(put).toEqual({ sha256, size: content.byteLength, created: true });
    expect((await bytesOf(await reopened.read(sha256))).equals(content)).toBe(true);
  });

  it("keeps the temp file of a live writer when sweeping", async () => {
    const store = await freshStore();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const writing = store.put(
      (async function* () {
        yield Buffer.alloc(1000, 1);
        await gate;
        yield Buffer.alloc(1000, 2);
      })(),
    );
    await expect.poll(() => store.tempFiles()).toHaveLength(1);
    expect(await store.sweepTemp()).toBe(0);
    release();
    expect((await writing).size).toBe(2000);
    expect(await store.tempFiles()).toEqual([]);
  });

  it("leaves no temp file behind after a refused or failed write", async () => {
    const store = await freshStore();
    const bytes = randomBytes(10_000);
    await expect(store.put(nodeStreamOf(bytes, 1000), { maxBytes: 5000 })).rejects.toMatchObject({
      code: "TOO_LARGE",
    });
    await expect(
      store.put(nodeStreamOf(bytes), { expectedSha256: sha256Of(Buffer.from("x")) }),
    ).rejects.toMatchObject({
      code: "HASH_MISMATCH",
    });
    const failing = Readable.from(
      (async function* () {
        yield bytes;
        throw new Error("socket hang up");
      })(),
    );
    await expect(store.put(failing)).rejects.toMatchObject({ code: "IO" });
    expect(await store.tempFiles()).toEqual([]);
    expect(await readdir(join(root, "sha256"))).toEqual([]);
  });

  it("files a blob at sha256/<first two hex digits>/<hash>, read-only, once however often it is written", async () => {
    const store = await freshStore();
    const bytes = randomBytes(4096);
    const results = await Promise.all(Array.from({ length: 4 }, () => store.put(nodeStreamOf(bytes, 256))));
    const sha256 = sha256Of(bytes);
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256]));
    const hex = sha256.slice(2);
    expect(await readdir(join(root, "sha256"))).toEqual([hex.slice(0, 2)]);
    expect(await readdir(join(root, "sha256", hex.slice(0, 2)))).toEqual([hex]);
    expect((await stat(join(root, "sha256", hex.slice(0, 2), hex))).mode & 0o777).toBe(0o444);
    expect(await store.tempFiles()).toEqual([]);
  });

  it("adopts a finished file by renaming it under its hash (same inode: no copy), hashing it when not told", async () => {
    const store = await freshStore();
    const bytes = randomBytes(300_000);
    const source = join(root, "upload.bin");
    await writeFile(source, bytes);
    const inode = (await stat(source)).ino;
    const put = await store.adoptFile(source, { size: bytes.byteLength });
    expect(put).toEqual({ sha256: sha256Of(bytes), size: bytes.byteLength, created: true });
    const hex = put.sha256.slice(2);
    expect((await stat(join(root, "sha256", hex.slice(0, 2), hex))).ino).toBe(inode);
    await expect(stat(source)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await bytesOf(await store.read(put.sha256))).equals(bytes)).toBe(true);

    // The same bytes again: stored once, the second file removed.
    await writeFile(source, bytes);
    expect(await store.adoptFile(source, { size: bytes.byteLength, sha256: put.sha256 })).toMatchObject({
      created: false,
    });
    await expect(stat(source)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses to adopt a file whose size is not the one declared, and leaves it in place", async () => {
    const store = await freshStore();
    const source = join(root, "short.bin");
    await writeFile(source, randomBytes(100));
    await expect(store.adoptFile(source, { size: 101 })).rejects.toMatchObject({ code: "IO" });
    expect((await stat(source)).size).toBe(100);
    expect(await readdir(join(root, "sha256"))).toEqual([]);
  });
});
