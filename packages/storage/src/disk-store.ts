import { randomBytes } from "node:crypto";
import { constants, createReadStream } from "node:fs";
import { chmod, type FileHandle, mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable, type Writable } from "node:stream";
import {
  type BlobSource,
  type BlobStore,
  type ByteRange,
  chunksOf,
  hashMismatch,
  notFound,
  type PutOptions,
  type PutResult,
  type ReadNodeOptions,
  resolveRange,
  tooLarge,
} from "./blob-store.ts";
import { BlobStoreError, isBlobStoreError } from "./errors.ts";
import { digestHex, newSha256, parseSha256Hex, type Sha256Hex } from "./sha256.ts";

// Blobs on local disk:
//   <root>/sha256/<first two hex digits>/<64 hex digits>   a whole blob, read-only
//   <root>/tmp/<pid>.<random>.partial                       a write in progress
// A write goes to a temp file in the same filesystem, hashed as it is written, fsynced, then renamed
// to its hash (rename is atomic) and the directory fsynced. A process killed mid-write leaves only
// a temp file, which the next store opened on the same root removes once its writer is gone.

export type DiskBlobStoreOptions = {
  /** Temp files older than this are removed even if their writer's pid is alive (default 1 hour). */
  staleTempAfterMs?: number;
};

const DEFAULT_STALE_TEMP_MS = 60 * 60 * 1000;
const TEMP_SUFFIX = ".partial";

export class DiskBlobStore implements BlobStore {
  readonly root: string;
  readonly location: string;
  private readonly blobDir: string;
  private readonly tempDir: string;

  private constructor(root: string) {
    this.root = root;
    this.location = `disk:${root}`;
    this.blobDir = join(root, "sha256");
    this.tempDir = join(root, "tmp");
  }

  /** Creates the folders when missing and removes temp files left by writers that died. */
  static async open(root: string, options: DiskBlobStoreOptions = {}): Promise<DiskBlobStore> {
    const store = new DiskBlobStore(resolve(root));
    await mkdir(store.blobDir, { recursive: true });
    await mkdir(store.tempDir, { recursive: true });
    await store.sweepTemp(options.staleTempAfterMs ?? DEFAULT_STALE_TEMP_MS);
    return store;
  }

