import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { MemoryLocker, Server } from "@tus/server";
import { PROBLEM_CONTENT_TYPE } from "@/lib/api/problem";
import { fileNameSchema, TUS_ENDPOINT, uploadIdSchema } from "@/upload/api";
import { ApiError } from "./api/errors";
import { header, nodeApiRoute, pathOf, sendWebResponse } from "./api/node-route";
import { problemOf } from "./api/problem-response";
import { sessionFromCookieHeader } from "./auth/sessions";
import { db } from "./db";
import { uploadDir, uploadLimits } from "./storage";
import { HashingFileStore } from "./storage-hashing-store";
import { isPlainPatch, PatchBody, patchUpload } from "./storage-tus-patch";
import {
  assertFileSize,
  createUploadRow,
  findOwnUpload,
  finishUpload,
  UPLOAD_EXPIRY_MS,
} from "./storage-uploads";

// Resumable uploads over tus 1.0 (https://tus.io): @tus/server keeps the uploads in a file store in
// the upload folder (PATCH, which carries the bytes, is written by storage-tus-patch.ts with tus's
// store and lock); this module puts Tessera's rules around it. Every request needs a session and
// may touch only its own uploads; creating one checks the file size and the account's quota. The
// bytes are hashed as they are written; when the last one arrives the file is renamed into the blob
// store under its sha256 (copied, on S3) and the upload's row records that hash
// (GET /api/uploads/<id>/result). The tus lock is per process (MemoryLocker): several web servers
// sharing one upload folder need a shared locker.

export type TusState = {
  server: Server;
  datastore: HashingFileStore;
  locker: MemoryLocker;
  /** The account of the request being handled, set after its session is checked, for the hooks. */
  account: AsyncLocalStorage<string>;
};
const globalForTus = globalThis as typeof globalThis & { __tesseraTus?: TusState };

function tus(): TusState {
  if (globalForTus.__tesseraTus) return globalForTus.__tesseraTus;
  const account = new AsyncLocalStorage<string>();
  const datastore = new HashingFileStore({
    directory: uploadDir(),
    expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS,
  });
  // Shared with the PATCH path (storage-tus-patch.ts), so tus and it never write one upload at once.
  const locker = new MemoryLocker();
  const server: Server = new Server({
    path: TUS_ENDPOINT,
    datastore,
    locker,
    relativeLocation: true,
    // Same-site only: no CORS header is ever sent.
    allowedOrigins: [],
    maxSize: () => uploadLimits().maxFileBytes,
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(_req, upload) {
      const owner = account.getStore();
      if (!owner) throw new ApiError("UNAUTHENTICATED", "Sign in to upload files.");
      await createUploadRow(
        { id: upload.id, account: owner, fileName: fileNameOf(upload.metadata), size: upload.size ?? 0 },
        uploadLimits(),
      );
      return {};
    },
    async onUploadFinish(_req, upload) {
      const sha256 = await finishUpload(datastore, upload.id, upload.size ?? 0);
      return { headers: { "Tessera-Sha256": sha256 } };
    },
    onResponseError(_req, error) {
      if (!(error instanceof ApiError)) return undefined;
      return { status_code: error.status, body: JSON.stringify(problemOf(error)) };
    },
  });
  // Once per process: unfinished uploads past their expiry free their disk space.
  void server.cleanUpExpiredUploads().catch((error) => console.error("[uploads] expiry sweep failed", error));
  globalForTus.__tesseraTus = { server, datastore, locker, account };
  return globalForTus.__tesseraTus;
}

/**
 * Handles one tus request (POST, HEAD, PATCH, DELETE, OPTIONS) for the signed-in account, on Node's
 * request and response (src/pages/api/uploads/tus). PATCH, which carries the bytes, is written
 * straight from the socket to the file (storage-tus-patch.ts); the rest goes through @tus/server.
 */
