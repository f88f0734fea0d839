import { describe, expect, it } from "vitest";
import {
  decodeCursor,
  encodeCursor,
  exploreHref,
  fromBaseUnits,
  parseCatalogueQuery,
  toBaseUnits,
} from "./catalogue-query";

describe("parseCatalogueQuery", () => {
  it("reads every filter and sort from the URL", () => {
    const { query, notices } = parseCatalogueQuery({
      q: "  chest   x-ray ",
      kind: "model",
      task: "image-classification",
      rights: ["clinical,research", "clinical"],
      currency: "tusd",
      minPrice: "10",
      maxPrice: "1,200.5",
      staked: "1",
      clinical: "on",
      sort: "price",
    });
    expect(notices).toEqual([]);
    expect(query).toEqual({
      q: "chest x-ray",
      kind: "model",
      task: "image-classification",
      rights: ["research", "clinical"],
      currency: "tUSD",
      minPrice: "10000000",
      maxPrice: "1200500000",
      staked: true,
      clinical: true,
      sort: "price",
      cursor: null,
    });
  });

  it("defaults to relevance when searching and to newest when browsing", () => {
    expect(parseCatalogueQuery({ q: "sepsis" }).query.sort).toBe("relevance");
    expect(parseCatalogueQuery({}).query.sort).toBe("newest");
    expect(parseCatalogueQuery({ sort: "relevance" }).query.sort).toBe("newest");
  });

  it.each([
    [{ sort: "sideways" }, /"sideways" is not a way to sort/],
    [{ kind: "robot" }, /"robot" is not a kind of asset/],
    [{ task: "<script>" }, /is not a task name/],
    [{ rights: "telepathy" }, /"telepathy" is not a usage right/],
    [{ currency: "DOGE" }, /"DOGE" is not a currency/],
    [{ currency: "ETH", minPrice: "cheap" }, /minimum price "cheap" is not a number/],
    [{ minPrice: "5" }, /needs a currency/],
    [{ currency: "tUSD", maxPrice: "1.1234567" }, /more decimals than tUSD/],
    [{ staked: "perhaps" }, /is not yes or no/],
    [{ cursor: "!!!" }, /no longer matches/],
  ])("refuses %j with a clear notice instead of failing", (params, notice) => {
    const { query, notices } = parseCatalogueQuery(params);
    expect(notices.join("\n")).toMatch(notice);
    expect(query.cursor).toBeNull();
  });

  it("cuts an over-long search and swaps a reversed price range", () => {
    const { query, notices } = parseCatalogueQuery({
      q: "a".repeat(500),
      currency: "ETH",
      minPrice: "2",
      maxPrice: "1",
    });
    expect(query.q).toHaveLength(200);
    expect([query.minPrice, query.maxPrice]).toEqual(["1000000000000000000", "2000000000000000000"]);
    expect(notices).toHaveLength(2);
  });

  it("sorts by price in ETH when no currency is chosen, and says so", () => {
    const { query, notices } = parseCatalogueQuery({ sort: "price" });
    expect(query.currency).toBe("ETH");
    expect(notices[0]).toMatch(/showing offers in ETH/);
  });

  it("accepts a cursor only for the sort it was made for", () => {
    const cursor = encodeCursor({ s: "newest", k: "1764166000000", id: "12" });
    expect(parseCatalogueQuery({ cursor }).query.cursor).toEqual({
      s: "newest",
      k: "1764166000000",
      id: "12",
    });
    expect(parseCatalogueQuery({ cursor, sort: "staked" }).query.cursor).toBeNull();
  });
});

describe("cursors and URLs", () => {
  it("round-trips a cursor and rejects tampered ones", () => {
    const cursor = { s: "staked" as const, k: "2500000000000000000000", id: "7" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, id: "7; DROP TABLE" } as never))).toBeNull();
    expect(decodeCursor(btoa('{"s":"newest"}'))).toBeNull();
    // A key that is not a number would fail in SQL (a 500): refused here instead.
    expect(decodeCursor(encodeCursor({ ...cursor, k: "abc" }))).toBeNull();
    expect(decodeCursor(encodeCursor({ ...cursor, k: "0.0607927", b: 1 }))).toEqual({
      ...cursor,
      k: "0.0607927",
      b: 1,
    });
  });

  it("writes only non-default state into the URL, and reads it back identically", () => {
    const { query } = parseCatalogueQuery({
      q: "retina",
      currency: "ETH",
      maxPrice: "0.5",
      rights: "clinical",
    });
    const href = exploreHref(query);
    expect(href).toBe("/explore?q=retina&rights=clinical&currency=ETH&maxPrice=0.5");
    const again = parseCatalogueQuery(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(again.query).toEqual(query);
    expect(exploreHref(parseCatalogueQuery({}).query)).toBe("/explore");
  });

  it("converts prices without floating point", () => {
    expect(toBaseUnits("0.1", 18)).toBe("100000000000000000");
    expect(toBaseUnits("1200.5", 6)).toBe("1200500000");
    expect(fromBaseUnits("100000000000000000", 18)).toBe("0.1");
    expect(fromBaseUnits("5", 6)).toBe("0.000005");
  });
});
