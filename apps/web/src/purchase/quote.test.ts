import { describe, expect, it } from "vitest";
import { parsePeriods, parseSeats, quoteLicense, splitPayment } from "./quote";

const rules = { protocolFeeBps: 250, curatorBps: 500, parentBps: [1_500, 500], curatorsAccept: true };

describe("quoteLicense", () => {
  it("multiplies price by seats and periods and splits every unit", () => {
    const q = quoteLicense(1_000_000n, 3, 2, rules);
    expect(q.total).toBe(6_000_000n);
    expect(q.protocolFee).toBe(150_000n);
    expect(q.upstream).toBe(900_000n + 300_000n);
    expect(q.curators).toBe(300_000n);
    expect(q.protocolFee + q.upstream + q.curators + q.contributors).toBe(q.total);
  });

  it("rounds each part down and gives the remainder to contributors, as the contract does", () => {
    const q = splitPayment(9_999n, rules);
    expect(q).toEqual({ protocolFee: 249n, upstream: 1_499n + 499n, curators: 499n, contributors: 7_253n });
  });

  it("pays no curators when the pool does not accept the reward or it rounds to zero", () => {
    expect(splitPayment(1_000n, { ...rules, curatorsAccept: false }).curators).toBe(0n);
    expect(splitPayment(19n, rules).curators).toBe(0n);
  });
});

describe("parseSeats / parsePeriods", () => {
  it("reads whole numbers within the contract's limits", () => {
    expect(parseSeats(" 5 ")).toEqual({ ok: true, value: 5 });
    expect(parsePeriods("3", false)).toEqual({ ok: true, value: 3 });
    expect(parsePeriods("7", true)).toEqual({ ok: true, value: 1 });
  });

  it.each([
    ["", /how many seats/],
    ["1.5", /whole number/],
    ["-2", /whole number/],
    ["0", /at least 1/],
    ["16777216", /at most 16,777,215/],
  ])("refuses seats %j with a sentence", (text, reason) => {
    const parsed = parseSeats(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
