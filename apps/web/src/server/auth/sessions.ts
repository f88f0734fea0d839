import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@tessera/db";
import { cookies } from "next/headers";
import { getAddress } from "viem";
import { generateSiweNonce } from "viem/siwe";
import { NONCE_TTL_MS, SESSION_TTL_MS, type Session } from "@/lib/api/auth";

// Nonces and sessions in Postgres. A session is a random token in an httpOnly cookie; the table keeps
// only the token's sha256, so a copy of the database cannot be used to act as anyone.

export const SESSION_COOKIE = "tessera_session";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueNonce(
  db: PrismaClient,
  now = new Date(),
): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = generateSiweNonce();
  const expiresAt = new Date(now.getTime() + NONCE_TTL_MS);
  // Housekeeping rides along: nonces nobody signed are useless once expired.
  await db.$transaction([
    db.authNonce.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.authNonce.create({ data: { nonce, expiresAt } }),
  ]);
  return { nonce, expiresAt };
}

/** Whether `nonce` was issued and is still unused and unexpired (a read: nothing is consumed). */
export async function nonceIsLive(db: PrismaClient, nonce: string, now = new Date()): Promise<boolean> {
  return (await db.authNonce.count({ where: { nonce, expiresAt: { gt: now } } })) === 1;
}

/**
 * Consumes the nonce and opens a session in one transaction: of two requests racing with the same
 * signed message, exactly one deletes the nonce, and only that one gets a session.
 */
export async function openSession(
  db: PrismaClient,
  {
    nonce,
    address,
    chainId,
    expirationTime,
  }: { nonce: string; address: string; chainId: number; expirationTime?: Date },
  now = new Date(),
): Promise<{ token: string; session: Session } | null> {
  const token = randomBytes(32).toString("base64url");
  const ttlEnd = now.getTime() + SESSION_TTL_MS;
  // A message that expires sooner than our session bounds the session.
  const expiresAt = new Date(Math.min(ttlEnd, expirationTime?.getTime() ?? ttlEnd));
  return db.$transaction(async (tx) => {
    const { count } = await tx.authNonce.deleteMany({ where: { nonce, expiresAt: { gt: now } } });
    if (count !== 1) return null;
    await tx.authSession.deleteMany({ where: { expiresAt: { lte: now } } });
    await tx.authSession.create({
      data: { tokenHash: hashToken(token), address: address.toLowerCase(), chainId, expiresAt },
    });
    return { token, session: { address, chainId, expiresAt: expiresAt.toISOString() } };
  });
}

/** The session named by the request's cookie, if it exists and has not expired. */
export async function currentSession(db: PrismaClient, now = new Date()): Promise<Session | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const row = await db.authSession.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.expiresAt <= now) return null;
  return { address: getAddress(row.address), chainId: row.chainId, expiresAt: row.expiresAt.toISOString() };
}

/** Deletes the session named by the cookie (signing out ends it on the server, not just here). */
export async function closeSession(db: PrismaClient): Promise<void> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (token) await db.authSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    `${SESSION_COOKIE}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export const clearedSessionCookie = (secure: boolean) =>
  [
    `${SESSION_COOKIE}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
