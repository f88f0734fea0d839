import { BlobStoreError } from "@tessera/storage";
import { connection } from "next/server";
import { EVIDENCE_MAX_BYTES, evidenceQuerySchema } from "@/lib/api/evidence";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { requireSession } from "@/server/publish/require-session";
import { blobStore } from "@/server/storage";

/**
 * Stores a challenge's evidence document in the blob store under its sha256, the hash the challenge
 * records on chain (evidenceHash). The browser sends the hash it computed: bytes that hash to
 * anything else are refused and nothing is stored.
 */
export const POST = apiRoute({ query: evidenceQuerySchema }, async ({ request, query }) => {
  await connection();
  await requireSession("attach evidence to a challenge");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > EVIDENCE_MAX_BYTES) throw tooLarge();
  if (!request.body)
    throw new ApiError("INVALID_BODY", "Attach the evidence document: the request had no body.");
  try {
    const store = await blobStore();
    const { sha256, size } = await store.put(request.body, {
      maxBytes: EVIDENCE_MAX_BYTES,
      expectedSha256: query.sha256,
    });
    if (size === 0)
      throw new ApiError("INVALID_BODY", "The evidence document is empty. Attach a document with content.");
    return Response.json({ sha256, size }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof BlobStoreError && error.code === "TOO_LARGE") throw tooLarge();
    if (error instanceof BlobStoreError && error.code === "HASH_MISMATCH") {
      throw new ApiError(
        "INVALID_BODY",
        "The document that arrived is not the one whose hash was given (it changed or was cut off). Attach it again.",
        { code: "EVIDENCE_HASH_MISMATCH" },
      );
    }
    throw error;
  }
});

const tooLarge = () =>
  new ApiError(
    "PAYLOAD_TOO_LARGE",
    `The evidence document is larger than ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB. Attach a smaller file, such as a PDF of the key pages.`,
  );
