// Writing model cards: the card and its full-text document in one statement. The document is a
// tsvector column Prisma cannot write (nor generate: its migration engine cannot carry a trigger or
// a generated column), so every card write goes through here.
import type { PrismaClient } from "./generated/client.ts";

export type ModelCardInput = { sha256: string; name: string; summary: string; body: string };

const DOCUMENT = `setweight(to_tsvector('english', $2), 'A') || setweight(to_tsvector('english', $3), 'B') ||
  setweight(to_tsvector('english', $4), 'C')`;

/** Creates the card, or rewrites its text and document if a card with this hash exists. */
export async function saveModelCard(db: PrismaClient, card: ModelCardInput): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "ModelCard" (sha256, name, summary, body, search) VALUES ($1, $2, $3, $4, ${DOCUMENT})
     ON CONFLICT (sha256) DO UPDATE SET name = EXCLUDED.name, summary = EXCLUDED.summary,
       body = EXCLUDED.body, search = EXCLUDED.search`,
    card.sha256,
    card.name,
    card.summary,
    card.body,
  );
}
