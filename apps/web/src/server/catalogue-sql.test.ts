import { describe, expect, it } from "vitest";
import { parseCatalogueQuery } from "@/lib/catalogue-query";
import { catalogueSql } from "./catalogue-sql";

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

  it("leaves relevance to the stepwise search (it takes several queries)", () => {
    expect(() => build({ q: "sepsis" }, "'sepsi'")).toThrow(/catalogue-relevance-sql/);
    // Every other order filters by the words with the document's GIN index.
    expect(flat(build({ q: "sepsis", sort: "newest" }, "'sepsi'").text)).toMatch(
      /e\.search @@ \$\d+::tsquery/,
    );
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
