// Resumable artifact uploads over HTTP against the production build, with tus-js-client (the same
// protocol client the browser uses, in its Node flavour): an upload cut off halfway resumes and ends
// with the right sha256 in the blob store; no session, a file over the limit, and an account over
// its quota are refused with a problem+json sentence and nothing is stored.
import { createHash, randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import { issueNonce, openSession } from "@tessera/auth";
import { DiskBlobStore } from "@tessera/storage";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../support/stack.ts";

const MiB = 1024 * 1024;
const LIMIT = 64 * MiB;
const QUOTA = 100 * MiB;
const ALICE = "0x70997970C51812dc3A010C7d01b50e20d51dC79C";
const BOB = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

let stack: Stack;
let web: string;
let endpoint: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  stack = await startStack();
  web = await stack.startWeb({
    TESSERA_UPLOAD_MAX_BYTES: String(LIMIT),
    TESSERA_UPLOAD_QUOTA_BYTES: String(QUOTA),
  });
  endpoint = `${web}/api/uploads/tus`;
  alice = await sessionCookie(ALICE);
  bob = await sessionCookie(BOB);
});
afterAll(async () => {
  await stack?.stop();
});

/** A real session row, as signing in creates it (the SIWE exchange itself is tested elsewhere). */
async function sessionCookie(address: string): Promise<string> {
  const { nonce } = await issueNonce(stack.db);
  const opened = await openSession(stack.db, { nonce, address, chainId: stack.chainId });
  if (!opened) throw new Error("no session");
  return `tessera_session=${opened.token}`;
}

const sha256Of = (bytes: Uint8Array) => `0x${createHash("sha256").update(bytes).digest("hex")}`;

function startUpload(bytes: Buffer, cookie: string, options: Partial<tus.UploadOptions> = {}) {
  let upload: tus.Upload | undefined;
  const done = new Promise<string>((resolve, reject) => {
    upload = new tus.Upload(bytes, {
      endpoint,
      headers: { cookie },
      metadata: { filename: "chest-xray-model.safetensors", filetype: "application/octet-stream" },
      chunkSize: 4 * MiB,
      retryDelays: [],
      onSuccess: () => resolve(upload?.url ?? ""),
      onError: reject,
      ...options,
    });
    upload.start();
  });
  return { upload: upload as tus.Upload, done };
}

async function problem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { status: number; detail: string; code: string };
  expect(body).toMatchObject({ status, code });
  expect(body.detail).toMatch(/\S.*\.$/);
  return body;
}

const create = (length: number, cookie?: string, filename = "model.bin") =>
  fetch(endpoint, {
    method: "POST",
    headers: {
      "tus-resumable": "1.0.0",
      "upload-length": String(length),
      "upload-metadata": `filename ${Buffer.from(filename).toString("base64")}`,
      ...(cookie ? { cookie } : {}),
    },
  });

const nothingStored = async () => {
  expect(await stack.db.upload.count({ where: { status: "RECEIVING" } })).toBe(0);
  expect((await readdir(stack.uploadDir).catch(() => [])).filter((name) => !name.startsWith("."))).toEqual(
    [],
  );
};

