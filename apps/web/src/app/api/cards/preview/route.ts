import { connection } from "next/server";
import { cardRequestSchema, MAX_CARD_BYTES } from "@/lib/publish/card-api";
import { apiRoute } from "@/server/api/route";
import { checkCard } from "@/server/publish/card-check";

/** The card as the asset page will show it, with its problems placed by line: writes nothing. */
export const POST = apiRoute(
  { body: cardRequestSchema, maxBodyBytes: MAX_CARD_BYTES + 4096 },
  async ({ body }) => {
    await connection();
    const { sha256: _sha256, ...preview } = checkCard(body.kind, body.body);
    return Response.json(preview, { headers: { "cache-control": "no-store" } });
  },
);
