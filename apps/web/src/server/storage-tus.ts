import "server-only";
import { Server } from "@tus/server";
import { PROBLEM_CONTENT_TYPE, type Problem } from "@/lib/api/problem";
import { fileNameSchema, TUS_ENDPOINT, uploadIdSchema } from "@/upload/api";
import { ApiError } from "./api/errors";
import { currentSession } from "./auth/sessions";
import { db } from "./db";
import { uploadDir, uploadLimits } from "./storage";
import { HashingFileStore } from "./storage-hashing-store";
import {
  assertFileSize,
  createUploadRow,
  findOwnUpload,
  storeFinishedUpload,
  UPLOAD_EXPIRY_MS,
} from "./storage-uploads";

// Resumable uploads over tus 1.0 (https://tus.io): @tus/server writes the bytes to a file store in
// the upload folder; this module puts Tessera's rules around it. Every request needs a session and
// may touch only its own uploads; creating one checks the file size and the account's quota. The
// bytes are hashed as they are written; when the last one arrives the file is renamed into the blob
// store under its sha256 (copied, on S3) and the upload's row records that hash
// (GET /api/uploads/<id>/result). The tus lock is per process (MemoryLocker): several web servers
// sharing one upload folder need a shared locker.

type TusState = { server: Server; accountOf: WeakMap<Request, string> };
const globalForTus = globalThis as typeof globalThis & { __tesseraTus?: TusState };

function tus(): TusState {
  if (globalForTus.__tesseraTus) return globalForTus.__tesseraTus;
  // The account of each request, set after its session is checked, read by the hooks below.
  const accountOf = new WeakMap<Request, string>();
  const datastore = new HashingFileStore({
    directory: uploadDir(),
    expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS,
  });
  const server: Server = new Server({
    path: TUS_ENDPOINT,
    datastore,
    relativeLocation: true,
    // Same-site only: no CORS header is ever sent.
    allowedOrigins: [],
    maxSize: () => uploadLimits().maxFileBytes,
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(req, upload) {
      const account = accountOf.get(req as unknown as Request);
      if (!account) throw new ApiError("UNAUTHENTICATED", "Sign in to upload files.");
      await createUploadRow(
        { id: upload.id, account, fileName: fileNameOf(upload.metadata), size: upload.size ?? 0 },
        uploadLimits(),
      );
      return {};
    },
    async onUploadFinish(_req, upload) {
      const size = upload.size ?? 0;
      const result = await storeFinishedUpload(upload.id, size, datastore.takeSha256(upload.id, size));
      // The bytes moved into the blob store (disk) or were copied there (S3): drop tus's leftovers.
      await datastore
        .remove(upload.id)
        .catch(() => datastore.configstore.delete(upload.id).catch(() => undefined));
      return { headers: { "Tessera-Sha256": result.sha256 } };
    },
    onResponseError(_req, error) {
      if (!(error instanceof ApiError)) return undefined;
      return { status_code: error.status, body: JSON.stringify(problemOf(error)) };
    },
  });
  // Once per process: unfinished uploads past their expiry free their disk space.
  void server.cleanUpExpiredUploads().catch((error) => console.error("[uploads] expiry sweep failed", error));
  globalForTus.__tesseraTus = { server, accountOf };
  return globalForTus.__tesseraTus;
}

/** Handles one tus request (POST, HEAD, PATCH, DELETE, OPTIONS) for the signed-in account. */
export async function handleTusRequest(request: Request): Promise<Response> {
  const { server, accountOf } = tus();
  if (request.method === "OPTIONS") return server.handleWeb(request);
  const session = await currentSession(db());
  if (!session) throw new ApiError("UNAUTHENTICATED", "Sign in to upload files.", { code: "UPLOAD_SIGN_IN" });
  const account = session.address.toLowerCase();

  const id = uploadIdFromPath(request);
  if (request.method === "POST") {
    if (id) throw new ApiError("METHOD_NOT_ALLOWED", "Create uploads at the upload endpoint itself.");
    preCheckCreation(request);
  } else {
    if (!id) throw new ApiError("NOT_FOUND", "Name an upload: /api/uploads/tus/<id>.");
    const row = await findOwnUpload(id, account);
    if (request.method === "GET")
      throw new ApiError("METHOD_NOT_ALLOWED", "Uploads are not downloaded here.");
    // A stored upload's bytes left the tus folder: answer HEAD from its row, so a client resuming
    // after the last byte (a reload at 100%) sees it finished instead of starting over.
    if (row.status === "COMPLETE" && request.method === "HEAD") {
      return new Response(null, {
        status: 200,
        headers: {
          "Tus-Resumable": "1.0.0",
          "Upload-Offset": String(row.size),
          "Upload-Length": String(row.size),
          "Cache-Control": "no-store",
        },
      });
    }
    if (row.status !== "RECEIVING") {
      throw new ApiError("CONFLICT", "This upload is already finished.", { code: "UPLOAD_FINISHED" });
    }
  }

  accountOf.set(request, account);
  const response = await server.handleWeb(request);
  if (request.method === "DELETE" && response.status === 204 && id) {
    await db().upload.deleteMany({ where: { id, account, status: "RECEIVING" } });
  }
  return withProblemType(response);
}

/** Refuses a creation that cannot succeed before tus sees it: no length, too large, a bad name. */
function preCheckCreation(request: Request): void {
  const length = Number(request.headers.get("upload-length"));
  if (!request.headers.get("upload-length") || !Number.isSafeInteger(length) || length < 0) {
    throw new ApiError("INVALID_BODY", "Say how large the file is (Upload-Length) when starting an upload.", {
      code: "UPLOAD_LENGTH_REQUIRED",
    });
  }
  assertFileSize(length, uploadLimits());
  fileNameOf(parseMetadata(request.headers.get("upload-metadata") ?? ""));
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

function uploadIdFromPath(request: Request): string | null {
  const rest = new URL(request.url).pathname.slice(TUS_ENDPOINT.length).replace(/^\/+|\/+$/g, "");
  if (rest === "") return null;
  const parsed = uploadIdSchema.safeParse(rest);
  if (!parsed.success) throw new ApiError("NOT_FOUND", "There is no upload with this id in your account.");
  return parsed.data;
}

function problemOf(error: ApiError): Problem {
  return {
    type: "about:blank",
    title: error.title,
    status: error.status,
    detail: error.detail,
    code: error.code,
  };
}

/** tus writes error bodies as text; ours are problem documents, so label them as such. */
async function withProblemType(response: Response): Promise<Response> {
  if (response.ok || response.status < 400) return response;
  const text = await response.text();
  const headers = new Headers(response.headers);
  if (text.startsWith("{")) headers.set("content-type", PROBLEM_CONTENT_TYPE);
  return new Response(text, { status: response.status, headers });
}
