import { describe, expect, it } from "vitest";
import { parseCatalogueQuery } from "@/lib/catalogue-query";
import { catalogueSql } from "./catalogue-sql";

const currencies = {
  ETH: ["0x0000000000000000000000000000000000000000"],
  tUSD: ["0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"],
};
const build = (params: Record<string, string>) =>
  catalogueSql(parseCatalogueQuery(params).query, 31337, currencies);
const flat = (sql: string) => sql.replace(/\s+/g, " ");

describe("catalogueSql", () => {
  it("browses newest first along the registeredAt index, without touching cards", () => {
    const sql = build({});
    expect(flat(sql.text)).toContain('ORDER BY a."registeredAt" DESC, a."assetId" DESC LIMIT');
    expect(sql.text).not.toContain("ModelCard");
    expect(sql.values).toEqual([31337, 25]);
  });

  it("binds every value a visitor typed; none is spliced into the SQL", () => {
    const evil = 'x\'); DROP TABLE "Asset"; --';
    const sql = build({
      q: evil,
      task: "image-classification",
      currency: "tUSD",
      minPrice: "1",
      sort: "price",
    });
    expect(sql.text).not.toContain("DROP TABLE");
    expect(sql.values).toContain(evil);
    expect(sql.values).toContain("image-classification");
    expect(sql.values).toContain("1000000");
  });

  it("searches the card document and ranks by relevance", () => {
    const sql = flat(build({ q: "sepsis" }).text);
    expect(sql).toContain("c.search @@ websearch_to_tsquery('english', $");
    expect(sql).toContain("ts_rank(c.search");
    expect(sql).toContain('ORDER BY x.key DESC, x."assetId" DESC');
  });

  it("requires one live offer to satisfy rights, currency and price together", () => {
    const sql = flat(build({ rights: "commercial", clinical: "1", currency: "ETH", maxPrice: "0.1" }).text);
    expect(sql).toMatch(
      /EXISTS \(SELECT 1 FROM "Offer" o .* NOT o\.retired .* AND o\.rights IN \(\$\d+,\$\d+,\$\d+,\$\d+\) AND o\.currency IN \(\$\d+\) AND o\.price <= \$\d+::numeric\)/,
    );
    expect(sql).toContain('c."clinicalUse"');
  });

  it("matches rights by the bitmask values that include them (commercial + clinical: 6, 7, 14, 15)", () => {
    const sql = build({ rights: "commercial", clinical: "1" });
    const start = sql.values.indexOf(6);
    expect(sql.values.slice(start, start + 4)).toEqual([6, 7, 14, 15]);
  });

  it("walks the stake index from the top, then unstaked assets, and continues after the cursor", () => {
    const page1 = parseCatalogueQuery({ sort: "staked" }).query;
    expect(flat(catalogueSql(page1, 1, currencies).text)).toContain(
      'ORDER BY s."totalStake" DESC, s."assetId" DESC',
    );
    expect(flat(catalogueSql(page1, 1, currencies).text)).toContain("UNION ALL");
    const next = catalogueSql({ ...page1, cursor: { s: "staked", k: "100", id: "5" } }, 1, currencies);
    expect(flat(next.text)).toContain('(s."totalStake", s."assetId") < ($');
    const unstaked = catalogueSql({ ...page1, cursor: { s: "staked", k: "0", id: "5" } }, 1, currencies);
    expect(flat(unstaked.text)).not.toContain('FROM "AssetStake" s JOIN');
    expect(flat(unstaked.text)).toContain('a."assetId" < $');
  });

  it("sorts by price from each asset's cheapest qualifying offer, ascending after the cursor", () => {
    const cheapest = parseCatalogueQuery({ sort: "price", currency: "ETH" }).query;
    const after = flat(
      catalogueSql({ ...cheapest, cursor: { s: "price", k: "100", id: "5" } }, 1, currencies).text,
    );
    expect(after).toContain('ORDER BY o.price ASC, o."assetId" ASC');
    expect(after).toContain('NOT EXISTS (SELECT 1 FROM "Offer" o2');
    expect(after).toContain('(o.price, o."assetId") > ($');
  });
});
