import { BlobStoreError } from "@tessera/storage";
import { connection } from "next/server";
import { sha256Schema } from "@/lib/api/evidence";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { blobStore } from "@/server/storage";

/** Anyone may read a challenge's evidence: the asset page links it beside the open challenge. */
export async function GET(request: Request, { params }: { params: Promise<{ sha256: string }> }) {
  const { sha256 } = await params;
  return apiRoute({}, async () => {
    await connection();
    const parsed = sha256Schema.safeParse(sha256.toLowerCase());
    if (!parsed.success) throw new ApiError("NOT_FOUND", "No evidence has that hash. Check the link.");
    try {
      const store = await blobStore();
      const stat = await store.stat(parsed.data);
      if (!stat) throw new ApiError("NOT_FOUND", "No evidence with this hash was uploaded to Tessera.");
      const stream = await store.read(parsed.data);
      return new Response(stream as ReadableStream, {
        headers: {
          "content-type": "application/octet-stream",
          "content-disposition": `attachment; filename="evidence-${parsed.data.slice(2, 10)}"`,
          "content-length": String(stat.size),
          "cache-control": "public, max-age=31536000, immutable",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (error) {
      if (error instanceof BlobStoreError && error.code === "NOT_FOUND") {
        throw new ApiError("NOT_FOUND", "No evidence with this hash was uploaded to Tessera.");
      }
      throw error;
    }
  })(request);
}
