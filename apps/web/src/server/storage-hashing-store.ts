import "server-only";
import type { Hash } from "node:crypto";
import { open } from "node:fs/promises";
import type http from "node:http";
import { join } from "node:path";
import { pipeline, type Readable, Transform } from "node:stream";
import { digestHex, newSha256, type Sha256Hex } from "@tessera/storage";
import { FileStore } from "@tus/file-store";

// tus's file store, hashing the bytes as they are written, so that a finished upload's sha256 is
// known without reading the file again (on a 1 GiB artifact that read costs as much as the upload).
// The hash state lives in this process's memory and is only trusted while it covers exactly the
// bytes on disk: a chunk that arrives at another offset (another server, a restart, an aborted
// write that hashed more than it wrote) drops it, and the file is then hashed by reading it.

type Progress = { hash: Hash; offset: number };

/** Bytes gathered from the socket before one positional write (one syscall per MiB, not per 64 KiB). */
const WRITE_BATCH_BYTES = 1024 * 1024;
/**
 * Written bytes after which the disk is asked to flush them while the upload goes on. Without it,
 * 1 GiB sits dirty in the page cache and the final fsync waits for all of it after the last byte;
 * flushing as it arrives overlaps the network with the disk.
 */
const FLUSH_EVERY_BYTES = 32 * 1024 * 1024;

export type StreamWriteResult = { offset: number; error?: unknown };

export class HashingFileStore extends FileStore {
  private readonly progress = new Map<string, Progress>();

  override async write(
    readable: http.IncomingMessage | Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    const state = this.hashStateAt(id, offset);
    if (!state) return super.write(readable, id, offset);
    const hash = state.hash;
    let hashed = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        hashed += chunk.byteLength;
        callback(null, chunk);
      },
    });
    pipeline(readable, hashing, () => undefined);
    try {
      const next = await super.write(hashing, id, offset);
      if (next - offset === hashed) this.progress.set(id, { hash, offset: next });
      else this.progress.delete(id);
      return next;
    } catch (error) {
      this.progress.delete(id);
      throw error;
    }
  }

  /**
   * The upload path that carries the bytes (tus PATCH), straight from the Node request: batched
   * positional writes, the hash updated on the way, the disk flushing behind. Takes at most
   * `maxBytes`; stops early, keeping every byte that arrived, when `source` fails (a dropped
   * connection) or `signal` aborts (another request took the upload over). Returns the new offset and,
   * when it stopped early, why. The file's length is always the offset: tus reads it back from there.
   * Stopping early does not destroy the request behind `source`, so it can still be answered.
   */
  async writeStream(
    source: AsyncIterable<Buffer>,
    id: string,
    offset: number,
    options: { maxBytes: number; signal: AbortSignal },
  ): Promise<StreamWriteResult> {
    const state = this.hashStateAt(id, offset);
    const file = await open(join(this.directory, id), "r+");
    let position = offset;
    let batch: Buffer[] = [];
    let batchBytes = 0;
    let unflushed = 0;
    let flushing: Promise<void> | undefined;
    let writeError: unknown;
    let stopped: unknown;
    const writeBatch = async () => {
      if (batchBytes === 0) return;
      const buffers = batch;
      const bytes = batchBytes;
      batch = [];
      batchBytes = 0;
      await writevAll(file, buffers, bytes, position);
      position += bytes;
      unflushed += bytes;
      if (unflushed >= FLUSH_EVERY_BYTES && !flushing) {
        unflushed = 0;
        flushing = file.datasync().finally(() => {
          flushing = undefined;
        });
      }
    };
    // One write in flight while the next batch fills: the socket is read while the disk writes.
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const chunk of source) {
        if (options.signal.aborted) break;
        if (position + batchBytes + chunk.byteLength - offset > options.maxBytes) {
          stopped = new TooManyBytes(options.maxBytes);
          break;
        }
        state?.hash.update(chunk);
        batch.push(chunk);
        batchBytes += chunk.byteLength;
        if (batchBytes >= WRITE_BATCH_BYTES) {
          await writing;
          writing = writeBatch().catch((error: unknown) => {
            writeError = error;
          });
          if (writeError) break;
        }
      }
    } catch (error) {
      stopped = error;
    }
    try {
      await writing;
      if (!writeError) await writeBatch();
      await flushing;
    } catch (error) {
      writeError ??= error;
    } finally {
      await file.close();
    }
    if (writeError) {
      // What reached the disk is unknown: the next write is hashed by reading the file.
      this.progress.delete(id);
      throw writeError;
    }
    if (state) this.progress.set(id, { hash: state.hash, offset: position });
    return stopped === undefined ? { offset: position } : { offset: position, error: stopped };
  }

  /** The sha256 of the upload's bytes if this process hashed all `size` of them; forgets it either way. */
  takeSha256(id: string, size: number): Sha256Hex | undefined {
    const state = this.progress.get(id);
    this.progress.delete(id);
    return state && state.offset === size ? digestHex(state.hash) : undefined;
  }

  override async remove(id: string): Promise<void> {
    this.progress.delete(id);
    return super.remove(id);
  }

  /** The hash to continue at `offset` (a fresh one at 0), or none: the bytes are then hashed later. */
  private hashStateAt(id: string, offset: number): Progress | undefined {
    let state = this.progress.get(id);
    if (offset === 0) state = { hash: newSha256(), offset: 0 };
    if (!state || state.offset !== offset) {
      this.progress.delete(id);
      return undefined;
    }
    return state;
  }
}

/** More bytes than the upload declared arrived. */
export class TooManyBytes extends Error {
  override readonly name = "TooManyBytes";
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`more than the ${maxBytes} bytes left in this upload arrived`);
    this.maxBytes = maxBytes;
  }
}

async function writevAll(
  file: Awaited<ReturnType<typeof open>>,
  buffers: Buffer[],
  bytes: number,
  position: number,
): Promise<void> {
  const { bytesWritten } = await file.writev(buffers, position);
  if (bytesWritten === bytes) return;
  // A short write (rare on a regular file): write the rest in one piece.
  const rest = Buffer.concat(buffers, bytes).subarray(bytesWritten);
  let done = 0;
  while (done < rest.byteLength) {
    const { bytesWritten: n } = await file.write(
      rest,
      done,
      rest.byteLength - done,
      position + bytesWritten + done,
    );
    done += n;
  }
}
