import { describe, expect, it } from "vitest";
import { earningsBars } from "./earnings-bars";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("earningsBars", () => {
  it("spans at least a week of days and sums each day in currency units", () => {
    const { bars, unit } = earningsBars(
      [
        { day: day("2026-03-02"), earned: "1500000", claimed: "0" },
        { day: day("2026-03-04"), earned: "250000", claimed: "1750000" },
      ],
      6,
    );
    expect(unit).toBe("day");
    expect(bars).toHaveLength(7);
    expect(bars[0]).toMatchObject({ label: "2 Mar", earned: 1.5, claimed: 0 });
    expect(bars[2]).toMatchObject({ label: "4 Mar", earned: 0.25, claimed: 1.75 });
    expect(bars[1]?.earned).toBe(0);
  });

  it("switches to weeks past 60 days", () => {
    const { bars, unit } = earningsBars(
      [
        { day: day("2026-01-01"), earned: "1", claimed: "0" },
        { day: day("2026-01-03"), earned: "2", claimed: "0" },
        { day: day("2026-04-01"), earned: "4", claimed: "0" },
      ],
      0,
    );
    expect(unit).toBe("week");
    expect(bars[0]?.earned).toBe(3);
    expect(bars.at(-1)?.earned).toBe(4);
  });

  it("has no bars without days", () => {
    expect(earningsBars([], 18).bars).toEqual([]);
  });
});
