import { describe, expect, it } from "vitest";
import { checkSplit, evenPercents, SHARE_SUPPLY } from "./split";

const A = "0x1111111111111111111111111111111111111111";
const B = "0x2222222222222222222222222222222222222222";
const C = "0x3333333333333333333333333333333333333333";

describe("checkSplit", () => {
  it("turns percentages into shares that add up to exactly the supply", () => {
    const check = checkSplit([
      { address: A, percent: "60" },
      { address: B, percent: "25.5" },
      { address: C, percent: "14.5" },
    ]);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.split.shares).toEqual([600_000n, 255_000n, 145_000n]);
    expect(check.split.shares.reduce((a, b) => a + b, 0n)).toBe(SHARE_SUPPLY);
  });

  it("says how much is missing or too much", () => {
    const under = checkSplit([
      { address: A, percent: "60" },
      { address: B, percent: "30" },
    ]);
    expect(under.ok).toBe(false);
    if (!under.ok)
      expect(under.summary).toBe("The shares add up to less than 100 %: 10 % is not given to anyone yet.");
    const over = checkSplit([
      { address: A, percent: "60" },
      { address: B, percent: "40.0001" },
    ]);
    if (!over.ok) expect(over.summary).toBe("The shares add up to more than 100 %: remove 0.0001 %.");
    expect(over.ok).toBe(false);
  });

  it("refuses bad rows in place: address, duplicate, too many decimals, zero, negative", () => {
    const check = checkSplit([
      { address: "0x123", percent: "50" },
      { address: A, percent: "25.00001" },
      { address: A.toUpperCase().replace("0X", "0x"), percent: "0" },
      { address: B, percent: "-5" },
    ]);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      { row: 0, field: "address", message: expect.stringContaining("not a wallet address") },
      { row: 1, field: "percent", message: expect.stringContaining("at most 4 decimals") },
      { row: 2, field: "address", message: expect.stringContaining("already contributor 2") },
      { row: 2, field: "percent", message: expect.stringContaining("more than 0") },
      { row: 3, field: "percent", message: expect.stringContaining("between 0 and 100") },
    ]);
  });

  it("needs at least one contributor", () => {
    const check = checkSplit([]);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.summary).toMatch(/at least one contributor/);
  });
});

describe("evenPercents", () => {
  it.each([1, 3, 7, 50])("splits 100 %% among %i rows exactly", (count) => {
    const rows = evenPercents(count).map((percent, i) => ({
      address: `0x${(i + 1).toString(16).padStart(40, "0")}`,
      percent,
    }));
    expect(checkSplit(rows).ok).toBe(true);
  });
});
