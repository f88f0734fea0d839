// The catalogue against real Postgres: 1,200 assets written by the bench's generator, whose projection
// (CatalogueEntry) is filled by the same SQL function the indexer runs. Keyset pages walked forward then
// back must be the same pages, and the projection's orders must equal orders computed from the raw
// tables the way the catalogue computed them before the projection existed.
import { createPrismaClient, type PrismaClient } from "@tessera/db";
import { createTestDatabase, type TestDatabase } from "@tessera/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCursor, PAGE_SIZE, parseCatalogueQuery } from "@/lib/catalogue-query";
import { BENCH_CHAIN_ID as CHAIN, fillBenchDatabase } from "../../../../scripts/bench-web/data.ts";
import { currencyAddresses, queryCatalogue } from "./catalogue";
import type { CurrencyAddresses } from "./catalogue-sql";

let database: TestDatabase;
let db: PrismaClient;
let currencies: CurrencyAddresses;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createPrismaClient(database.url);
  await fillBenchDatabase(db, 1_200, () => {});
  currencies = await currencyAddresses(db, CHAIN);
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

async function walk(params: Record<string, string>, maxPages = 60) {
  const pages: string[][] = [];
  const prevs: Array<string | null> = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const { query } = parseCatalogueQuery(cursor ? { ...params, cursor } : params);
    const page = await queryCatalogue(db, CHAIN, query, currencies);
    pages.push(page.items.map((item) => item.id));
    prevs.push(page.prevCursor);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { pages, prevs, ended: cursor === null };
}

const ids = (rows: Array<{ id: bigint }>) => rows.map((row) => row.id.toString());

describe("queryCatalogue on the projection", () => {
  it.each<Record<string, string>>([
    {},
    { sort: "licensed" },
    { sort: "staked", kind: "model" },
    { sort: "price", currency: "ETH" },
    { sort: "price", currency: "tUSD", clinical: "1" },
    { q: "sepsis" },
    { rights: "commercial,derivative-training" },
  ])("pages back through exactly the pages it paged forward through (%o)", async (params) => {
    const { pages, prevs } = await walk(params, 4);
    expect(pages.length).toBeGreaterThan(1);
    expect(prevs[0]).toBeNull();
    for (let i = pages.length - 1; i > 0; i--) {
      const back = prevs[i] as string;
      expect(decodeCursor(back)?.b).toBe(1);
      const { query } = parseCatalogueQuery({ ...params, cursor: back });
      const page = await queryCatalogue(db, CHAIN, query, currencies);
      expect(page.items.map((item) => item.id)).toEqual(pages[i - 1]);
      // The page before the first has no previous page; every page reached back has a next one.
      expect(page.prevCursor === null).toBe(i === 1);
      expect(page.nextCursor).not.toBeNull();
    }
  });

  it("orders most licensed as the sum of the offers' sales, ties by newest id, across every page", async () => {
    const { pages, ended } = await walk({ sort: "licensed" });
    expect(ended).toBe(true);
    const expected = await db.$queryRawUnsafe<Array<{ id: bigint }>>(
      `SELECT a."assetId" AS id FROM "Asset" a
       LEFT JOIN (SELECT "assetId", sum(sold) AS sold FROM "Offer" WHERE "chainId" = $1 GROUP BY "assetId") l USING ("assetId")
       WHERE a."chainId" = $1 ORDER BY COALESCE(l.sold, 0) DESC, a."assetId" DESC`,
      CHAIN,
    );
    expect(pages.flat()).toEqual(ids(expected));
    expect(pages.slice(0, -1).every((page) => page.length === PAGE_SIZE)).toBe(true);
  });

  it("finds what the raw tables find: one live offer with both rights, a clinical card, newest first", async () => {
    const { pages } = await walk({ rights: "commercial,derivative-training", clinical: "1" });
    const expected = await db.$queryRawUnsafe<Array<{ id: bigint }>>(
      `SELECT a."assetId" AS id FROM "Asset" a JOIN "ModelCard" c ON a."metadataUri" = 'tessera://card/' || c.sha256
       WHERE a."chainId" = $1 AND c."clinicalUse" AND EXISTS (SELECT 1 FROM "Offer" o WHERE o."chainId" = a."chainId"
         AND o."assetId" = a."assetId" AND NOT o.retired AND (o."maxLicenses" = 0 OR o.sold < o."maxLicenses")
         AND o.rights & 14 = 14)
       ORDER BY a."registeredAt" DESC, a."assetId" DESC`,
      CHAIN,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(pages.flat()).toEqual(ids(expected));
  });

  it("ranks a search by ts_rank over the card's document, as the cards themselves rank", async () => {
    const { pages } = await walk({ q: "east africa clinics" });
    const expected = await db.$queryRawUnsafe<Array<{ id: bigint }>>(
      `SELECT a."assetId" AS id FROM "Asset" a JOIN "ModelCard" c ON a."metadataUri" = 'tessera://card/' || c.sha256
       WHERE a."chainId" = $1 AND c.search @@ websearch_to_tsquery('english', $2)
       ORDER BY ts_rank(c.search, websearch_to_tsquery('english', $2))::numeric DESC, a."assetId" DESC`,
      CHAIN,
      "east africa clinics",
    );
    expect(expected.length).toBeGreaterThan(PAGE_SIZE);
    expect(pages.flat()).toEqual(ids(expected));
  });

  it("prices from the cheapest live offer in the currency, under the maximum", async () => {
    const { pages } = await walk({ sort: "price", currency: "ETH", maxPrice: "0.2" });
    const expected = await db.$queryRawUnsafe<Array<{ id: bigint }>>(
      `SELECT "assetId" AS id FROM "Offer" o WHERE "chainId" = $1 AND currency = '0x0000000000000000000000000000000000000000'
         AND NOT retired AND ("maxLicenses" = 0 OR sold < "maxLicenses") AND price <= 200000000000000000
       GROUP BY "assetId" ORDER BY min(price) ASC, "assetId" ASC`,
      CHAIN,
    );
    expect(pages.flat()).toEqual(ids(expected));
  });
});
