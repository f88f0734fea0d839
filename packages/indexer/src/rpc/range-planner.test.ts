import { describe, expect, it } from "vitest";
import { RpcRangeTooLarge } from "./errors.ts";
import { type BlockRange, BlockTooLargeError, RangePlanner, type RangeTuningInput } from "./range-planner.ts";

const refused = new RpcRangeTooLarge("block range is too large", { method: "eth_getLogs" });
const fast = { durationMs: 10, logCount: 10 };
const tuning: RangeTuningInput = {
  initialSpan: 100,
  maxSpan: 1_000,
  growAfter: 2,
  targetDurationMs: 1_000,
  targetLogCount: 1_000,
};

/** Runs the planner over [from, to] against a node that refuses spans above `limit`. */
function drive(
  planner: RangePlanner,
  limit: number,
  outcome = fast,
): { ranges: BlockRange[]; refusals: number } {
  const ranges: BlockRange[] = [];
  let refusals = 0;
  for (let range = planner.next(); range; range = planner.next()) {
    if (Number(range.toBlock - range.fromBlock) + 1 > limit) {
      refusals++;
      planner.tooLarge(range, refused);
    } else {
      ranges.push(range);
      planner.succeeded(range, outcome);
    }
  }
  return { ranges, refusals };
}

describe("RangePlanner", () => {
  it("retries from the same block with the last span that worked when that is more than half", () => {
    const planner = new RangePlanner({ fromBlock: 0n, toBlock: 100_000n }, tuning);
    for (let i = 0; i < 4; i++) planner.succeeded(planner.next()!, fast); // 100, 100, 200, 200
    const refusedRange = planner.next()!; // 400
    planner.tooLarge(refusedRange, refused);
    expect(planner.next()).toEqual({
      fromBlock: refusedRange.fromBlock,
      toBlock: refusedRange.fromBlock + 199n,
    });
  });

  it("halves the span on a refusal and asks again from the same block", () => {
    const planner = new RangePlanner({ fromBlock: 10n, toBlock: 1_000n }, tuning);
    const first = planner.next()!;
    expect(first).toEqual({ fromBlock: 10n, toBlock: 109n });
    planner.tooLarge(first, refused);
    expect(planner.next()).toEqual({ fromBlock: 10n, toBlock: 59n });
  });

  it("covers the interval exactly, in order, without gaps or overlaps", () => {
    const { ranges } = drive(new RangePlanner({ fromBlock: 5n, toBlock: 4_321n }, tuning), 137);
    expect(ranges[0]?.fromBlock).toBe(5n);
    expect(ranges.at(-1)?.toBlock).toBe(4_321n);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.fromBlock).toBe(ranges[i - 1]!.toBlock + 1n);
  });

  it("grows after a run of quick answers, up to maxSpan", () => {
    const planner = new RangePlanner({ fromBlock: 0n, toBlock: 100_000n }, tuning);
    const spans: number[] = [];
    for (let i = 0; i < 12; i++) {
      planner.succeeded(planner.next()!, fast);
      spans.push(planner.span);
    }
    expect(spans).toEqual([100, 200, 200, 400, 400, 800, 800, 1_000, 1_000, 1_000, 1_000, 1_000]);
  });

  it("does not grow while answers are slow or large, and halves when they are far over target", () => {
    const planner = new RangePlanner({ fromBlock: 0n, toBlock: 100_000n }, tuning);
    for (let i = 0; i < 5; i++) planner.succeeded(planner.next()!, { durationMs: 1_500, logCount: 10 });
    expect(planner.span).toBe(100);
    expect(planner.succeeded(planner.next()!, { durationMs: 10, logCount: 2_500 })).toBe("shrunk");
    expect(planner.span).toBe(50);
  });

  it("settles just under a node's span limit instead of hitting it again and again", () => {
    const planner = new RangePlanner({ fromBlock: 0n, toBlock: 50_000n }, { ...tuning, initialSpan: 1_000 });
    const { ranges, refusals } = drive(planner, 300);
    expect(refusals).toBeLessThan(15);
    const spans = ranges.slice(-20, -1).map((range) => Number(range.toBlock - range.fromBlock) + 1);
    expect(new Set(spans)).toEqual(new Set([300]));
  });

  it("fails with a clear error when a single block is refused", () => {
    const planner = new RangePlanner({ fromBlock: 42n, toBlock: 50n }, { initialSpan: 1 });
    const error = (() => {
      try {
        planner.tooLarge(planner.next()!, refused);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BlockTooLargeError);
    expect(error).toMatchObject({ block: 42n, cause: refused });
    expect((error as Error).message).toMatch(/^block 42 alone holds more logs than the RPC node returns/);
  });
});
