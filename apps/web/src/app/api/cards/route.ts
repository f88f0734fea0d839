import { saveModelCard } from "@tessera/db";
import { connection } from "next/server";
import { cardUri } from "@/lib/card-uri";
import { cardRequestSchema, describeCardProblem, MAX_CARD_BYTES } from "@/lib/publish/card-api";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { db } from "@/server/db";
import { checkCard } from "@/server/publish/card-check";
import { requireSession } from "@/server/publish/require-session";

/**
 * Stores a card before its asset is registered: the registration's metadata URI names it by hash.
 * A card with errors is refused whole; storing the same text twice is harmless (same hash).
 */
export const POST = apiRoute(
  { body: cardRequestSchema, maxBodyBytes: MAX_CARD_BYTES + 4096 },
  async ({ body }) => {
    await connection();
    await requireSession("publish a card");
    const card = checkCard(body.kind, body.body);
    if (card.errors.length > 0 || !card.name) {
      const errors = card.errors.map((problem) => ({
        field: "body.body",
        message: describeCardProblem(problem),
      }));
      throw new ApiError("INVALID_BODY", errors[0]?.message ?? "The card cannot be saved as it is.", {
        code: "CARD_INVALID",
        errors,
      });
    }
    const hex = card.sha256.slice(2);
    await saveModelCard(db(), { sha256: hex, name: card.name, summary: card.summary, body: body.body });
    return Response.json(
      { sha256: card.sha256, metadataURI: cardUri(hex), name: card.name },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
);
