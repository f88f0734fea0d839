import { Prisma } from "@tessera/db";
import type { CatalogueQuery } from "@/lib/catalogue-query";
import { and, COLUMNS, type CurrencyAddresses, entryFilters, offerFilter, tsQuery } from "./catalogue-sql";

// Relevance ("Best match") in tiers, each listed newest first:
//   3: every word is in the card's name (its A weighted text);
//   2: every word is in the name or summary (A and B), not all in the name;
//   1: the match needs the card's body.
// Ranking by ts_rank instead had to score every match before showing one (10,000 rows for "east africa
// clinics" at 100,000 assets). A tier is a condition an index answers (ts_filter of the search
// document, a GIN index each, migration catalogue_search_tiers, so no column has to be kept in sync),
// and newest-first within it can be walked along the registeredAt index, so a page of common words
// reads about as many entries as it shows.
//
// The planner cannot choose between walking and the GIN index here: it takes the words, the tiers,
// the facets and the offers as independent, so for "sepsis" among models (the bench has none) it
// expects hundreds and walks all 100,000 entries; and a GIN lookup of "clinics" (in every summary)
// reads 100,000 postings before the first row. So the caller takes bounded steps:
//   walk:   at most `window` entries along the registeredAt index, checking each row; a full page
//           found there is exact, a short one proves nothing;
//   gather: every match of a range of tiers from the GIN index (MATERIALIZED: never walked), sorted.
// Every tier is walked first and gathered only when the walk falls short, so a page costs at most the
// window plus the word's matches, never the whole catalogue.

/** A relevance tier: 3 (words in the name), 2 (in name and summary), 1 (the body is needed). */
export type SearchTier = 1 | 2 | 3;
export const BEST_TIER: SearchTier = 3;
/** How many entries a walk reads at most. */
export const WALK_WINDOW = 3000;

/** A relevance cursor's key is "<tier>.<registeredAt in ms>" (it must read as a decimal number). */
export function relevanceKey(key: string): { tier: SearchTier; ms: string } | null {
  const match = /^([123])\.(\d{1,15})$/.exec(key);
  return match ? { tier: Number(match[1]) as SearchTier, ms: match[2] as string } : null;
}

/** The tier a relevance walk starts in: the cursor's, else the best. */
export function relevanceStart(query: CatalogueQuery): SearchTier {
  return (query.cursor && relevanceKey(query.cursor.k)?.tier) || BEST_TIER;
}

/** Whether a tsquery (text form) has a "not": then name and summary alone cannot decide a match. */
function negates(tsquery: string): boolean {
  return tsquery.replace(/'(?:[^']|'')*'/g, "").includes("!");
}

/** Tiers from `low` to `high`, both included. */
export type TierRange = { low: SearchTier; high: SearchTier };

/**
 * The tsquery with every word restricted to weights (A: the name, AB: name and summary): on one row it
 * means the same as ts_filter(search, weights) @@ tsquery, without copying the document.
 */
export function weighted(tsquery: string, weights: "A" | "AB"): string {
  return tsquery.replace(
    /('(?:[^']|'')*')(:\*)?/g,
    (_, word: string, prefix?: string) => `${word}:${prefix ? "*" : ""}${weights}`,
  );
}

/**
 * The words' conditions for the entries of a range of tiers, and an expression for an entry's tier.
 * The condition that selects entries is the ts_filter expression its GIN index answers, unless the
 * caller walks; checks on a row already read use the weighted tsquery, which is cheaper.
 */
function tierParts(tsquery: string, range: TierRange, walking: boolean) {
  const words = tsQuery(tsquery);
  const whole = Prisma.sql`e.search @@ ${words}`;
  const name = Prisma.sql`e.search @@ ${tsQuery(weighted(tsquery, "A"))}`;
  const head = Prisma.sql`e.search @@ ${tsQuery(weighted(tsquery, "AB"))}`;
  const indexed = {
    3: walking ? name : Prisma.sql`ts_filter(e.search, '{a}') @@ ${words}`,
    2: walking ? head : Prisma.sql`ts_filter(e.search, '{a,b}') @@ ${words}`,
    1: whole,
  };
  // At least the low tier: the words in the name (3), in name and summary (2), anywhere (1).
  const conditions = [indexed[range.low]];
  // A "not" can only be checked on the whole document.
  if (range.low > 1 && negates(tsquery)) conditions.push(whole);
  // At most the high tier.
  if (range.high === 2) conditions.push(Prisma.sql`NOT (${name})`);
  if (range.high === 1) conditions.push(Prisma.sql`NOT (${head})`);
  const tier =
    range.low === range.high
      ? Prisma.raw(String(range.low))
      : Prisma.sql`CASE WHEN ${name} THEN 3 WHEN ${head} THEN 2 ELSE 1 END`;
  return { conditions, tier };
}

