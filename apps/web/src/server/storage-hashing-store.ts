import "server-only";
import type { Hash } from "node:crypto";
import type http from "node:http";
import { pipeline, type Readable, Transform } from "node:stream";
import { digestHex, newSha256, type Sha256Hex } from "@tessera/storage";
import { FileStore } from "@tus/file-store";

// tus's file store, hashing the bytes as they are written, so that a finished upload's sha256 is
// known without reading the file again (on a 1 GiB artifact that read costs as much as the upload).
// The hash state lives in this process's memory and is only trusted while it covers exactly the
// bytes on disk: a chunk that arrives at another offset (another server, a restart, an aborted
// write that hashed more than it wrote) drops it, and the file is then hashed by reading it.

type Progress = { hash: Hash; offset: number };

export class HashingFileStore extends FileStore {
  private readonly progress = new Map<string, Progress>();

  override async write(
    readable: http.IncomingMessage | Readable,
    id: string,
    offset: number,
  ): Promise<number> {
    let state = this.progress.get(id);
    if (offset === 0) state = { hash: newSha256(), offset: 0 };
    if (!state || state.offset !== offset) {
      this.progress.delete(id);
      return super.write(readable, id, offset);
    }
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
}
