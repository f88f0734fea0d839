import { describe, expect, it } from "vitest";
import { parseCatalogueQuery } from "@/lib/catalogue-query";
import {
  relevanceKey,
  searchGatherSql,
  searchWalkSql,
  WALK_WINDOW,
  weighted,
} from "./catalogue-relevance-sql";

const currencies = {
  ETH: ["0x0000000000000000000000000000000000000000"],
  tUSD: ["0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"],
};
const flat = (sql: string) => sql.replace(/\s+/g, " ");

describe("relevance search SQL", () => {
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
});
