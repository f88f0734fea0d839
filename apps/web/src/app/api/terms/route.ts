import { connection } from "next/server";
import { checkOffer } from "@/lib/publish/offer";
import { termsRequestSchema } from "@/lib/publish/terms-api";
import { renderTermsDocument } from "@/lib/publish/terms-document";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { db } from "@/server/db";
import { requireSession } from "@/server/publish/require-session";
import { saveTermsDocument } from "@/server/publish/terms";

/**
 * Renders an offer's terms from the regulated-use template and stores the document; the answer's
 * sha256 is what the offer records on chain as its termsHash.
 */
export const POST = apiRoute({ body: termsRequestSchema }, async ({ body }) => {
  await connection();
  await requireSession("write license terms");
  const checked = checkOffer(body.offer);
  if (!checked.ok) {
    const errors = checked.problems.map((p) => ({ field: `body.offer.${p.field}`, message: p.message }));
    throw new ApiError("INVALID_BODY", errors[0]?.message ?? "The offer is not complete.", {
      code: "OFFER_INVALID",
      errors,
    });
  }
  const document = renderTermsDocument(checked.template, { assetName: body.assetName, offer: checked.terms });
  const sha256 = await saveTermsDocument(db(), document);
  return Response.json({ sha256, body: document }, { status: 201, headers: { "cache-control": "no-store" } });
});
