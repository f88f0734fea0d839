import "server-only";
import type { Session } from "@tessera/auth";
import { ApiError } from "@/server/api/errors";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";

/** The signed-in account, or a 401 that says how to sign in. */
export async function requireSession(doing: string): Promise<Session> {
  const session = await currentSession(db());
  if (!session) {
    throw new ApiError(
      "UNAUTHENTICATED",
      `Sign in with your wallet to ${doing}: press "Connect wallet" at the top of the page.`,
    );
  }
  return session;
}
