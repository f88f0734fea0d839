import "server-only";
import { closeSession, findSession, type Session } from "@tessera/auth";
import type { PrismaClient } from "@tessera/db";
import { cookies } from "next/headers";

// The session cookie: an httpOnly, SameSite=Lax token (Secure under https) naming a row that
// @tessera/auth keeps in Postgres.

export const SESSION_COOKIE = "tessera_session";

/** The session named by the request's cookie, if it exists and has not expired. */
export async function currentSession(db: PrismaClient): Promise<Session | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? findSession(db, token) : null;
}

/**
 * The same, from a raw Cookie header: for the Node request handlers that stream bytes (pages/api),
 * where next/headers has no request to read.
 */
export async function sessionFromCookieHeader(
  db: PrismaClient,
  header: string | undefined,
): Promise<Session | null> {
  const token = cookieValue(header, SESSION_COOKIE);
  return token ? findSession(db, token) : null;
}

/** One cookie's value from a Cookie header ("a=1; b=2"), percent-decoded as browsers send it. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const value = part.slice(at + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** Deletes the session named by the cookie. */
export async function endCurrentSession(db: PrismaClient): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await closeSession(db, token);
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return cookie(`${SESSION_COOKIE}=${token}`, maxAge, secure);
}

export const clearedSessionCookie = (secure: boolean) => cookie(`${SESSION_COOKIE}=`, 0, secure);

function cookie(pair: string, maxAge: number, secure: boolean): string {
  return [
    pair,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
