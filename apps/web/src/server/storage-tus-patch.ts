import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatBytes } from "@/upload/api";
import { ApiError } from "./api/errors";
import { header } from "./api/node-route";
import { TooManyBytes } from "./storage-hashing-store";
import type { TusState } from "./storage-tus";
import { finishUpload } from "./storage-uploads";

// tus PATCH (append bytes at an offset) written from Node's request straight into tus's file store.
// @tus/server 2 reads every body as a WHATWG stream and turns it back into a Node stream, which cost
// a third of a 1 GiB upload's time; this path reads the socket directly, in batches, and lets the
// disk flush while bytes still arrive. It keeps the protocol's rules (tus 1.0 core): the upload must
// exist and not have expired, the client's Upload-Offset must be the server's, no more than the
// declared length is taken, the answer is 204 with the new Upload-Offset, and tus's own lock (shared
// with @tus/server) keeps one writer per upload: a newer request for the same upload (a client that
// reconnected) takes over from a stalled one. Requests with unusual headers go to @tus/server, which
// answers them as the protocol says (isPlainPatch).

/** Bytes of a PATCH body taken in ahead of the disk (and while its checks run) before the socket waits. */
const BODY_AHEAD_BYTES = 2 * 1024 * 1024;

/**
 * A PATCH body, read from the first moment. Bytes a client sent before its connection dropped are
 * kept only if something read them: Node discards what a request still buffers when it closes. So
 * the socket's chunks are taken as they come (up to 2 MiB ahead, then the socket waits), and the
 * checks that follow (session, owner, lock, offset) decide whether they are written. A dropped
 * connection ends the body rather than failing it. Chunks are handed on one by one as they came
 * (a Node stream in paused mode glues its backlog into one new buffer per read: a copy per read).
 */
export class PatchBody implements AsyncIterable<Buffer> {
  private readonly chunks: Buffer[] = [];
  private queued = 0;
  private ended = false;
  private cut = false;
  private wake: (() => void) | undefined;
  private readonly req: IncomingMessage;

  constructor(req: IncomingMessage) {
    this.req = req;
    req.on("data", (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.queued += chunk.byteLength;
      if (this.queued >= BODY_AHEAD_BYTES) req.pause();
      this.wake?.();
    });
    req.once("end", () => this.finish());
    req.once("close", () => {
      if (!req.complete) this.cut = true;
      this.finish();
    });
  }

  /** The connection closed before the whole body arrived. */
  cutOff(): boolean {
    return this.cut;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) {
        this.queued -= chunk.byteLength;
        if (this.req.isPaused() && this.queued < BODY_AHEAD_BYTES / 2) this.req.resume();
        yield chunk;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  private finish(): void {
    this.ended = true;
    this.wake?.();
  }
}

/** A PATCH this path handles: the tus version, the octet-stream type and a numeric offset. */
export function isPlainPatch(req: IncomingMessage): boolean {
  return (
    header(req, "tus-resumable") === "1.0.0" &&
    header(req, "content-type") === "application/offset+octet-stream" &&
    /^\d+$/.test(header(req, "upload-offset") ?? "") &&
    header(req, "upload-length") === null
  );
}

export async function patchUpload(
  req: IncomingMessage,
  res: ServerResponse,
  body: PatchBody,
  { datastore, locker }: TusState,
  id: string,
): Promise<void> {
  const offset = Number(header(req, "upload-offset"));
  const takeover = new AbortController();
  const lock = locker.newLock(id);
  await lock
    // Waiting gives up after the locker's own timeout (30 s), with a refusal below.
    .lock(new AbortController().signal, async () => {
      // Another request wants this upload: stop reading this one (its client has reconnected).
      takeover.abort();
      req.destroy();
    })
    .catch((cause: unknown) => {
      throw new ApiError("CONFLICT", "This upload is busy with another request. Try again in a moment.", {
        code: "UPLOAD_BUSY",
        cause,
      });
    });
  let size: number;
  let written: Awaited<ReturnType<typeof datastore.writeStream>>;
  let expiresAt: number;
  try {
    const upload = await datastore.getUpload(id).catch((cause: unknown) => {
      throw new ApiError("NOT_FOUND", "The bytes of this upload are gone. Start the upload again.", {
        code: "UPLOAD_NOT_FOUND",
        cause,
      });
    });
    size = upload.size ?? 0;
    const created = upload.creation_date ? new Date(upload.creation_date).getTime() : Date.now();
    expiresAt = created + datastore.getExpiration();
    if (datastore.getExpiration() > 0 && Date.now() > expiresAt) {
      throw new ApiError(
        "GONE",
        "This upload was left unfinished too long and has expired. Start it again.",
        {
          code: "UPLOAD_EXPIRED",
        },
      );
    }
    if (upload.offset !== offset) {
      throw new ApiError(
        "CONFLICT",
        `The server has ${formatBytes(upload.offset)} of this upload, not ${formatBytes(offset)}: resume from there.`,
        { code: "UPLOAD_OFFSET_MISMATCH" },
      );
    }
    const left = size - offset;
    const declared = header(req, "content-length");
    if (declared !== null && Number(declared) > left) throw tooMuch(left);
    written = await datastore.writeStream(body, id, offset, {
      maxBytes: left,
      signal: takeover.signal,
    });
  } finally {
    await lock.unlock();
  }
  if (written.error instanceof TooManyBytes) throw tooMuch(written.error.maxBytes);
  // The client left (or reconnected on another request): keep the bytes, nobody is waiting for an answer.
  if (written.error !== undefined || takeover.signal.aborted || body.cutOff()) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {
    "Tus-Resumable": "1.0.0",
    "Upload-Offset": String(written.offset),
    "Cache-Control": "no-store",
  };
  if (written.offset === size) headers["Tessera-Sha256"] = await finishUpload(datastore, id, size);
  else if (datastore.getExpiration() > 0) headers["Upload-Expires"] = new Date(expiresAt).toUTCString();
  res.writeHead(204, headers);
  res.end();
}

function tooMuch(left: number): ApiError {
  return new ApiError(
    "PAYLOAD_TOO_LARGE",
    `This request carries more than the ${formatBytes(left)} left of the file's declared size. Start the upload again.`,
    { code: "UPLOAD_TOO_MANY_BYTES" },
  );
}
