import { issueNonce } from "@tessera/auth";
import { connection } from "next/server";
import { apiRoute } from "@/server/api/route";
import { db } from "@/server/db";

/** A fresh single-use nonce for a Sign-In with Ethereum message (valid for 10 minutes). */
export const POST = apiRoute({}, async () => {
  await connection();
  const { nonce, expiresAt } = await issueNonce(db());
  return Response.json(
    { nonce, expiresAt: expiresAt.toISOString() },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