/** Where a relevance walk continues: after the cursor (going back: before it). */
function relevanceFrom(query: CatalogueQuery) {
  const at = query.cursor ? relevanceKey(query.cursor.k) : null;
  const back = query.cursor?.b === 1;
  return {
    at: at && query.cursor ? { ...at, id: query.cursor.id } : null,
    order: Prisma.raw(back ? "ASC" : "DESC"),
    beyond: Prisma.raw(back ? ">" : "<"),
  };
}

const at = (ms: string) => Prisma.sql`${new Date(Number(ms))}::timestamp`;

/**
 * Gather: up to `limit` rows of the relevance order after the cursor, best tier first, from every
 * match in a range of tiers, gathered from the GIN index and sorted.
 */
export function searchGatherSql(
  query: CatalogueQuery,
  chainId: number,
  currencies: CurrencyAddresses,
  tsquery: string,
  range: TierRange,
  limit: number,
): Prisma.Sql {
  const parts = tierParts(tsquery, range, false);
  const { at: from, order, beyond } = relevanceFrom(query);
  const conditions = [...entryFilters(query, chainId), ...offerFilter(query, currencies)];
  conditions.push(...parts.conditions);
  if (from && from.tier >= range.low && from.tier <= range.high)
    conditions.push(
      Prisma.sql`(${parts.tier}, e."registeredAt", e."assetId") ${beyond} (${from.tier}, ${at(from.ms)}, ${from.id}::bigint)`,
    );
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT ${COLUMNS}, ${parts.tier} AS tier
      FROM "CatalogueEntry" e
      WHERE ${and(conditions)}
    )
    SELECT m."assetId", m.kind, m."registeredAt", m."metadataUri", m.licenses, m."totalStake", m."openChallenges",
      m.tier || '.' || (extract(epoch FROM m."registeredAt") * 1000)::bigint::text AS key
    FROM matches m
    ORDER BY m.tier ${order}, m."registeredAt" ${order}, m."assetId" ${order}
    LIMIT ${limit}`;
}

/**
 * Walk: up to `limit` rows of `tier` after the cursor, newest first (going back: oldest first), from
 * at most `window` entries along the registeredAt index. Fewer than `limit` rows prove nothing.
 */
export function searchWalkSql(
  query: CatalogueQuery,
  chainId: number,
  currencies: CurrencyAddresses,
  tsquery: string,
  tier: SearchTier,
  limit: number,
  window: number,
): Prisma.Sql {
  const { at: from, order, beyond } = relevanceFrom(query);
  const walked = [Prisma.sql`e."chainId" = ${chainId}`];
  if (from && from.tier === tier)
    walked.push(Prisma.sql`(e."registeredAt", e."assetId") ${beyond} (${at(from.ms)}, ${from.id}::bigint)`);
  const conditions = [
    ...entryFilters(query, chainId),
    ...offerFilter(query, currencies),
    ...tierParts(tsquery, { low: tier, high: tier }, true).conditions,
  ];
  return Prisma.sql`
    SELECT ${COLUMNS}, ${`${tier}.`} || (extract(epoch FROM e."registeredAt") * 1000)::bigint::text AS key
    FROM (
      SELECT * FROM "CatalogueEntry" e
      WHERE ${and(walked)}
      ORDER BY e."registeredAt" ${order}, e."assetId" ${order}
      LIMIT ${window}
    ) e
    WHERE ${and(conditions)}
    ORDER BY e."registeredAt" ${order}, e."assetId" ${order}
    LIMIT ${limit}`;
}
