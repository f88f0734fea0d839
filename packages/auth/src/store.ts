// Nonces and sessions in Postgres. A session is a random token the browser keeps (in an httpOnly
// cookie); the table keeps only the token's sha256, so a copy of the database cannot act as anyone.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@tessera/db";
import { getAddress } from "viem";
import { generateSiweNonce } from "viem/siwe";
import { NONCE_TTL_MS, SESSION_TTL_MS } from "./constants.ts";

export type Session = { address: string; chainId: number; expiresAt: string };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

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
  grant: { nonce: string; address: string; chainId: number; expirationTime?: Date },
  now = new Date(),
): Promise<{ token: string; session: Session } | null> {
  const token = randomBytes(32).toString("base64url");
  const ttlEnd = now.getTime() + SESSION_TTL_MS;
  // A message that expires sooner than our session bounds the session.
  const expiresAt = new Date(Math.min(ttlEnd, grant.expirationTime?.getTime() ?? ttlEnd));
  return db.$transaction(async (tx) => {
    const { count } = await tx.authNonce.deleteMany({
      where: { nonce: grant.nonce, expiresAt: { gt: now } },
    });
    if (count !== 1) return null;
    await tx.authSession.deleteMany({ where: { expiresAt: { lte: now } } });
    await tx.authSession.create({
      data: {
        tokenHash: hashToken(token),
        address: grant.address.toLowerCase(),
        chainId: grant.chainId,
        expiresAt,
      },
    });
    const session = {
      address: getAddress(grant.address),
      chainId: grant.chainId,
      expiresAt: expiresAt.toISOString(),
    };
    return { token, session };
  });
}

/** The session a token names, if it exists and has not expired. */
export async function findSession(
  db: PrismaClient,
  token: string,
  now = new Date(),
): Promise<Session | null> {
  const row = await db.authSession.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.expiresAt <= now) return null;
  return { address: getAddress(row.address), chainId: row.chainId, expiresAt: row.expiresAt.toISOString() };
}

/** Ends the session a token names (signing out ends it on the server, not just in the browser). */
export async function closeSession(db: PrismaClient, token: string): Promise<void> {
  await db.authSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}
