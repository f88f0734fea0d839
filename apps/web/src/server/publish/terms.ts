import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@tessera/db";
import type { Hex } from "viem";

// Terms documents, content-addressed: the key is the sha256 an offer records on chain.

export function termsSha256(body: string): Hex {
  return `0x${createHash("sha256").update(body, "utf8").digest("hex")}`;
}

/** Stores the document (once: the same text has the same key) and returns its hash. */
export async function saveTermsDocument(db: PrismaClient, body: string): Promise<Hex> {
  const sha256 = termsSha256(body);
  await db.termsDocument.upsert({ where: { sha256 }, create: { sha256, body }, update: {} });
  return sha256;
}

export async function findTermsDocument(db: PrismaClient, sha256: string) {
  if (!/^0x[0-9a-f]{64}$/.test(sha256)) return null;
  return db.termsDocument.findUnique({ where: { sha256 } });
}
