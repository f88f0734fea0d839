import { Prisma } from "@tessera/db";
import { type CatalogueQuery, PAGE_SIZE, RIGHT_BIT } from "@/lib/catalogue-query";

// The catalogue's one query, built from a validated CatalogueQuery: full-text match, filters, the sort
// key and the keyset condition, all as bound parameters (no value is ever spliced into the SQL text).
// Kept apart from the code that runs it so tests can read the SQL and the bench can run it directly.
//
// Each order walks an index from its top so the cost grows with the page, not the catalogue: newest
// walks Asset by registeredAt; most staked walks AssetStake by totalStake (then unstaked assets by id);
// lowest price walks Offer by (currency, price), keeping each asset's cheapest qualifying offer; best
// match ranks the cards the GIN index finds. Most licensed sums Offer.sold per asset (no per-asset
// counter exists in the projections), so it is the one order that reads every offer.
//
// Cards are joined by the URI that names them (`tessera://card/<sha256>`): from a search's matching
// cards to their assets through Asset_chainId_metadataUri_idx, or from assets to cards by primary key.

/** Where ERC-20 "tUSD" offers may live: the allowed stablecoins of the chain (from the Currency table). */
export type CurrencyAddresses = { ETH: string[]; tUSD: string[] };

const ZERO = "0x0000000000000000000000000000000000000000";

/** A live offer: not retired and not sold out. */
const live = (o: Prisma.Sql) =>
  Prisma.sql`NOT ${o}.retired AND (${o}."maxLicenses" = 0 OR ${o}.sold < ${o}."maxLicenses")`;

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
  let mask = query.rights.reduce((bits, right) => bits | RIGHT_BIT[right], 0);
  if (query.clinical) mask |= RIGHT_BIT.clinical;
  if (mask !== 0) {
    const values = Array.from({ length: 15 }, (_, i) => i + 1).filter((v) => (v & mask) === mask);
    parts.push(Prisma.sql`${o}.rights IN (${Prisma.join(values)})`);
  }
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

