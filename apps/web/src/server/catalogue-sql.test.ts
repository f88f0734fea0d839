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
      /EXISTS \(SELECT 1 FROM "Offer" o .* NOT o\.retired .* \(o\.rights & \$\d+::int\) = \$\d+::int AND o\.currency IN \(\$\d+\) AND o\.price <= \$\d+::numeric\)/,
    );
    expect(sql).toContain('c."clinicalUse"');
  });

  it("continues after the cursor in the sort's direction", () => {
    const page1 = parseCatalogueQuery({ sort: "staked" }).query;
    const next = catalogueSql({ ...page1, cursor: { s: "staked", k: "100", id: "5" } }, 1, currencies);
    expect(flat(next.text)).toContain('(x.key, x."assetId") < ($');
    const cheapest = parseCatalogueQuery({ sort: "price", currency: "ETH" }).query;
    const after = catalogueSql({ ...cheapest, cursor: { s: "price", k: "100", id: "5" } }, 1, currencies);
    expect(flat(after.text)).toContain('(x.key, x."assetId") > ($');
    expect(flat(after.text)).toContain("x.key IS NOT NULL");
  });
});
