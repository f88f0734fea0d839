import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import { type DownloadGrant, downloadGrantSchema } from "@/lib/api/downloads";
import { ApiRequestError, fetchJson, problemSchema } from "@/lib/api/problem";
import { formatBytes } from "@/lib/format";
import { MEMORY_LIMIT_BYTES, openSink, type SaveChoice } from "./download-sink";

// The download and its check, loaded when Download is pressed. The sha256 is computed chunk by chunk
// as bytes arrive (WebCrypto's digest() takes the whole file at once; @noble/hashes — audited, already
// in the bundle's dependency tree through viem — hashes incrementally), each chunk goes on to the
// sink (the chosen file, or memory), and a connection that breaks resumes with a Range request from
// the last byte received, keeping the hash state and the file's position.

const MAX_RESUMES = 5;

export type DownloadResult = {
  grant: DownloadGrant;
  /** The sha256 of the bytes that arrived. */
  actual: string;
  verified: boolean;
  /** "file": saved to the file the user chose (only when verified); "memory": offered by objectUrl. */
  savedTo: "file" | "memory";
  /** An object URL of the verified file, for the Save link (memory only). */
  objectUrl: string | null;
};

/** A file too big to hold in this browser's memory: it can still be saved by the browser itself. */
export class TooLargeForMemoryError extends Error {
  // Checked by name: the button does not import this module until Download is pressed.
  override name = "TooLargeForMemoryError";
  readonly grant: DownloadGrant;
  constructor(grant: DownloadGrant) {
    super(
      `This file is ${formatBytes(grant.size)}, too large for this browser to check before saving. ` +
        "Save it with the link below, then check it with the sha256sum command; or use Chrome or Edge, which check it as it saves.",
    );
    this.grant = grant;
  }
}

export type DownloadRequest = { licenseId: string; sha256: string };

/** A short-lived link for this account, after the license is checked on chain. */
export function requestDownload(request: DownloadRequest): Promise<DownloadGrant> {
  return fetchJson(
    "/api/downloads",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) },
    downloadGrantSchema,
  );
}

export async function downloadAndVerify(
  request: DownloadRequest,
  grant: DownloadGrant,
  target: Exclude<SaveChoice, { kind: "ask-again" }>,
  onProgress: (received: number, size: number) => void,
): Promise<DownloadResult> {
  if (target.kind === "memory" && grant.size > MEMORY_LIMIT_BYTES) throw new TooLargeForMemoryError(grant);
  const sink = await openSink(target);
  const hash = sha256.create();
  let received = 0;
  try {
    for (let attempt = 0; attempt === 0 || received < grant.size; attempt++) {
      if (attempt > MAX_RESUMES) {
        throw new Error(
          `The download broke off ${MAX_RESUMES} times. Check your connection and press Download again.`,
        );
      }
      const response = await fetch(grant.url, {
        cache: "no-store",
        headers: received > 0 ? { range: `bytes=${received}-` } : {},
      }).catch(() => null);
      if (!response) continue;
      if (!response.ok) throw await refusal(response);
      if (!response.body) break;
      const reader = response.body.getReader();
      for (;;) {
        const next = await reader.read().catch(() => null);
        // null: the connection broke, and the next attempt asks for the rest.
        if (!next || next.done) break;
        hash.update(next.value);
        await sink.write(next.value);
        received += next.value.byteLength;
        onProgress(received, grant.size);
      }
    }
  } catch (error) {
    await sink.discard().catch(() => undefined);
    throw error;
  }
  const actual = `0x${bytesToHex(hash.digest())}`;
  const verified = actual === grant.sha256 && actual === request.sha256;
  if (!verified) {
    // A file that is not what the license covers is never left behind under its name.
    await sink.discard();
    return { grant, actual, verified, savedTo: sink.kind, objectUrl: null };
  }
  return { grant, actual, verified, savedTo: sink.kind, objectUrl: await sink.keep() };
}

async function refusal(response: Response): Promise<ApiRequestError> {
  const parsed = problemSchema.safeParse(await response.json().catch(() => null));
  return new ApiRequestError(
    parsed.success
      ? parsed.data
      : {
          type: "about:blank",
          title: "Error",
          status: response.status,
          code: "UNEXPECTED",
          detail: `The download was refused (${response.status}). Press Download to try again.`,
        },
  );
}
