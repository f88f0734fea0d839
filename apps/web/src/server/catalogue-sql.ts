import { Prisma } from "@tessera/db";
import { type CatalogueQuery, PAGE_SIZE, RIGHT_BIT } from "@/lib/catalogue-query";

// The catalogue's one query, built from a validated CatalogueQuery: full-text match, filters, the sort
// key and the keyset condition, all as bound parameters (no value is ever spliced into the SQL text).
// Kept apart from the code that runs it so tests can read the SQL and the bench can run it directly.
//
// The card is joined by the URI that names it (`tessera://card/<sha256>`), written both ways so the
// planner can go from assets to cards (primary key) or from matching cards to assets
// (Asset_chainId_metadataUri_idx), whichever is cheaper for the filters at hand.

/** Where ERC-20 "tUSD" offers may live: the allowed stablecoins of the chain (from the Currency table). */
export type CurrencyAddresses = { ETH: string[]; tUSD: string[] };

const ZERO = "0x0000000000000000000000000000000000000000";

export const CARD_JOIN = Prisma.sql`c.sha256 = substr(a."metadataUri", 16) AND a."metadataUri" = 'tessera://card/' || c.sha256`;

/** A live offer: not retired and not sold out. */
const LIVE = Prisma.sql`NOT o.retired AND (o."maxLicenses" = 0 OR o.sold < o."maxLicenses")`;

export function offerConditions(query: CatalogueQuery, currencies: CurrencyAddresses): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  let mask = query.rights.reduce((bits, right) => bits | RIGHT_BIT[right], 0);
  if (query.clinical) mask |= RIGHT_BIT.clinical;
  if (mask !== 0) parts.push(Prisma.sql`(o.rights & ${mask}::int) = ${mask}::int`);
  if (query.currency) {
    const addresses = query.currency === "ETH" ? [ZERO] : currencies.tUSD;
    parts.push(
      addresses.length > 0 ? Prisma.sql`o.currency IN (${Prisma.join(addresses)})` : Prisma.sql`FALSE`,
    );
  }
  if (query.minPrice) parts.push(Prisma.sql`o.price >= ${query.minPrice}::numeric`);
  if (query.maxPrice) parts.push(Prisma.sql`o.price <= ${query.maxPrice}::numeric`);
  return parts;
}

export function tsQuery(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery('english', ${q})`;
}

/** The sort key of the computed orders (newest is ordered by its indexed column instead). */
function sortKey(query: CatalogueQuery, offerParts: Prisma.Sql[]): Prisma.Sql {
  switch (query.sort) {
    case "relevance":
      return query.q ? Prisma.sql`ts_rank(c.search, ${tsQuery(query.q)})::numeric` : Prisma.sql`0::numeric`;
    case "newest":
      return Prisma.sql`0::numeric`;
    case "licensed":
      return Prisma.sql`(SELECT count(*) FROM "License" l WHERE l."chainId" = a."chainId" AND l."assetId" = a."assetId")::numeric`;
    case "staked":
      return Prisma.sql`COALESCE((SELECT s."totalStake" FROM "AssetStake" s WHERE s."chainId" = a."chainId" AND s."assetId" = a."assetId"), 0)`;
    case "price":
      return Prisma.sql`(SELECT min(o.price) FROM "Offer" o WHERE o."chainId" = a."chainId" AND o."assetId" = a."assetId" AND ${Prisma.join(
        [LIVE, ...offerParts],
        " AND ",
      )})`;
  }
}

/** The page query: PAGE_SIZE + 1 rows (the extra one says whether there is a next page). */
export function catalogueSql(
  query: CatalogueQuery,
  chainId: number,
  currencies: CurrencyAddresses,
): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`a."chainId" = ${chainId}`];
  if (query.kind) where.push(Prisma.sql`a.kind = ${query.kind.toUpperCase()}::"AssetKind"`);
  if (query.q) where.push(Prisma.sql`c.search @@ ${tsQuery(query.q)}`);
  if (query.task) where.push(Prisma.sql`c.task = ${query.task}`);
  if (query.clinical) where.push(Prisma.sql`c."clinicalUse"`);
  const offerParts = offerConditions(query, currencies);
  if (offerParts.length > 0) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "Offer" o WHERE o."chainId" = a."chainId" AND o."assetId" = a."assetId"
      AND ${Prisma.join([LIVE, ...offerParts], " AND ")})`);
  }
  if (query.staked) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "AssetStake" s WHERE s."chainId" = a."chainId"
      AND s."assetId" = a."assetId" AND s."totalStake" > 0)`);
  }
  // Cards are joined here only to filter or rank by their text or facets.
  const cards =
    query.q || query.task || query.clinical ? Prisma.sql`JOIN "ModelCard" c ON ${CARD_JOIN}` : Prisma.empty;
  const limit = PAGE_SIZE + 1;

  if (query.sort === "newest") {
    // Walks Asset_chainId_registeredAt_idx (or the kind one) from the top: cost grows with the page, not the table.
    if (query.cursor) {
      where.push(
        Prisma.sql`(a."registeredAt", a."assetId") < (${new Date(Number(query.cursor.k))}::timestamp, ${query.cursor.id}::bigint)`,
      );
    }
    return Prisma.sql`
      SELECT a."assetId", a.kind, a."registeredAt", a."metadataUri",
             (extract(epoch FROM a."registeredAt") * 1000)::bigint::text AS key
      FROM "Asset" a ${cards}
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY a."registeredAt" DESC, a."assetId" DESC
      LIMIT ${limit}`;
  }

  const ascending = query.sort === "price";
  const outer: Prisma.Sql[] = [];
  if (query.sort === "price") outer.push(Prisma.sql`x.key IS NOT NULL`);
  if (query.cursor) {
    outer.push(
      ascending
        ? Prisma.sql`(x.key, x."assetId") > (${query.cursor.k}::numeric, ${query.cursor.id}::bigint)`
        : Prisma.sql`(x.key, x."assetId") < (${query.cursor.k}::numeric, ${query.cursor.id}::bigint)`,
    );
  }
  return Prisma.sql`
    SELECT x."assetId", x.kind, x."registeredAt", x."metadataUri", x.key::text AS key
    FROM (
      SELECT a."assetId", a.kind, a."registeredAt", a."metadataUri", ${sortKey(query, offerParts)} AS key
      FROM "Asset" a ${cards}
      WHERE ${Prisma.join(where, " AND ")}
    ) x
    ${outer.length > 0 ? Prisma.sql`WHERE ${Prisma.join(outer, " AND ")}` : Prisma.empty}
    ORDER BY ${ascending ? Prisma.sql`x.key ASC, x."assetId" ASC` : Prisma.sql`x.key DESC, x."assetId" DESC`}
    LIMIT ${limit}`;
}
