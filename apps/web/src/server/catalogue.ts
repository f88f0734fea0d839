import "server-only";
import { type AssetKind, Prisma, type PrismaClient } from "@tessera/db";
import { type AssetRow, type AssetView, toAssetViews } from "@/lib/asset-view";
import { parseCardUri } from "@/lib/card-uri";
import { type CatalogueQuery, encodeCursor, PAGE_SIZE } from "@/lib/catalogue-query";
import { type OfferPrice, pricesFromRows } from "@/lib/money";
import {
  relevanceStart,
  type SearchTier,
  searchGatherSql,
  searchWalkSql,
  WALK_WINDOW,
} from "./catalogue-relevance-sql";
import { searchTsQuery } from "./catalogue-search";
import { type CurrencyAddresses, catalogueSql, tsQuery } from "./catalogue-sql";

// Runs the catalogue query for /explore and gathers what each card on the page shows: its card's
// name and summary, a highlighted snippet when searching, its cheapest offers, licenses and stake.

export type CatalogueItem = AssetView & {
  task: string | null;
  clinicalUse: boolean;
  regulatoryStatus: string | null;
  /** Parts of the matching text; odd indexes are the words that matched. */
  snippet: string[] | null;
  prices: OfferPrice[];
  licenses: number;
  totalStake: string;
  openChallenges: number;
};

/** A page and the cursors of its neighbours (null: there is none that way). */
export type CataloguePage = { items: CatalogueItem[]; nextCursor: string | null; prevCursor: string | null };

type PageRow = {
  assetId: bigint;
  kind: AssetKind;
  registeredAt: Date;
  metadataUri: string;
  licenses: bigint;
  totalStake: string;
  openChallenges: number;
  key: string;
};

/** The chain's allowed stablecoins (tUSD) and ETH's zero address. */
export async function currencyAddresses(db: PrismaClient, chainId: number): Promise<CurrencyAddresses> {
  const rows = await db.currency.findMany({ where: { chainId, allowed: true }, select: { address: true } });
  return { ETH: ["0x0000000000000000000000000000000000000000"], tUSD: rows.map((row) => row.address) };
}

export async function queryCatalogue(
  db: PrismaClient,
  chainId: number,
  query: CatalogueQuery,
  currencies: CurrencyAddresses,
): Promise<CataloguePage> {
  const words = query.q ? await searchTsQuery(db, query.q) : null;
  return pageOf(db, chainId, query, currencies, words);
}

async function pageOf(
  db: PrismaClient,
  chainId: number,
  query: CatalogueQuery,
  currencies: CurrencyAddresses,
  words: string | null,
): Promise<CataloguePage> {
  const rows =
    query.sort === "relevance" && words !== null
      ? await searchRows(db, chainId, query, currencies, words)
      : await db.$queryRaw<PageRow[]>(catalogueSql(query, chainId, currencies, words));
  // The extra row says there is more in the direction walked: forward, a next page; back, a previous.
  const back = query.cursor?.b === 1;
  // Back past the start (items were added, or the cursor was not a page boundary): the first page.
  if (back && rows.length < PAGE_SIZE)
    return pageOf(db, chainId, { ...query, cursor: null }, currencies, words);
  const more = rows.length > PAGE_SIZE;
  const page = back ? rows.slice(0, PAGE_SIZE).reverse() : rows.slice(0, PAGE_SIZE);
  const first = page.at(0);
  const last = page.at(-1);
  const nextCursor =
    (back || more) && last ? encodeCursor({ s: query.sort, k: last.key, id: last.assetId.toString() }) : null;
  const prevCursor =
    (back ? more : query.cursor !== null) && first
      ? encodeCursor({ s: query.sort, k: first.key, id: first.assetId.toString(), b: 1 })
      : null;
  return { items: await describe(db, chainId, page, words), nextCursor, prevCursor };
}

/**
 * PAGE_SIZE + 1 rows of the relevance order, in bounded steps (see catalogue-sql.ts). Each tier is
 * walked along the newest entries first, which fills a page whenever its words are common among them.
 * From the name tier: when its walk falls short, the summary tier is walked too. If that walk fills
 * the page, only the name tier has to be gathered (its GIN lookup is cheap: names are short); if not,
 * the words are rare or the filters narrow, and every tier is gathered at once, in one pass over the
 * words' matches.
 */
async function searchRows(
  db: PrismaClient,
  chainId: number,
  query: CatalogueQuery,
  currencies: CurrencyAddresses,
  tsquery: string,
): Promise<PageRow[]> {
  const limit = PAGE_SIZE + 1;
  const gather = (low: SearchTier, high: SearchTier, wanted = limit) =>
    db.$queryRaw<PageRow[]>(searchGatherSql(query, chainId, currencies, tsquery, { low, high }, wanted));
  const walk = (tier: SearchTier, wanted = limit) =>
    db.$queryRaw<PageRow[]>(searchWalkSql(query, chainId, currencies, tsquery, tier, wanted, WALK_WINDOW));
  const start = relevanceStart(query);
  if (query.cursor?.b === 1) {
    // Going back (rarer): each tier from the cursor's up, walked, else gathered.
    const rows: PageRow[] = [];
    for (const tier of ([1, 2, 3] as const).filter((t) => t >= start)) {
      const wanted = limit - rows.length;
      const walked = await walk(tier, wanted);
      rows.push(...(walked.length === wanted ? walked : await gather(tier, tier, wanted)));
      if (rows.length >= limit) break;
    }
    return rows;
  }
  if (start !== 3) {
    const walked = await walk(start);
    return walked.length === limit ? walked : gather(1, start);
  }
  const names = await walk(3);
  if (names.length === limit) return names;
  const summaries = await walk(2);
  if (summaries.length < limit) return gather(1, 3);
  const allNames = await gather(3, 3);
  return [...allNames, ...summaries].slice(0, limit);
}

