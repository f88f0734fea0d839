import { SignInError, signIn } from "@tessera/auth";
import { connection } from "next/server";
import { signInRequestSchema } from "@/lib/api/auth";
import { ApiError } from "@/server/api/errors";
import { siteOf } from "@/server/api/origin";
import { apiRoute } from "@/server/api/route";
import {
  clearedSessionCookie,
  currentSession,
  endCurrentSession,
  sessionCookie,
} from "@/server/auth/sessions";
import { chainClient } from "@/server/chain";
import { db } from "@/server/db";

const noStore = { "cache-control": "no-store" };

/** Who is signed in on this browser: `{ session: null }` when nobody is. */
export const GET = apiRoute({}, async () => {
  await connection();
  return Response.json({ session: await currentSession(db()) }, { headers: noStore });
});

/** Sign in: a signed EIP-4361 message opens a session (httpOnly cookie). */
export const POST = apiRoute(
  { body: signInRequestSchema, maxBodyBytes: 16 * 1024 },
  async ({ request, body }) => {
    await connection();
    const site = siteOf(request);
    const chain = chainClient();
    try {
      const { token, session } = await signIn({ db: db(), chain }, body, {
        domain: site.host,
        origin: site.origin,
        chainId: chain.chain?.id ?? 0,
        chainName: chain.chain?.name ?? "the configured chain",
        now: new Date(),
      });
      return Response.json(
        { session },
        {
          headers: {
            ...noStore,
            "set-cookie": sessionCookie(token, new Date(session.expiresAt), site.secure),
          },
        },
      );
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      throw new ApiError(error.retryable ? "UPSTREAM_UNAVAILABLE" : "UNAUTHENTICATED", error.message, {
        code: error.code,
        cause: error,
      });
    }
  },
);

/** Sign out: deletes the session on the server and clears the cookie. */
export const DELETE = apiRoute({}, async ({ request }) => {
  await connection();
  await endCurrentSession(db());
  return Response.json(
    { session: null },
    { headers: { ...noStore, "set-cookie": clearedSessionCookie(siteOf(request).secure) } },
  );
});
