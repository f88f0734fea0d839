import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex } from "@noble/hashes/utils";
import { type DownloadGrant, downloadGrantSchema } from "@/lib/api/downloads";
import { ApiRequestError, fetchJson, problemSchema } from "@/lib/api/problem";

// The download and its check, loaded when Download is pressed. The sha256 is computed chunk by chunk
// as bytes arrive (WebCrypto's digest() takes the whole file at once; @noble/hashes — audited, already
// in the bundle's dependency tree through viem — hashes incrementally), and a connection that breaks
// resumes with a Range request from the last byte received, keeping the hash state.

const MAX_RESUMES = 5;

export type DownloadResult = {
  grant: DownloadGrant;
  /** The sha256 of the bytes that arrived. */
  actual: string;
  verified: boolean;
  /** An object URL of the file, for the Save link. */
  objectUrl: string;
};

export async function downloadAndVerify(
  request: { licenseId: string; sha256: string },
  onProgress: (received: number, size: number) => void,
): Promise<DownloadResult> {
  const grant = await fetchJson(
    "/api/downloads",
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) },
    downloadGrantSchema,
  );
  const hash = sha256.create();
  const chunks: Uint8Array[] = [];
  let received = 0;
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
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        hash.update(value);
        chunks.push(value);
        received += value.byteLength;
        onProgress(received, grant.size);
      }
    } catch {
      // The connection broke: the next attempt asks for the rest.
    }
  }
  const actual = `0x${bytesToHex(hash.digest())}`;
  return {
    grant,
    actual,
    verified: actual === grant.sha256 && actual === request.sha256,
    objectUrl: URL.createObjectURL(new Blob(chunks as BlobPart[], { type: "application/octet-stream" })),
  };
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
