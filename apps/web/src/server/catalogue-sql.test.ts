import { describe, expect, it } from "vitest";
import { parseCatalogueQuery } from "@/lib/catalogue-query";
import {
  catalogueSql,
  relevanceKey,
  searchGatherSql,
  searchWalkSql,
  WALK_WINDOW,
  weighted,
} from "./catalogue-sql";

const currencies = {
  ETH: ["0x0000000000000000000000000000000000000000"],
  tUSD: ["0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"],
};
const build = (params: Record<string, string>, tsquery: string | null = null) =>
  catalogueSql(parseCatalogueQuery(params).query, 31337, currencies, tsquery);
const flat = (sql: string) => sql.replace(/\s+/g, " ");

describe("catalogueSql", () => {
  it("browses newest first along the projection's registeredAt index, joining nothing", () => {
    const sql = build({});
    expect(flat(sql.text)).toContain('FROM "CatalogueEntry" e WHERE');
    expect(flat(sql.text)).toContain('ORDER BY e."registeredAt" DESC, e."assetId" DESC LIMIT');
    expect(sql.text).not.toMatch(/ModelCard|"Offer"|"AssetStake"|JOIN/);
    expect(sql.values).toEqual([31337, 25]);
  });

  it("binds every value a visitor typed; none is spliced into the SQL", () => {
    const evil = 'x\'); DROP TABLE "Asset"; --';
    // The words reach the page query as the tsquery Postgres made of them (searchTsQuery), bound too.
    const sql = build(
      { q: evil, task: "image-classification", currency: "tUSD", minPrice: "1", sort: "price" },
      evil,
    );
    expect(sql.text).not.toContain("DROP TABLE");
    expect(sql.values).toContain(evil);
    expect(sql.values).toContain("image-classification");
    expect(sql.values).toContain("1000000");
  });

  it("starts a search by walking the newest entries for cards whose name holds every word", () => {
    const sql = build({ q: "sepsis" }, "'sepsi'");
    const text = flat(sql.text);
    expect(text).toMatch(
      /ORDER BY e\."registeredAt" DESC, e\."assetId" DESC LIMIT \$\d+ \) e WHERE .*e\.search @@ \$\d+::tsquery/,
    );
    expect(text).not.toContain("ts_rank");
    expect(sql.values).toEqual(expect.arrayContaining(["3.", "'sepsi':A", WALK_WINDOW]));
  });

  it("gathers summary and body matches together, each entry's tier from the name and summary", () => {
    const query = parseCatalogueQuery({ q: "sepsis" }).query;
    const sql = searchGatherSql(query, 1, currencies, "'sepsi'", { low: 1, high: 2 }, 25);
    const text = flat(sql.text);
    // Selected by the document's GIN index; told apart on each row by weighted tsqueries.
    expect(text).toMatch(/e\.search @@ \$\d+::tsquery AND NOT \(e\.search @@ \$\d+::tsquery\)/);
    expect(text).toMatch(
      /CASE WHEN e\.search @@ \$\d+::tsquery THEN 3 WHEN e\.search @@ \$\d+::tsquery THEN 2 ELSE 1 END AS tier/,
    );
    expect(sql.values).toEqual(expect.arrayContaining(["'sepsi'", "'sepsi':A", "'sepsi':AB"]));
    expect(text).not.toMatch(/LIMIT \$\d+ \)/); // no cap: every match
    const back = {
      ...query,
      cursor: { s: "relevance" as const, k: "1.1717200000000", id: "7", b: 1 as const },
    };
    expect(flat(searchGatherSql(back, 1, currencies, "'sepsi'", { low: 1, high: 2 }, 25).text)).toContain(
      '"registeredAt", e."assetId") > ($',
    );
  });

  it("walks at most a window of the newest entries for one tier", () => {
    const query = parseCatalogueQuery({ q: "sepsis" }).query;
    const sql = searchWalkSql(query, 1, currencies, "'sepsi'", 2, 25, WALK_WINDOW);
    const text = flat(sql.text);
    expect(text).toMatch(/ORDER BY e\."registeredAt" DESC, e\."assetId" DESC LIMIT \$\d+ \) e WHERE/);
    // On rows the walk reads, the tiers are weighted tsqueries (no copy of the document per row).
    expect(text).toMatch(/e\.search @@ \$\d+::tsquery AND NOT \(e\.search @@ \$\d+::tsquery\)/);
    expect(text).not.toContain("ts_filter");
    expect(sql.values).toEqual(expect.arrayContaining(["'sepsi':AB", "'sepsi':A", WALK_WINDOW]));
  });

  it("checks the whole document too when the words say what must not be there", () => {
    const query = parseCatalogueQuery({ q: "sepsis -covid" }).query;
    const walk = searchWalkSql(query, 1, currencies, "'sepsi' & !'covid'", 2, 25, WALK_WINDOW);
    expect(walk.values).toContain("'sepsi' & !'covid'");
    const plain = searchWalkSql(query, 1, currencies, "'sepsi' & 'covid-19'", 2, 25, WALK_WINDOW);
    expect(plain.values).not.toContain("'sepsi' & 'covid-19'");
  });

  it("restricts every word of a tsquery to the tier's weights", () => {
    expect(weighted("'chest' & 'x-ray' | !'o''brien'", "AB")).toBe(
      "'chest':AB & 'x-ray':AB | !'o''brien':AB",
    );
    expect(weighted("'supern':*", "A")).toBe("'supern':*A");
    expect(weighted("", "A")).toBe("");
  });

  it("reads a relevance cursor as its tier and time; anything else starts from the best tier", () => {
    expect(relevanceKey("2.1717200000000")).toEqual({ tier: 2, ms: "1717200000000" });
    expect(relevanceKey("3.5")).toEqual({ tier: 3, ms: "5" });
    expect(relevanceKey("0.0607927")).toBeNull(); // a ts_rank cursor from before the tiers
    expect(relevanceKey("4.1")).toBeNull();
  });

  it("requires one live offer to satisfy rights, currency and price together", () => {
    const sql = flat(build({ rights: "commercial", clinical: "1", currency: "ETH", maxPrice: "0.1" }).text);
    expect(sql).toMatch(
      /EXISTS \(SELECT 1 FROM "Offer" o .* NOT o\.retired .* AND o\.rights IN \(\$\d+,\$\d+,\$\d+,\$\d+\) AND o\.currency IN \(\$\d+\) AND o\.price <= \$\d+::numeric\)/,
    );
    expect(sql).toContain('e."clinicalUse"');
    // The entry's aggregates rule assets out first: some live offer has each right, ETH under the cap.
    expect(sql).toMatch(/e\.rights IN \(\$\d+,\$\d+,\$\d+,\$\d+\)/);
    expect(sql).toContain('e."minPriceEth" <= $');
  });

  it("answers a currency and a maximum price from the entry's cheapest price alone (no per-offer check)", () => {
    const sql = flat(build({ currency: "tUSD", maxPrice: "5" }).text);
    expect(sql).toContain('e."minPriceStable" IS NOT NULL AND e."minPriceStable" <= $');
    expect(sql).not.toContain('"Offer"');
  });

  it("matches rights by the bitmask values that include them (commercial + clinical: 6, 7, 14, 15)", () => {
    const sql = build({ rights: "commercial", clinical: "1" });
    const start = sql.values.lastIndexOf(6); // the offers' list, after the entry's own
    expect(sql.values.slice(start, start + 4)).toEqual([6, 7, 14, 15]);
  });

  it("walks the stake index from the top (unstaked assets at 0 follow) and continues after the cursor", () => {
    const page1 = parseCatalogueQuery({ sort: "staked" }).query;
    expect(flat(catalogueSql(page1, 1, currencies).text)).toContain(
      'ORDER BY e."totalStake" DESC, e."assetId" DESC',
    );
    const next = catalogueSql({ ...page1, cursor: { s: "staked", k: "100", id: "5" } }, 1, currencies);
    expect(flat(next.text)).toContain('(e."totalStake", e."assetId") < ($');
  });

  it("walks the licenses index for most licensed, the cursor's key cast to the column's type", () => {
    const sql = flat(build({ sort: "licensed" }).text);
    expect(sql).toContain('ORDER BY e.licenses DESC, e."assetId" DESC');
    expect(sql).not.toContain('"Offer"');
    const query = parseCatalogueQuery({ sort: "licensed" }).query;
    const next = flat(
      catalogueSql({ ...query, cursor: { s: "licensed", k: "3", id: "9" } }, 1, currencies).text,
    );
    expect(next).toMatch(/\(e\.licenses, e\."assetId"\) < \(\$\d+::numeric::bigint, \$\d+::bigint\)/);
  });

  it("sorts by the currency's cheapest price column, ascending after the cursor", () => {
    const cheapest = parseCatalogueQuery({ sort: "price", currency: "ETH" }).query;
    const after = flat(
      catalogueSql({ ...cheapest, cursor: { s: "price", k: "100", id: "5" } }, 1, currencies).text,
    );
    expect(after).toContain('ORDER BY e."minPriceEth" ASC, e."assetId" ASC');
    expect(after).toContain('(e."minPriceEth", e."assetId") > ($');
  });

  it("with wanted rights, sorts by each asset's cheapest qualifying offer, walking the offers", () => {
    const query = parseCatalogueQuery({ sort: "price", currency: "ETH", rights: "commercial" }).query;
    const after = flat(
      catalogueSql({ ...query, cursor: { s: "price", k: "100", id: "5" } }, 1, currencies).text,
    );
    expect(after).toContain('ORDER BY o.price ASC, o."assetId" ASC');
    expect(after).toContain('NOT EXISTS (SELECT 1 FROM "Offer" o2');
    expect(after).toContain('(o.price, o."assetId") > ($');
  });
});
