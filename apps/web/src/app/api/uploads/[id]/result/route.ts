import { connection } from "next/server";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { findOwnUpload, resultOf } from "@/server/storage-uploads";
import { uploadIdSchema } from "@/upload/api";

/** The sha256 an upload produced, for the account that made it: { uploadId, fileName, size, sha256 }. */
export const GET = apiRoute({}, async ({ request }) => {
  await connection();
  const session = await currentSession(db());
  if (!session) throw new ApiError("UNAUTHENTICATED", "Sign in to see your uploads.");
  const id = uploadIdSchema.safeParse(new URL(request.url).pathname.split("/").at(-2));
  if (!id.success) throw new ApiError("NOT_FOUND", "There is no upload with this id in your account.");
  const row = await findOwnUpload(id.data, session.address.toLowerCase());
  return Response.json(resultOf(row), { headers: { "cache-control": "no-store" } });
});
