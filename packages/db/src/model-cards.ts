// Writing model cards: the card, its full-text document and its facets in one statement. The document
// is a tsvector column Prisma cannot write (nor generate: its migration engine cannot carry a trigger
// or a generated column), and the facets (task, regulatory status, clinical use) are read
// from the card's own front matter, so every card write goes through here and they never disagree.
import { cardFacets, splitCard } from "./card-front-matter.ts";
import { refreshCatalogueEntriesForCard } from "./catalogue-entries.ts";
import type { PrismaClient } from "./generated/client.ts";

/** `body` is the card file as stored (front matter + Markdown); the facets are parsed from it. */
export type ModelCardInput = { sha256: string; name: string; summary: string; body: string };

const DOCUMENT = `setweight(to_tsvector('english', $2), 'A') || setweight(to_tsvector('english', $3), 'B') ||
  setweight(to_tsvector('english', $5), 'C')`;

/**
 * Creates the card, or rewrites its text, document and facets if a card with this hash exists; in the
 * same transaction, the catalogue entries of the assets that name the card take its facets and document.
 */
export async function saveModelCard(db: PrismaClient, card: ModelCardInput): Promise<void> {
  const { meta, markdown } = splitCard(card.body);
  const facets = cardFacets(meta);
  // The body's weight-C document is what a reader sees: the Markdown and the clinical fields, not the
  // YAML's keys (a card naming its parent datasets must not rank as if it were one of them).
  const readable = [
    markdown,
    meta.intended_use,
    meta.population,
    meta.evaluation,
    meta.limitations,
    meta.tags?.join(" "),
  ]
    .filter(Boolean)
    .join("\n");
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO "ModelCard" (sha256, name, summary, body, search, task, "regulatoryStatus", "clinicalUse")
     VALUES ($1, $2, $3, $4, ${DOCUMENT}, $6, $7, $8)
     ON CONFLICT (sha256) DO UPDATE SET name = EXCLUDED.name, summary = EXCLUDED.summary,
       body = EXCLUDED.body, search = EXCLUDED.search, task = EXCLUDED.task,
       "regulatoryStatus" = EXCLUDED."regulatoryStatus", "clinicalUse" = EXCLUDED."clinicalUse"`,
      card.sha256,
      card.name,
      card.summary,
      card.body,
      readable,
      facets.task,
      facets.regulatoryStatus,
      facets.clinicalUse,
    );
    await refreshCatalogueEntriesForCard(tx, card.sha256);
  });
}
