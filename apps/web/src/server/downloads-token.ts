import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { serverEnv } from "./env";

// A download link's token: `<id>.<expiry>.<mac>`, where the MAC (HMAC-SHA256) covers the id, the
// expiry and what the link is bound to (license, artifact sha256, account). A forged or altered
// token fails here, before any database or chain read; the id names the DownloadGrant row that makes
// the link single-use.

export type LinkClaims = {
  id: string;
  licenseId: string;
  sha256: string;
  account: string;
  expiresAt: number;
};

const globalForKey = globalThis as typeof globalThis & { __tesseraDownloadKey?: Buffer };

function key(): Buffer {
  const configured = serverEnv().TESSERA_DOWNLOAD_SECRET;
  if (configured) return Buffer.from(configured, "utf8");
  // Links live minutes; a key that changes on restart only ends the links open at that moment.
  globalForKey.__tesseraDownloadKey ??= randomBytes(32);
  return globalForKey.__tesseraDownloadKey;
}

function mac(c: Omit<LinkClaims, "id"> & { id: string }): Buffer {
  return createHmac("sha256", key())
    .update([c.id, c.expiresAt, c.licenseId, c.sha256, c.account.toLowerCase()].join("\n"))
    .digest();
}

export function newLinkId(): string {
  return randomBytes(16).toString("base64url");
}

export function signLink(claims: LinkClaims): string {
  return `${claims.id}.${claims.expiresAt}.${mac(claims).toString("base64url")}`;
}

/** The token's id and expiry when its MAC matches `bound`; null for anything forged or malformed. */
export function verifyLink(
  token: string,
  bound: { licenseId: string; sha256: string; account: string },
): { id: string; expiresAt: number } | null {
  const match = /^([A-Za-z0-9_-]{22})\.(\d{10,13})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id = "", expiry = "", given = ""] = match;
  const expiresAt = Number(expiry);
  const expected = mac({ id, expiresAt, ...bound });
  const actual = Buffer.from(given, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? { id, expiresAt } : null;
}

/** The id part of a token, to find its grant (the grant then supplies what the MAC must cover). */
export function linkId(token: string): string | null {
  return /^([A-Za-z0-9_-]{22})\./.exec(token)?.[1] ?? null;
}