type CardRow = {
  sha256: string;
  name: string;
  summary: string;
  task: string | null;
  clinicalUse: boolean;
  regulatoryStatus: string | null;
  snippet: string | null;
};
type PriceRow = {
  assetId: bigint;
  prices: Array<{ currency: string; price: string; period: string }> | null;
};

// Marks ts_headline puts around matched words; control characters never occur in card text we show.
const START = "\u0001";
const STOP = "\u0002";

async function describe(
  db: PrismaClient,
  chainId: number,
  rows: readonly PageRow[],
  tsquery: string | null,
): Promise<CatalogueItem[]> {
  if (rows.length === 0) return [];
  const hashes = [
    ...new Set(rows.map((row) => parseCardUri(row.metadataUri)).filter((h): h is string => !!h)),
  ];
  const ids = rows.map((row) => row.assetId);
  const snippet = tsquery
    ? Prisma.sql`ts_headline('english', regexp_replace(regexp_replace(c.body, '^---[\\s\\S]*?\\n---[^\\n]*\\n\\s*(#[^\\n]*\\n)?', ''), '[#*_>|\`]+', ' ', 'g'),
        ${tsQuery(tsquery)}, ${`StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`})`
    : Prisma.sql`NULL`;
  // Licenses and stake come with the page rows (CatalogueEntry); each card's text and snippet, and the
  // cheapest offer per currency (with its period, which the entry does not keep), only for the page.
  const [cards, facts] = await Promise.all([
    hashes.length === 0
      ? Promise.resolve([] as CardRow[])
      : db.$queryRaw<CardRow[]>`
          SELECT c.sha256, c.name, c.summary, c.task, c."clinicalUse", c."regulatoryStatus", ${snippet} AS snippet
          FROM "ModelCard" c WHERE c.sha256 IN (${Prisma.join(hashes)})`,
    db.$queryRaw<PriceRow[]>`
      SELECT ids.id AS "assetId",
        (SELECT json_agg(json_build_object('currency', p.currency, 'price', p.price::text, 'period', p.period::text))
           FROM (SELECT DISTINCT ON (o.currency) o.currency, o.price, o.period FROM "Offer" o
                 WHERE o."chainId" = ${chainId} AND o."assetId" = ids.id AND NOT o.retired
                   AND (o."maxLicenses" = 0 OR o.sold < o."maxLicenses")
                 ORDER BY o.currency, o.price) p) AS prices
      FROM unnest(${ids}::bigint[]) AS ids(id)`,
  ]);
  const cardByHash = new Map(cards.map((card) => [card.sha256, card]));
  const factById = new Map(facts.map((fact) => [fact.assetId.toString(), fact]));
  const views = toAssetViews(rows.map(toAssetRow), cards);
  return views.map((view, index) => {
    const hash = parseCardUri(rows[index]?.metadataUri ?? "");
    const card = hash ? cardByHash.get(hash) : undefined;
    const fact = factById.get(view.id);
    const row = rows[index];
    return {
      ...view,
      task: card?.task ?? null,
      clinicalUse: card?.clinicalUse ?? false,
      regulatoryStatus: card?.regulatoryStatus ?? null,
      snippet: card?.snippet ? splitSnippet(card.snippet) : null,
      prices: pricesFromRows(fact?.prices ?? []),
      licenses: Number(row?.licenses ?? 0),
      totalStake: row?.totalStake ?? "0",
      openChallenges: row?.openChallenges ?? 0,
    };
  });
}

function toAssetRow(row: PageRow): AssetRow {
  return {
    assetId: row.assetId,
    kind: row.kind,
    owner: "",
    metadataUri: row.metadataUri,
    contentHash: "",
    registeredAt: row.registeredAt,
  };
}

/** "a \u0001b\u0002 c" -> ["a ", "b", " c"]: matched words at odd indexes, rendered as text, never HTML. */
export function splitSnippet(headline: string): string[] {
  const parts: string[] = [];
  let rest = headline;
  for (;;) {
    const start = rest.indexOf(START);
    const stop = start === -1 ? -1 : rest.indexOf(STOP, start);
    if (start === -1 || stop === -1) {
      parts.push(rest.replaceAll(START, "").replaceAll(STOP, ""));
      return parts;
    }
    parts.push(rest.slice(0, start), rest.slice(start + 1, stop));
    rest = rest.slice(stop + 1);
  }
}