describe("resumable uploads", () => {
  let uploadId: string;
  let bobsUpload: string;
  const bytes = randomBytes(40 * MiB);

  it("resumes an upload interrupted about halfway and ends with the same sha256", async () => {
    // A dropped connection in the middle of a chunk, once the server has confirmed 16 of the 40 MiB
    // (the client's count of bytes sent runs ahead of what the server has read: socket buffers).
    // The test goes on only once the request was cut: a HEAD sent while a PATCH still streams takes
    // the upload's lock over from it, as a reconnecting client's would.
    let confirmed = 0;
    let cut: () => void = () => {};
    const wasCut = new Promise<string>((resolve) => {
      cut = () => resolve("cut");
    });
    const first = startUpload(bytes, alice, {
      onAfterResponse(req, res) {
        if (req.getMethod() === "PATCH") confirmed = Number(res.getHeader("Upload-Offset") ?? 0);
      },
      onProgress(sent) {
        if (confirmed >= 16 * MiB && sent > confirmed) void first.upload.abort().then(cut);
      },
    });
    const aborted = await Promise.race([first.done.then(() => "finished"), wasCut]);
    expect(aborted).not.toBe("finished");
    const url = first.upload.url as string;
    uploadId = url.split("/").at(-1) as string;

    // The server kept what arrived: somewhere past the start, short of the end.
    const head = await waitForOffset(url, (offset) => offset > 0);
    expect(head).toBeGreaterThan(0);
    expect(head).toBeLessThan(bytes.byteLength);
    const row = await stack.db.upload.findUniqueOrThrow({ where: { id: uploadId } });
    expect(row).toMatchObject({
      account: ALICE.toLowerCase(),
      status: "RECEIVING",
      size: BigInt(bytes.byteLength),
    });

    // A new client resumes from the stored URL (what tus-js-client's fingerprint lookup gives a browser).
    let firstPatchOffset: number | undefined;
    const resumed = startUpload(bytes, alice, {
      uploadUrl: url,
      onBeforeRequest(req) {
        if (req.getMethod() === "PATCH" && firstPatchOffset === undefined) {
          firstPatchOffset = Number(req.getHeader("Upload-Offset"));
        }
      },
    });
    await resumed.done;
    expect(firstPatchOffset).toBe(head);

    const result = await fetch(`${web}/api/uploads/${uploadId}/result`, { headers: { cookie: alice } });
    expect(result.status).toBe(200);
    expect(await result.json()).toEqual({
      uploadId,
      fileName: "chest-xray-model.safetensors",
      size: bytes.byteLength,
      sha256: sha256Of(bytes),
    });
    const store = await DiskBlobStore.open(stack.blobDir);
    expect(await store.stat(sha256Of(bytes) as `0x${string}`)).toEqual({ size: bytes.byteLength });
    // The tus copy is gone once the blob is stored; a HEAD still reports the upload finished.
    expect(
      await readdir(stack.uploadDir).then((names) => names.filter((n) => n.startsWith(uploadId))),
    ).toEqual([]);
    const finished = await fetch(url, {
      method: "HEAD",
      headers: { "tus-resumable": "1.0.0", cookie: alice },
    });
    expect(finished.headers.get("upload-offset")).toBe(String(bytes.byteLength));
  });

  it("shows an upload and its result only to the account that made it", async () => {
    await problem(
      await fetch(`${web}/api/uploads/${uploadId}/result`, { headers: { cookie: bob } }),
      404,
      "UPLOAD_NOT_FOUND",
    );
    await problem(await fetch(`${web}/api/uploads/${uploadId}/result`), 401, "UNAUTHENTICATED");
    await problem(
      await fetch(`${web}/api/uploads/not-an-id/result`, { headers: { cookie: alice } }),
      404,
      "NOT_FOUND",
    );
    const head = await fetch(`${endpoint}/${uploadId}`, {
      method: "HEAD",
      headers: { "tus-resumable": "1.0.0", cookie: bob },
    });
    expect(head.status).toBe(404);
  });

  it("refuses to start an upload without a session, and stores nothing", async () => {
    await problem(await create(1000), 401, "UPLOAD_SIGN_IN");
    const client = startUpload(randomBytes(1000), "");
    await expect(client.done).rejects.toThrow(/401/);
    await nothingStored();
  });

  it("refuses a file over the per-file limit before any byte, and stores nothing", async () => {
    const body = await problem(await create(LIMIT + 1, alice), 413, "UPLOAD_TOO_LARGE");
    expect(body.detail).toBe("This file is 67.1 MB; Tessera accepts files up to 67.1 MB per upload.");
    await nothingStored();
  });

  it("refuses an upload that would take the account over its quota, and stores nothing", async () => {
    // 40 MiB are stored; 61 MiB more would pass 100 MiB.
    const body = await problem(await create(61 * MiB, alice), 413, "UPLOAD_QUOTA_EXCEEDED");
    expect(body.detail).toMatch(
      /^Your uploads already use 41\.9 MB of your 105 MB allowance.*larger allowance\.$/,
    );
    await nothingStored();
    // Another account has its own allowance.
    const ok = await create(61 * MiB, bob);
    expect(ok.status).toBe(201);
    bobsUpload = ok.headers.get("location") ?? "";
  });

  it("cancels an unfinished upload: the row, its files and its claim on the quota go; only its owner may", async () => {
    const url = `${web}${bobsUpload}`;
    const id = bobsUpload.split("/").at(-1) as string;
    const cancel = (cookie: string) =>
      fetch(url, { method: "DELETE", headers: { "tus-resumable": "1.0.0", cookie } });
    expect((await cancel(alice)).status).toBe(404);
    expect(await stack.db.upload.count({ where: { id } })).toBe(1);
    expect((await cancel(bob)).status).toBe(204);
    expect(await stack.db.upload.count({ where: { id } })).toBe(0);
    await nothingStored();
    // A finished upload cannot be cancelled (its blob may be published).
    const finished = await fetch(`${endpoint}/${uploadId}`, {
      method: "DELETE",
      headers: { "tus-resumable": "1.0.0", cookie: alice },
    });
    await problem(finished, 409, "UPLOAD_FINISHED");
  });

  it("refuses a file name with control characters", async () => {
    await problem(await create(10, alice, "bad\nname.bin"), 422, "UPLOAD_FILE_NAME");
  });

  it("refuses a PATCH at another offset, one with more bytes than are left, and one from another site; none writes a byte", async () => {
    const created = await create(1000, alice, "small.bin");
    expect(created.status).toBe(201);
    const url = `${web}${created.headers.get("location")}`;
    const patch = (offset: number, body: RequestInit["body"], headers: Record<string, string> = {}) =>
      fetch(url, {
        method: "PATCH",
        headers: {
          "tus-resumable": "1.0.0",
          "content-type": "application/offset+octet-stream",
          "upload-offset": String(offset),
          cookie: alice,
          ...headers,
        },
        body,
        duplex: "half",
      } as RequestInit);
    await problem(await patch(500, randomBytes(10)), 409, "UPLOAD_OFFSET_MISMATCH");
    await problem(await patch(0, randomBytes(1001)), 413, "UPLOAD_TOO_MANY_BYTES");
    // Without a Content-Length (chunked), the excess is found while the bytes arrive.
    const chunked = new Response(randomBytes(1001)).body as ReadableStream<Uint8Array>;
    await problem(await patch(0, chunked), 413, "UPLOAD_TOO_MANY_BYTES");
    await problem(
      await patch(0, randomBytes(10), { origin: "https://elsewhere.example" }),
      403,
      "FORBIDDEN_ORIGIN",
    );
    const head = await fetch(url, { method: "HEAD", headers: { "tus-resumable": "1.0.0", cookie: alice } });
    expect(head.headers.get("upload-offset")).toBe("0");

    // The right offset and length finish it, and the answer carries the sha256 to record.
    const bytes = randomBytes(1000);
    const done = await patch(0, bytes);
    expect(done.status).toBe(204);
    expect(done.headers.get("upload-offset")).toBe("1000");
    expect(done.headers.get("tessera-sha256")).toBe(sha256Of(bytes));
  });
});

/** Polls HEAD until the server has settled the interrupted request (it may still be writing). */
async function waitForOffset(url: string, ready: (offset: number) => boolean): Promise<number> {
  let previous = -1;
  for (;;) {
    const response = await fetch(url, {
      method: "HEAD",
      headers: { "tus-resumable": "1.0.0", cookie: alice },
    });
    if (response.status === 200) {
      const offset = Number(response.headers.get("upload-offset"));
      // Two equal answers in a row: the cut-off request has finished writing.
      if (ready(offset) && offset === previous) return offset;
      previous = offset;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