export function tsQuery(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${q})`;
}

const and = (parts: Prisma.Sql[]) => Prisma.join(parts, " AND ");
const COLUMNS = Prisma.sql`a."assetId", a.kind, a."registeredAt", a."metadataUri"`;

/** The page query: PAGE_SIZE + 1 rows (the extra one says whether there is a next page). */
export function catalogueSql(
  query: CatalogueQuery,
  chainId: number,
  currencies: CurrencyAddresses,
): Prisma.Sql {
  const limit = PAGE_SIZE + 1;
  const where: Prisma.Sql[] = [Prisma.sql`a."chainId" = ${chainId}`];
  if (query.kind) where.push(Prisma.sql`a.kind = ${query.kind.toUpperCase()}::"AssetKind"`);
  if (query.q) where.push(Prisma.sql`c.search @@ ${tsQuery(query.q)}`);
  if (query.task) where.push(Prisma.sql`c.task = ${query.task}`);
  if (query.clinical) where.push(Prisma.sql`c."clinicalUse"`);
  const offerParts = offerConditions(query, currencies);
  const filtersOffers = offerParts.length > 1;
  const offerExists = Prisma.sql`EXISTS (SELECT 1 FROM "Offer" o WHERE o."chainId" = a."chainId" AND o."assetId" = a."assetId" AND ${and(offerParts)})`;
  const staked = Prisma.sql`EXISTS (SELECT 1 FROM "AssetStake" s WHERE s."chainId" = a."chainId" AND s."assetId" = a."assetId" AND s."totalStake" > 0)`;
  if (query.staked) where.push(staked);
  // Ranking starts from the cards the GIN index finds and looks their assets up by URI; every other
  // order walks its own index and checks each asset's card by primary key. At 100k assets that makes a
  // common word sorted by newest fast (~30 ms instead of ~900 ms for a 5% term) but a rare one slow
  // (it reads most assets before 25 match: ~2 s under load); see bench-results.json.
  const cards =
    query.q && query.sort === "relevance"
      ? Prisma.sql`JOIN "ModelCard" c ON a."metadataUri" = 'tessera://card/' || c.sha256`
      : query.q || query.task || query.clinical
        ? Prisma.sql`JOIN "ModelCard" c ON c.sha256 = substr(a."metadataUri", 16)`
        : Prisma.empty;
  const cursor = query.cursor;

  switch (query.sort) {
    case "newest": {
      const conditions = [...where, ...(filtersOffers ? [offerExists] : [])];
      if (cursor) {
        conditions.push(
          Prisma.sql`(a."registeredAt", a."assetId") < (${new Date(Number(cursor.k))}::timestamp, ${cursor.id}::bigint)`,
        );
      }
      return Prisma.sql`
        SELECT ${COLUMNS}, (extract(epoch FROM a."registeredAt") * 1000)::bigint::text AS key
        FROM "Asset" a ${cards}
        WHERE ${and(conditions)}
        ORDER BY a."registeredAt" DESC, a."assetId" DESC
        LIMIT ${limit}`;
    }
    case "staked": {
      const conditions = [...where, ...(filtersOffers ? [offerExists] : [])];
      const withStake = [...conditions, Prisma.sql`s."totalStake" > 0`];
      if (cursor && cursor.k !== "0") {
        withStake.push(
          Prisma.sql`(s."totalStake", s."assetId") < (${cursor.k}::numeric, ${cursor.id}::bigint)`,
        );
      }
      const withoutStake = [...conditions, Prisma.sql`NOT ${staked}`];
      if (cursor && cursor.k === "0") withoutStake.push(Prisma.sql`a."assetId" < ${cursor.id}::bigint`);
      const first = Prisma.sql`(SELECT ${COLUMNS}, s."totalStake"::text AS key
          FROM "AssetStake" s JOIN "Asset" a ON a."chainId" = s."chainId" AND a."assetId" = s."assetId" ${cards}
          WHERE s."chainId" = ${chainId} AND ${and(withStake)}
          ORDER BY s."totalStake" DESC, s."assetId" DESC LIMIT ${limit})`;
      const rest = Prisma.sql`(SELECT ${COLUMNS}, '0' AS key FROM "Asset" a ${cards}
          WHERE ${and(withoutStake)} ORDER BY a."assetId" DESC LIMIT ${limit})`;
      if (query.staked) return first;
      if (cursor && cursor.k === "0") return rest;
      return Prisma.sql`${first} UNION ALL ${rest} LIMIT ${limit}`;
    }
    case "price": {
      // Each asset's cheapest qualifying offer: no cheaper one (ties: lower offer id) qualifies.
      const o2 = Prisma.raw("o2");
      const cheaper = Prisma.sql`NOT EXISTS (SELECT 1 FROM "Offer" o2 WHERE o2."chainId" = o."chainId" AND o2."assetId" = o."assetId"
        AND ${and(offerConditions(query, currencies, o2))}
        AND (o2.price < o.price OR (o2.price = o.price AND o2."offerId" < o."offerId")))`;
      const conditions = [Prisma.sql`o."chainId" = ${chainId}`, ...offerParts, cheaper, ...where];
      if (cursor)
        conditions.push(Prisma.sql`(o.price, o."assetId") > (${cursor.k}::numeric, ${cursor.id}::bigint)`);
      return Prisma.sql`
        SELECT ${COLUMNS}, o.price::text AS key
        FROM "Offer" o JOIN "Asset" a ON a."chainId" = o."chainId" AND a."assetId" = o."assetId" ${cards}
        WHERE ${and(conditions)}
        ORDER BY o.price ASC, o."assetId" ASC
        LIMIT ${limit}`;
    }
    case "licensed":
    case "relevance": {
      const conditions = [...where, ...(filtersOffers ? [offerExists] : [])];
      const key =
        query.sort === "relevance"
          ? query.q
            ? Prisma.sql`ts_rank(c.search, ${tsQuery(query.q)})::numeric`
            : Prisma.sql`0::numeric`
          : Prisma.sql`COALESCE(l.sold, 0)`;
      const licensed =
        query.sort === "licensed"
          ? Prisma.sql`LEFT JOIN (SELECT "assetId", sum(sold) AS sold FROM "Offer" WHERE "chainId" = ${chainId} GROUP BY "assetId") l
              ON l."assetId" = a."assetId"`
          : Prisma.empty;
      const outer = cursor
        ? Prisma.sql`WHERE (x.key, x."assetId") < (${cursor.k}::numeric, ${cursor.id}::bigint)`
        : Prisma.empty;
      return Prisma.sql`
        SELECT x."assetId", x.kind, x."registeredAt", x."metadataUri", x.key::text AS key
        FROM (
          SELECT ${COLUMNS}, ${key} AS key
          FROM "Asset" a ${cards} ${licensed}
          WHERE ${and(conditions)}
        ) x
        ${outer}
        ORDER BY x.key DESC, x."assetId" DESC
        LIMIT ${limit}`;
    }
  }
}
