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
  // Relevance matches the words tier by tier (searchTierSql); every other order filters by them.
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
      // Relevance is walked tier by tier (searchTierSql); this is the walk's first query.
      return searchTierSql(
        query,
        chainId,
        currencies,
        tsquery ?? "",
        limit,
        relevanceStart(query) === 2 ? WALK_WINDOW : null,
      );
  }
}

// Relevance ("Best match") in tiers, each walked newest first:
//   2: every word is in the card's name or summary (its A and B weighted text), the words a card
//      leads with: a search's best matches, and usually most of them;
//   1: the match needs the card's body.
// Ranking by ts_rank instead had to score every match before showing one (10,000 rows for "east africa
// clinics" at 100,000 assets). A tier is a condition that can be checked while walking the registeredAt
// index, so a page of common words reads about as many entries as it shows. The name-and-summary
// vector is an expression, ts_filter(search, '{a,b}'), with a GIN index of its own (migration
// catalogue_search_tiers), so no column has to be kept in sync.
//
// Walking the index is only quick when matches are common among the entries walked, and the planner
// cannot tell: it takes the words, the facets and the offers as independent, so for "sepsis" among
// models (the bench has none) it expects hundreds and walks all 100,000 entries. So a walk reads at
// most WALK_WINDOW entries (a bounded subquery), and when that does not fill the page, the tier's
// matches are gathered from the GIN index (MATERIALIZED: never walked) and sorted. Either way a page
// costs at most the window plus the word's matches, never the whole catalogue.

/** A relevance tier: 2 (words in name or summary), then 1 (words need the body). */
export type SearchTier = 1 | 2;
export const BEST_TIER: SearchTier = 2;
/** How many entries a walk reads at most before the tier is gathered from the GIN index instead. */
export const WALK_WINDOW = 2000;

/** A relevance cursor's key is "<tier>.<registeredAt in ms>" (it must read as a decimal number). */
export function relevanceKey(key: string): { tier: SearchTier; ms: string } | null {
  const match = /^([12])\.(\d{1,15})$/.exec(key);
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

/**
 * Up to `limit` rows of a relevance walk from the cursor, best tier first and newest first within a
 * tier (going back: the reverse). With a `window`: only tier 2, reading at most that many entries along
 * the registeredAt index (fewer rows than `limit` then proves nothing); without: every match of both
 * tiers, gathered from the GIN index and sorted.
 */
export function searchTierSql(
  query: CatalogueQuery,
  chainId: number,
  currencies: CurrencyAddresses,
  tsquery: string,
  limit: number,
  window: number | null,
): Prisma.Sql {
  const words = tsQuery(tsquery);
  const head = Prisma.sql`ts_filter(e.search, '{a,b}') @@ ${words}`;
  const conditions = [...entryFilters(query, chainId), ...offerFilter(query, currencies)];
  const back = query.cursor?.b === 1;
  const at = query.cursor ? relevanceKey(query.cursor.k) : null;
  const from = at && query.cursor ? { ...at, id: query.cursor.id } : null;
  const order = Prisma.raw(back ? "ASC" : "DESC");
  const beyond = Prisma.raw(back ? ">" : "<");
  const time = (ms: string) => Prisma.sql`${new Date(Number(ms))}::timestamp`;
  if (window !== null) {
    // Tier 2 alone: with a cursor in tier 1, the caller never walks.
    conditions.push(head);
    if (negates(tsquery)) conditions.push(Prisma.sql`e.search @@ ${words}`);
    const walked = [Prisma.sql`e."chainId" = ${chainId}`];
    if (from)
      walked.push(
        Prisma.sql`(e."registeredAt", e."assetId") ${beyond} (${time(from.ms)}, ${from.id}::bigint)`,
      );
    return Prisma.sql`
      SELECT ${COLUMNS}, ${"2."} || (extract(epoch FROM e."registeredAt") * 1000)::bigint::text AS key
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
  conditions.push(Prisma.sql`e.search @@ ${words}`);
  const after = from
    ? Prisma.sql`WHERE (m.tier, m."registeredAt", m."assetId") ${beyond} (${from.tier}, ${time(from.ms)}, ${from.id}::bigint)`
    : Prisma.empty;
  return Prisma.sql`
    WITH matches AS MATERIALIZED (
      SELECT ${COLUMNS}, CASE WHEN ${head} THEN 2 ELSE 1 END AS tier
      FROM "CatalogueEntry" e
      WHERE ${and(conditions)}
    )
    SELECT m."assetId", m.kind, m."registeredAt", m."metadataUri", m.licenses, m."totalStake", m."openChallenges",
      m.tier || '.' || (extract(epoch FROM m."registeredAt") * 1000)::bigint::text AS key
    FROM matches m
    ${after}
    ORDER BY m.tier ${order}, m."registeredAt" ${order}, m."assetId" ${order}
    LIMIT ${limit}`;
}
