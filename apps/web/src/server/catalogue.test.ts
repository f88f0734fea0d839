// The catalogue against real Postgres: 1,200 assets written by the bench's generator, whose projection
// (CatalogueEntry) is filled by the same SQL function the indexer runs. Keyset pages walked forward then
// back must be the same pages, and the projection's orders must equal orders computed from the raw
// tables the way the catalogue computed them before the projection existed.
import { createPrismaClient, type PrismaClient, saveModelCard } from "@tessera/db";
import { createTestDatabase, type TestDatabase } from "@tessera/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCursor, PAGE_SIZE, parseCatalogueQuery } from "@/lib/catalogue-query";
import { BENCH_CHAIN_ID as CHAIN, fillBenchDatabase } from "../../../../scripts/bench-web/data.ts";
import { currencyAddresses, queryCatalogue } from "./catalogue";
import { searchGatherSql, searchWalkSql } from "./catalogue-relevance-sql";
import { searchTsQuery } from "./catalogue-search";
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
    { q: "east or accuracy" },
    { q: "chest x-ray", kind: "dataset" },
    { rights: "commercial,derivative-training" },
  ])("pages back through exactly the pages it paged forward through (%o)", async (params) => {
    const { pages, prevs } = await walk(params, params.q ? 7 : 4); // searches: past two tier boundaries
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

  it.each(["east africa clinics", "east or accuracy", "chest x-ray"])(
    "ranks a search (%s): words in the name, then in name and summary, then the body, newest first in each",
    async (q) => {
      const { pages } = await walk({ q }, 80);
      // Name and summary documents recomputed from the cards' own text, not the catalogue's indexes.
      const expected = await db.$queryRawUnsafe<Array<{ id: bigint }>>(
        `SELECT a."assetId" AS id FROM "Asset" a JOIN "ModelCard" c ON a."metadataUri" = 'tessera://card/' || c.sha256
       WHERE a."chainId" = $1 AND c.search @@ websearch_to_tsquery('english', $2)
       ORDER BY to_tsvector('english', c.name) @@ websearch_to_tsquery('english', $2) DESC,
                to_tsvector('english', c.name || ' ' || c.summary) @@ websearch_to_tsquery('english', $2) DESC,
                a."registeredAt" DESC, a."assetId" DESC`,
        CHAIN,
        q,
      );
      expect(expected.length).toBeGreaterThan(PAGE_SIZE);
      expect(pages.flat()).toEqual(ids(expected));
    },
  );

  it("a bounded walk that fills its page finds the rows gathering the tier finds", async () => {
    let compared = 0;
    for (const q of ["east africa clinics", "triage", "ecg", "chest x-ray", "west or clinics"]) {
      for (const filters of [{}, { kind: "model" }, { staked: "1" }]) {
        const { query } = parseCatalogueQuery({ q, ...filters });
        const tsquery = await searchTsQuery(db, q);
        for (const tier of [3, 2, 1] as const) {
          const walked = await db.$queryRaw<Array<{ assetId: bigint; key: string }>>(
            searchWalkSql(query, CHAIN, currencies, tsquery, tier, PAGE_SIZE + 1, 300),
          );
          if (walked.length < PAGE_SIZE + 1) continue; // the window proves nothing then
          const gathered = await db.$queryRaw<Array<{ assetId: bigint; key: string }>>(
            searchGatherSql(query, CHAIN, currencies, tsquery, { low: tier, high: tier }, PAGE_SIZE + 1),
          );
          expect(walked.map((row) => [row.assetId, row.key])).toEqual(
            gathered.map((row) => [row.assetId, row.key]),
          );
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(3);
  });
});

describe("search ranking on hand-written cards", () => {
  const chain = 4242;
  async function publish(
    assetId: number,
    registeredAt: string,
    card: { name: string; summary: string; body: string },
  ) {
    const sha256 = `${"0".repeat(60)}${String(assetId).padStart(4, "0")}`;
    await db.$executeRaw`
      INSERT INTO "Asset" (id, "chainId", "assetId", kind, owner, "metadataUri", "contentHash", "versionCount",
                           "parentCount", "blockNumber", "txHash", "logIndex", "registeredAt", "updatedBlock")
      VALUES (${`${chain}:${assetId}`}, ${chain}, ${assetId}, 'MODEL', ${`0x${"1".repeat(40)}`},
              ${`tessera://card/${sha256}`}, ${`0x${"2".repeat(64)}`}, 1, 0, ${assetId}, ${`0x${"3".repeat(64)}`}, 0,
              ${new Date(registeredAt)}, ${assetId})`;
    await saveModelCard(db, { sha256, ...card });
  }

  beforeAll(async () => {
    await publish(1, "2025-01-01T00:00:00Z", {
      name: "Sepsis Early Warning",
      summary: "Flags deteriorating ward patients from vital signs.",
      body: "Trained on ICU time series.",
    });
    // Newer, and its body repeats the word: still a weaker match than a card that leads with it.
    await publish(2, "2025-03-01T00:00:00Z", {
      name: "ICU Vitals Forecaster",
      summary: "Forecasts heart rate and blood pressure.",
      body: "Sepsis cohorts: sepsis onset, sepsis mortality and septic shock were held out.",
    });
    await publish(3, "2025-02-01T00:00:00Z", {
      name: "Ward Monitor",
      summary: "Early sepsis alerts for district hospitals.",
      body: "Runs on a laptop.",
    });
  });

  it("puts a card named by the words first, then one whose summary has them, then one whose body does", async () => {
    const { query } = parseCatalogueQuery({ q: "sepsis" });
    const page = await queryCatalogue(db, chain, query, await currencyAddresses(db, chain));
    // 1 is the oldest; 2 is the newest and repeats the word in its body.
    expect(page.items.map((item) => item.id)).toEqual(["1", "3", "2"]);
    // The snippet still shows where the words matched, for the body-only card too.
    const snippet = page.items.find((item) => item.id === "2")?.snippet ?? [];
    expect(snippet.filter((_, index) => index % 2 === 1).map((word) => word.toLowerCase())).toContain(
      "sepsis",
    );
  });

  it("finds a hyphenated word as the same cards the phrase Postgres makes of it finds", async () => {
    await publish(4, "2025-04-01T00:00:00Z", {
      name: "Chest X-ray Triage",
      summary: "Prioritises X-rays with urgent findings.",
      body: "An x ray read by two radiologists.",
    });
    const { query } = parseCatalogueQuery({ q: "x-ray" });
    expect(await searchTsQuery(db, "x-ray")).toBe("'x-ray'");
    const page = await queryCatalogue(db, chain, query, await currencyAddresses(db, chain));
    const phrase = await db.$queryRaw<Array<{ id: bigint }>>`
      SELECT "assetId" AS id FROM "CatalogueEntry"
      WHERE "chainId" = ${chain} AND search @@ websearch_to_tsquery('english', 'x-ray')`;
    expect(page.items.map((item) => item.id)).toEqual(ids(phrase));
    expect(page.items.map((item) => item.id)).toEqual(["4"]);
  });
});

describe("queryCatalogue on the projection, prices", () => {
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
