import { Prisma } from "@tessera/db";
import { type CatalogueQuery, PAGE_SIZE, RIGHT_BIT } from "@/lib/catalogue-query";

// The catalogue's one query, built from a validated CatalogueQuery: full-text match, filters, the sort
// key and the keyset condition, all as bound parameters (no value is ever spliced into the SQL text).
// Kept apart from the code that runs it so tests can read the SQL and the bench can run it directly.
//
// It reads CatalogueEntry, the one-row-per-asset projection the indexer keeps (see prisma/schema.prisma
// and the catalogue_refresh function): the card's facets and search document, the live offers' rights
// and cheapest prices, licenses sold and stake are columns, so each order walks its own index on one
// table (newest: registeredAt; most licensed: licenses; most staked: totalStake; price: the currency's
// cheapest price) and stops after a page, and a search ranks the rows the GIN index finds.
//
// The aggregate columns answer an offer filter exactly when it is a currency and/or a maximum price
// (the currency's cheapest live offer is under the maximum). Wanted rights or a minimum price must hold
// for ONE offer together with the rest, so they add an EXISTS over the asset's offers (by its index),
// after the aggregates have ruled out every asset that cannot match.

/** Where ERC-20 "tUSD" offers may live: the allowed stablecoins of the chain (from the Currency table). */
export type CurrencyAddresses = { ETH: string[]; tUSD: string[] };

const ZERO = "0x0000000000000000000000000000000000000000";

/** A live offer: not retired and not sold out. */
const live = (o: Prisma.Sql) =>
  Prisma.sql`NOT ${o}.retired AND (${o}."maxLicenses" = 0 OR ${o}.sold < ${o}."maxLicenses")`;

/** The rights every matching offer must include (clinical use counts as a wanted right). */
function rightsMask(query: CatalogueQuery): number {
  let mask = query.rights.reduce((bits, right) => bits | RIGHT_BIT[right], 0);
  if (query.clinical) mask |= RIGHT_BIT.clinical;
  return mask;
}

/** The rights bitmask values (1..15) that include every bit of `mask`. */
function rightsValues(mask: number): number[] {
  return Array.from({ length: 15 }, (_, i) => i + 1).filter((v) => (v & mask) === mask);
}

/**
 * What one offer must satisfy: every wanted right, the currency and the price bounds. Rights are
 * matched as the list of bitmask values that include them (not `rights & mask`), so the planner
 * estimates them from the column's statistics instead of guessing.
 */
export function offerConditions(
  query: CatalogueQuery,
  currencies: CurrencyAddresses,
  o = Prisma.raw("o"),
): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [live(o)];
  const mask = rightsMask(query);
  if (mask !== 0) parts.push(Prisma.sql`${o}.rights IN (${Prisma.join(rightsValues(mask))})`);
  if (query.currency) {
    const addresses = query.currency === "ETH" ? [ZERO] : currencies.tUSD;
    parts.push(
      addresses.length > 0 ? Prisma.sql`${o}.currency IN (${Prisma.join(addresses)})` : Prisma.sql`FALSE`,
    );
  }
  if (query.minPrice) parts.push(Prisma.sql`${o}.price >= ${query.minPrice}::numeric`);
  if (query.maxPrice) parts.push(Prisma.sql`${o}.price <= ${query.maxPrice}::numeric`);
  return parts;
}

/** A tsquery prepared once per search (searchTsQuery), bound as a constant: never parsed per row. */
export function tsQuery(tsquery: string): Prisma.Sql {
  return Prisma.sql`${tsquery}::tsquery`;
}

const and = (parts: Prisma.Sql[]) => Prisma.join(parts, " AND ");

/** The entry's cheapest live price in the query's currency (any currency without one). */
function priceColumn(query: CatalogueQuery): Prisma.Sql {
  if (query.currency === "ETH") return Prisma.raw(`e."minPriceEth"`);
  if (query.currency === "tUSD") return Prisma.raw(`e."minPriceStable"`);
  return Prisma.raw(`e."minPrice"`);
}

/** Whether the entry's aggregate columns answer the offer filters exactly (no per-offer check). */
function aggregatesSuffice(query: CatalogueQuery): boolean {
  return rightsMask(query) === 0 && !query.minPrice;
}

/**
 * Conditions on the entry for the offer filters: necessary ones from its aggregate columns (some live
 * offer has each wanted right; the cheapest live price in the currency exists and is under the
 * maximum) and, when those do not suffice, the exact one: one live offer satisfies them all.
 */
