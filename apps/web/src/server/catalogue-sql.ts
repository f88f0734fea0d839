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
// cheapest price) and stops after a page. Searches by relevance are built in catalogue-relevance-sql.ts.
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

export const and = (parts: Prisma.Sql[]) => Prisma.join(parts, " AND ");

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
export function offerFilter(query: CatalogueQuery, currencies: CurrencyAddresses): Prisma.Sql[] {
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
export function entryFilters(query: CatalogueQuery, chainId: number): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`e."chainId" = ${chainId}`];
  if (query.kind) where.push(Prisma.sql`e.kind = ${query.kind.toUpperCase()}::"AssetKind"`);
  if (query.task) where.push(Prisma.sql`e.task = ${query.task}`);
  if (query.clinical) where.push(Prisma.sql`e."clinicalUse"`);
  if (query.staked) where.push(Prisma.sql`e.staked`);
  return where;
}

/** What the page query returns per row (besides its sort key). */
export const COLUMNS = Prisma.sql`e."assetId", e.kind, e."registeredAt", e."metadataUri", e.licenses, e."totalStake"::text AS "totalStake", e."openChallenges"`;

/**
 * The page query of every order but relevance: PAGE_SIZE + 1 rows (the extra one says whether there
 * is a next page).
 */
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
  if (words) where.push(Prisma.sql`e.search @@ ${words}`);
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
      // Relevance takes bounded steps, several queries (searchRows in catalogue.ts).
      throw new Error("A search by relevance is built by catalogue-relevance-sql.ts, not catalogueSql");
  }
}