export const handleTusRequest = nodeApiRoute(async (req, res) => {
  const state = tus();
  const method = req.method ?? "GET";
  if (method === "OPTIONS") return sendWebResponse(res, await state.server.handleWeb(webRequestOf(req)));
  // Read at once, before the checks below wait on the database (see PatchBody).
  const body = method === "PATCH" && isPlainPatch(req) ? new PatchBody(req) : undefined;
  const session = await sessionFromCookieHeader(db(), header(req, "cookie") ?? undefined);
  if (!session) throw new ApiError("UNAUTHENTICATED", "Sign in to upload files.", { code: "UPLOAD_SIGN_IN" });
  const account = session.address.toLowerCase();

  const id = uploadIdFromPath(req);
  if (method === "POST") {
    if (id) throw new ApiError("METHOD_NOT_ALLOWED", "Create uploads at the upload endpoint itself.");
    preCheckCreation(req);
  } else {
    if (!id) throw new ApiError("NOT_FOUND", "Name an upload: /api/uploads/tus/<id>.");
    const row = await findOwnUpload(id, account);
    if (method === "GET") throw new ApiError("METHOD_NOT_ALLOWED", "Uploads are not downloaded here.");
    // A stored upload's bytes left the tus folder: answer HEAD from its row, so a client resuming
    // after the last byte (a reload at 100%) sees it finished instead of starting over.
    if (row.status === "COMPLETE" && method === "HEAD") {
      res.writeHead(200, {
        "Tus-Resumable": "1.0.0",
        "Upload-Offset": String(row.size),
        "Upload-Length": String(row.size),
        "Cache-Control": "no-store",
      });
      res.end();
      return;
    }
    if (row.status !== "RECEIVING") {
      throw new ApiError("CONFLICT", "This upload is already finished.", { code: "UPLOAD_FINISHED" });
    }
    if (body) return patchUpload(req, res, body, state, id);
  }

  const response = await state.account.run(account, () => state.server.handleWeb(webRequestOf(req)));
  if (method === "DELETE" && response.status === 204 && id) {
    await db().upload.deleteMany({ where: { id, account, status: "RECEIVING" } });
  }
  await sendWebResponse(res, await withProblemType(response));
});

/** Refuses a creation that cannot succeed before tus sees it: no length, too large, a bad name. */
function preCheckCreation(req: IncomingMessage): void {
  const declared = header(req, "upload-length");
  const length = Number(declared);
  if (!declared || !Number.isSafeInteger(length) || length < 0) {
    throw new ApiError("INVALID_BODY", "Say how large the file is (Upload-Length) when starting an upload.", {
      code: "UPLOAD_LENGTH_REQUIRED",
    });
  }
  assertFileSize(length, uploadLimits());
  fileNameOf(parseMetadata(header(req, "upload-metadata") ?? ""));
}

function fileNameOf(metadata: Record<string, string | null> | undefined): string {
  const parsed = fileNameSchema.safeParse(metadata?.filename ?? "");
  if (!parsed.success) {
    throw new ApiError("INVALID_BODY", parsed.error.issues[0]?.message ?? "The file name is invalid.", {
      code: "UPLOAD_FILE_NAME",
    });
  }
  return parsed.data;
}

/** tus metadata: "key base64value,key2 base64value2". */
function parseMetadata(header: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const pair of header.split(",")) {
    const [key, value] = pair.trim().split(" ");
    if (key) out[key] = value === undefined ? null : Buffer.from(value, "base64").toString("utf8");
  }
  return out;
}

function uploadIdFromPath(req: IncomingMessage): string | null {
  const rest = pathOf(req)
    .slice(TUS_ENDPOINT.length)
    .replace(/^\/+|\/+$/g, "");
  if (rest === "") return null;
  const parsed = uploadIdSchema.safeParse(rest);
  if (!parsed.success) throw new ApiError("NOT_FOUND", "There is no upload with this id in your account.");
  return parsed.data;
}

/**
 * The request as @tus/server's handleWeb takes it. Only a creation may carry bytes (creation-with-
 * upload); the other methods it handles here have no body, so nothing is converted.
 */
function webRequestOf(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method === "POST" && Number(header(req, "content-length") ?? 0) > 0;
  return new Request(new URL(req.url ?? "/", `http://${header(req, "host") ?? "localhost"}`), {
    method: req.method ?? "GET",
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  });
}

/** tus writes error bodies as text; ours are problem documents, so label them as such. */
async function withProblemType(response: Response): Promise<Response> {
  if (response.ok || response.status < 400) return response;
  const text = await response.text();
  const headers = new Headers(response.headers);
  if (text.startsWith("{")) headers.set("content-type", PROBLEM_CONTENT_TYPE);
  return new Response(text, { status: response.status, headers });
}
