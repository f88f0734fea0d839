import { describe, expect, it } from "vitest";
import { checkLineage } from "./lineage";

describe("checkLineage", () => {
  it("turns percentages into basis points", () => {
    const check = checkLineage([
      { assetId: "3", percent: "10" },
      { assetId: "#7", percent: "12.5" },
    ]);
    expect(check).toEqual({
      ok: true,
      parents: [
        { assetId: 3n, bps: 1000 },
        { assetId: 7n, bps: 1250 },
      ],
      totalBps: 2250,
      problems: [],
    });
  });

  it("caps the total at 30 % and says what the parents add up to", () => {
    const check = checkLineage([
      { assetId: "1", percent: "20" },
      { assetId: "2", percent: "10.01" },
    ]);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.summary).toBe(
        "Parents together can receive at most 30 % of each sale; these add up to 30.01 %.",
      );
  });

  it("refuses a duplicate parent, an unknown one, a zero share and a non-number", () => {
    const known = (id: bigint) => id !== 99n;
    const check = checkLineage(
      [
        { assetId: "4", percent: "5" },
        { assetId: "4", percent: "5" },
        { assetId: "99", percent: "5" },
        { assetId: "abc", percent: "0" },
      ],
      known,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => [p.row, p.field])).toEqual([
      [1, "assetId"],
      [2, "assetId"],
      [3, "assetId"],
      [3, "percent"],
    ]);
    expect(check.problems[0]?.message).toBe("Asset #4 is already parent 1: list each parent once.");
    expect(check.problems[1]?.message).toBe("There is no asset #99 on Tessera yet.");
  });

  it("allows at most 8 parents", () => {
    const rows = Array.from({ length: 9 }, (_, i) => ({ assetId: String(i + 1), percent: "1" }));
    const check = checkLineage(rows);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.summary).toBe("An asset can name at most 8 parents.");
  });
});
