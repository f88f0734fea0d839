import "server-only";
import type { PrismaClient } from "@tessera/db";

// What a visitor typed in the catalogue's search box, turned once into a tsquery (Postgres' text form),
// which the page query and the snippets then use as a constant. Parsing it inside the page query made
// Postgres parse it again for every matching row it ranked (websearch_to_tsquery is only "stable"),
// which cost more than the ranking itself; as a constant, the planner also estimates matches from the
// column's statistics.

/**
 * The tsquery for `q` (websearch syntax: words, "phrases", or, -not), in Postgres' text form, with
 * hyphenated words simplified (see dropCompoundParts). Empty when `q` holds no searchable word.
 */
export async function searchTsQuery(db: PrismaClient, q: string): Promise<string> {
  const rows = await db.$queryRaw<Array<{ tsquery: string }>>`
    SELECT websearch_to_tsquery('english', ${q})::text AS tsquery`;
  return dropCompoundParts(rows[0]?.tsquery ?? "");
}

// A quoted lexeme in a tsquery's text form ('' stands for a quote inside it).
const LEXEME = "'(?:[^']|'')*'";
// A hyphenated lexeme (not one that starts with a hyphen, like '-19'), then the phrase of its parts.
const COMPOUND = new RegExp(
  `'((?:[^'-]|'')(?:[^']|'')*-(?:[^']|'')*)'((?: <(?:-|\\d+)> ${LEXEME})+)(?! <)`,
  "g",
);
const STEP = new RegExp(` <(-|\\d+)> ${LEXEME}`, "g");

/**
 * Postgres reads "x-ray" as the phrase 'x-ray' <-> 'x' <-> 'ray': the hyphenated word followed by its
 * parts. A document's vector always holds the parts right after the hyphenated word (the parser emits
 * both), so the hyphenated word alone matches exactly the same documents. Without the phrase the GIN
 * index answers the match by itself, instead of Postgres re-checking the positions of every row it
 * finds. Only the parts are dropped: when the phrase goes on past them (a quoted "x-ray chest"), it is
 * left as it is.
 */
export function dropCompoundParts(tsquery: string): string {
  return tsquery.replace(COMPOUND, (whole, compound: string, steps: string) => {
    const parts = compound.split("-").length;
    let offset = 0;
    for (const step of steps.matchAll(STEP)) offset += step[1] === "-" ? 1 : Number(step[1]);
    return offset <= parts ? `'${compound}'` : whole;
  });
}
