import { describe, expect, it } from "vitest";
import { currencySymbol, formatAmount, formatPeriod, formatPrice, formatStake } from "./money";
import { salesBars } from "./sales-chart";

describe("prices in words", () => {
  it("names ETH by the zero address and the stablecoin otherwise", () => {
    expect(currencySymbol("0x0000000000000000000000000000000000000000")).toBe("ETH");
    expect(currencySymbol("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512")).toBe("tUSD");
  });

  it("formats base units with grouping, trimmed decimals and the unit", () => {
    expect(formatAmount("40000000000000000", "ETH")).toBe("0.04 ETH");
    expect(formatAmount("1800000000", "tUSD")).toBe("1,800 tUSD");
    expect(formatAmount("1234567", "tUSD")).toBe("1.2345 tUSD");
    expect(formatAmount("1", "ETH")).toBe("< 0.0001 ETH");
    expect(formatStake("7500000000000000000000")).toBe("7,500 TSTK");
  });

  it("says periods in days and years, and perpetual for 0", () => {
    expect(formatPeriod(2_592_000)).toBe("30 days");
    expect(formatPeriod(31_536_000)).toBe("1 year");
    expect(formatPeriod(0)).toBe("perpetual");
    expect(formatPrice("95000000", "tUSD", "2592000")).toBe("95 tUSD per seat per 30 days");
    expect(formatPrice("900000000", "tUSD", "0")).toBe("900 tUSD per seat, perpetual");
  });
});

describe("salesBars", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("has a bar per day over at least a week, empty days included", () => {
    const { bars, unit } = salesBars([
      { day: day("2026-11-26"), count: 2 },
      { day: day("2026-11-28"), count: 1 },
    ]);
    expect(unit).toBe("day");
    expect(bars.map((b) => b.count)).toEqual([2, 0, 1, 0, 0, 0, 0]);
    expect(bars[0]?.label).toBe("26 Nov");
  });

  it("switches to weeks past 60 days and adds up each week", () => {
    const { bars, unit } = salesBars([
      { day: day("2026-01-01"), count: 1 },
      { day: day("2026-01-03"), count: 2 },
      { day: day("2026-04-01"), count: 1 },
    ]);
    expect(unit).toBe("week");
    expect(bars[0]?.count).toBe(3);
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(4);
  });

  it("draws nothing without sales", () => {
    expect(salesBars([]).bars).toEqual([]);
  });
});