function offerFilter(query: CatalogueQuery, currencies: CurrencyAddresses): Prisma.Sql[] {
  const parts = offerConditions(query, currencies);
  if (parts.length === 1) return [];
  const out: Prisma.Sql[] = [];
  const mask = rightsMask(query);
  // As a list of values (not `rights & mask`), for the same reason as the offers' rights.
  if (mask !== 0) out.push(Prisma.sql`e.rights IN (${Prisma.join(rightsValues(mask))})`);
  const price = priceColumn(query);
  if (query.currency || query.maxPrice) out.push(Prisma.sql`${price} IS NOT NULL`);
  if (query.maxPrice) out.push(Prisma.sql`${price} <= ${query.maxPrice}::numeric`);
  if (!aggregatesSuffice(query)) {
    out.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "Offer" o WHERE o."chainId" = e."chainId" AND o."assetId" = e."assetId" AND ${and(parts)})`,
    );
  }
  return out;
}

/** The entry's own facets: chain, kind, task, clinical use, staked. */
function entryFilters(query: CatalogueQuery, chainId: number): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`e."chainId" = ${chainId}`];
  if (query.kind) where.push(Prisma.sql`e.kind = ${query.kind.toUpperCase()}::"AssetKind"`);
  if (query.task) where.push(Prisma.sql`e.task = ${query.task}`);
  if (query.clinical) where.push(Prisma.sql`e."clinicalUse"`);
  if (query.staked) where.push(Prisma.sql`e.staked`);
  return where;
}

/** What the page query returns per row (besides its sort key). */
const COLUMNS = Prisma.sql`e."assetId", e.kind, e."registeredAt", e."metadataUri", e.licenses, e."totalStake"::text AS "totalStake", e."openChallenges"`;

/** The page query: PAGE_SIZE + 1 rows (the extra one says whether there is a next page). */
export function catalogueSql(
  query: CatalogueQuery,
  chainId: number,
  currencies: CurrencyAddresses,
  /** The search's tsquery (searchTsQuery), when query.q is set. */
  tsquery: string | null = null,
): Prisma.Sql {
  const words = query.q ? tsQuery(tsquery ?? "") : null;
  const limit = PAGE_SIZE + 1;
  const where = entryFilters(query, chainId);
  // Relevance matches the words tier by tier (searchGatherSql); every other order filters by them.
  if (words && query.sort !== "relevance") where.push(Prisma.sql`e.search @@ ${words}`);
  const cursor = query.cursor;
  // Going back walks the same index the other way from the cursor (the caller reverses the rows).
  const back = cursor?.b === 1;
  const desc = Prisma.raw(back ? "ASC" : "DESC");
  const asc = Prisma.raw(back ? "DESC" : "ASC");
  const before = Prisma.raw(back ? ">" : "<");
  const after = Prisma.raw(back ? "<" : ">");

  switch (query.sort) {
    case "newest": {
      const conditions = [...where, ...offerFilter(query, currencies)];
      if (cursor) {
        conditions.push(
          Prisma.sql`(e."registeredAt", e."assetId") ${before} (${new Date(Number(cursor.k))}::timestamp, ${cursor.id}::bigint)`,
        );
      }
      return Prisma.sql`
        SELECT ${COLUMNS}, (extract(epoch FROM e."registeredAt") * 1000)::bigint::text AS key
        FROM "CatalogueEntry" e
        WHERE ${and(conditions)}
        ORDER BY e."registeredAt" ${desc}, e."assetId" ${desc}
        LIMIT ${limit}`;
    }
    case "licensed":
    case "staked": {
      // Unstaked assets have totalStake 0 and follow the staked ones, newest id first, as before.
      const column = query.sort === "licensed" ? Prisma.raw("e.licenses") : Prisma.raw(`e."totalStake"`);
      // The cursor's key in the column's own type, so the row comparison is an index condition (a
      // bigint column compared with numeric would filter the index from its top instead).
      const type = Prisma.raw(query.sort === "licensed" ? "bigint" : "numeric");
      const conditions = [...where, ...offerFilter(query, currencies)];
      if (cursor) {
        conditions.push(
          Prisma.sql`(${column}, e."assetId") ${before} (${cursor.k}::numeric::${type}, ${cursor.id}::bigint)`,
        );
      }
      return Prisma.sql`
        SELECT ${COLUMNS}, ${column}::text AS key
        FROM "CatalogueEntry" e
        WHERE ${and(conditions)}
        ORDER BY ${column} ${desc}, e."assetId" ${desc}
        LIMIT ${limit}`;
    }
    case "price": {
      if (aggregatesSuffice(query)) {
        // The cheapest qualifying offer is the currency's cheapest live one: a column with an index.
        const price = priceColumn(query);
        const conditions = [...where, ...offerFilter(query, currencies), Prisma.sql`${price} IS NOT NULL`];
        if (cursor)
          conditions.push(
            Prisma.sql`(${price}, e."assetId") ${after} (${cursor.k}::numeric, ${cursor.id}::bigint)`,
          );
        return Prisma.sql`
          SELECT ${COLUMNS}, ${price}::text AS key
          FROM "CatalogueEntry" e
          WHERE ${and(conditions)}
          ORDER BY ${price} ${asc}, e."assetId" ${asc}
          LIMIT ${limit}`;
      }
      // Wanted rights or a minimum price: walk the offers by price, keeping each asset's cheapest
      // qualifying offer (no cheaper one, ties: lower offer id, qualifies), and check the asset's entry.
      const o2 = Prisma.raw("o2");
      const cheaper = Prisma.sql`NOT EXISTS (SELECT 1 FROM "Offer" o2 WHERE o2."chainId" = o."chainId" AND o2."assetId" = o."assetId"
        AND ${and(offerConditions(query, currencies, o2))}
        AND (o2.price < o.price OR (o2.price = o.price AND o2."offerId" < o."offerId")))`;
      const conditions = [
        Prisma.sql`o."chainId" = ${chainId}`,
        ...offerConditions(query, currencies),
        cheaper,
        ...where,
      ];
      if (cursor)
        conditions.push(
          Prisma.sql`(o.price, o."assetId") ${after} (${cursor.k}::numeric, ${cursor.id}::bigint)`,
        );
      return Prisma.sql`
        SELECT ${COLUMNS}, o.price::text AS key
        FROM "Offer" o JOIN "CatalogueEntry" e ON e."chainId" = o."chainId" AND e."assetId" = o."assetId"
        WHERE ${and(conditions)}
        ORDER BY o.price ${asc}, o."assetId" ${asc}
        LIMIT ${limit}`;
    }
    case "relevance":
      // Relevance takes bounded steps (searchRows in catalogue.ts); this is the first.
      return searchWalkSql(
        query,
        chainId,
        currencies,
        tsquery ?? "",
        relevanceStart(query),
        limit,
        WALK_WINDOW,
      );
  }
}

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