  /** Removes temp files whose writer process is gone or that are older than `staleAfterMs`. */
  async sweepTemp(staleAfterMs = DEFAULT_STALE_TEMP_MS): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.tempDir)) {
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const path = join(this.tempDir, name);
      const pid = Number(name.split(".")[0]);
      const info = await stat(path).catch(() => null);
      if (!info) continue;
      const stale = Date.now() - info.mtimeMs > staleAfterMs;
      if (stale || !processIsAlive(pid)) {
        await unlink(path).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }

  /** The temp files present now (writes in progress or left by a crash), for tests and ops. */
  async tempFiles(): Promise<string[]> {
    return (await readdir(this.tempDir)).filter((name) => name.endsWith(TEMP_SUFFIX));
  }

  async put(source: BlobSource, options: PutOptions = {}): Promise<PutResult> {
    const expected =
      options.expectedSha256 === undefined ? undefined : parseSha256Hex(options.expectedSha256);
    const tempPath = join(this.tempDir, `${process.pid}.${randomBytes(8).toString("hex")}${TEMP_SUFFIX}`);
    const file = await open(tempPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    let closed = false;
    try {
      const hash = newSha256();
      let size = 0;
      for await (const chunk of chunksOf(source)) {
        size += chunk.byteLength;
        if (options.maxBytes !== undefined && size > options.maxBytes) throw tooLarge(options.maxBytes);
        hash.update(chunk);
        await writeAll(file, chunk);
      }
      await file.sync();
      await file.close();
      closed = true;
      const sha256 = digestHex(hash);
      if (expected && expected !== sha256) throw hashMismatch(expected, sha256);

      const finalPath = this.pathOf(sha256);
      if (await exists(finalPath)) {
        await unlink(tempPath);
        return { sha256, size, created: false };
      }
      await mkdir(join(finalPath, ".."), { recursive: true });
      await chmod(tempPath, 0o444);
      // Two writers of the same bytes may both get here; the second rename replaces an identical
      // file atomically, so readers only ever see a whole blob.
      await rename(tempPath, finalPath);
      await syncDirectory(join(finalPath, ".."));
      return { sha256, size, created: true };
    } catch (error) {
      if (!closed) await file.close().catch(() => undefined);
      await unlink(tempPath).catch(() => undefined);
      if (isBlobStoreError(error)) throw error;
      throw new BlobStoreError("IO", `Storing the blob failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /**
   * Takes a whole file that already sits on this store's filesystem (a finished upload) in under its
   * hash by renaming it: no second copy of the bytes. `sha256` is the hash the caller computed while
   * the bytes arrived (it vouches for it); without it the file is read once to hash it. The file is
   * fsynced before the rename. On another filesystem (EXDEV) it falls back to a streamed put. The
   * source path is gone afterwards either way.
   */
  async adoptFile(path: string, options: { size: number; sha256?: Sha256Hex }): Promise<PutResult> {
    const known = options.sha256 === undefined ? undefined : parseSha256Hex(options.sha256);
    try {
      const file = await open(path, "r+");
      let sha256: Sha256Hex;
      try {
        const { size } = await file.stat();
        if (size !== options.size)
          throw new Error(`the file has ${size} bytes, not the ${options.size} expected`);
        sha256 = known ?? (await hashFile(file));
        await file.sync();
      } finally {
        await file.close();
      }
      const finalPath = this.pathOf(sha256);
      if (await exists(finalPath)) {
        await unlink(path);
        return { sha256, size: options.size, created: false };
      }
      await mkdir(join(finalPath, ".."), { recursive: true });
      await chmod(path, 0o444);
      try {
        await rename(path, finalPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
        const put = await this.put(createReadStream(path, { highWaterMark: 1024 * 1024 }), {
          expectedSha256: sha256,
          maxBytes: options.size,
        });
        await unlink(path);
        return put;
      }
      await syncDirectory(join(finalPath, ".."));
      return { sha256, size: options.size, created: true };
    } catch (error) {
      if (isBlobStoreError(error)) throw error;
      throw new BlobStoreError("IO", `Storing ${path} failed: ${(error as Error).message}`, { cause: error });
    }
  }

  async stat(sha256: Sha256Hex): Promise<{ size: number } | null> {
    const info = await stat(this.pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    return info ? { size: info.size } : null;
  }

  async read(sha256: Sha256Hex, range?: ByteRange): Promise<ReadableStream<Uint8Array>> {
    return Readable.toWeb(await this.readNode(sha256, range)) as ReadableStream<Uint8Array>;
  }

  async readNode(sha256: Sha256Hex, range?: ByteRange, options: ReadNodeOptions = {}): Promise<Readable> {
    const path = this.pathOf(sha256);
    // Open first, so a missing blob fails here rather than inside the stream after headers went out.
    const file = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw notFound(sha256);
      throw error;
    });
    try {
      const { size } = await file.stat();
      const bounds = range ? resolveRange(range, size) : undefined;
      return file.createReadStream({
        autoClose: true,
        ...bounds,
        ...(options.highWaterMark ? { highWaterMark: options.highWaterMark } : {}),
      });
    } catch (error) {
      await file.close();
      throw error;
    }
  }

  async sendTo(sha256: Sha256Hex, range: ByteRange | undefined, destination: Writable): Promise<number> {
    const file = await open(this.pathOf(sha256), "r").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw notFound(sha256);
      throw error;
    });
    try {
      const { size } = await file.stat();
      const { start, end } = range ? resolveRange(range, size) : { start: 0, end: size - 1 };
      const buffers = [Buffer.allocUnsafeSlow(SEND_CHUNK_BYTES), Buffer.allocUnsafeSlow(SEND_CHUNK_BYTES)];
      let sent = 0;
      let inFlight = 0;
      // One buffer is being written while the other is read into: disk and socket overlap. A buffer
      // is refilled only after its previous write completed (awaited one turn earlier).
      let writing: Promise<boolean> = Promise.resolve(true);
      for (let position = start, turn = 0; position <= end; turn++) {
        const buffer = buffers[turn % 2] as Buffer;
        const length = Math.min(buffer.byteLength, end - position + 1);
        const { bytesRead } = await file.read(buffer, 0, length, position);
        if (bytesRead === 0) break;
        if (!(await writing)) return sent;
        sent += inFlight;
        writing = writeChunk(destination, buffer.subarray(0, bytesRead));
        inFlight = bytesRead;
        position += bytesRead;
      }
      if (!(await writing)) return sent;
      return sent + inFlight;
    } finally {
      await file.close();
    }
  }

  async delete(sha256: Sha256Hex): Promise<boolean> {
    return unlink(this.pathOf(sha256)).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
  }

  /** The file of a blob; the id is validated first, so nothing but a hex name is ever joined. */
  private pathOf(sha256: Sha256Hex): string {
    const hex = parseSha256Hex(sha256).slice(2);
    return join(this.blobDir, hex.slice(0, 2), hex);
  }
}

/** Bytes per read when sending a blob to a socket: large writes, two buffers per transfer. */
const SEND_CHUNK_BYTES = 1024 * 1024;

/**
 * Writes one chunk and resolves once `destination` has handed it on (the buffer may then be reused):
 * true, or false when the destination closed or failed first.
 */
function writeChunk(destination: Writable, chunk: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    if (destination.destroyed || destination.writableEnded) return resolve(false);
    const onClose = () => resolve(false);
    destination.once("close", onClose);
    destination.write(chunk, (error) => {
      destination.off("close", onClose);
      resolve(!error);
    });
  });
}

async function writeAll(file: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

async function hashFile(file: FileHandle): Promise<Sha256Hex> {
  const hash = newSha256();
  for await (const chunk of file.createReadStream({
    start: 0,
    autoClose: false,
    highWaterMark: 1024 * 1024,
  })) {
    hash.update(chunk as Buffer);
  }
  return digestHex(hash);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function processIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
