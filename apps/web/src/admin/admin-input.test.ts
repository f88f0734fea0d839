import { describe, expect, it } from "vitest";
import { parseAccount, parsePercent } from "./admin-input";

describe("parsePercent", () => {
  it("reads percentages as basis points", () => {
    expect(parsePercent("2.5", 10)).toEqual({ ok: true, bps: 250 });
    expect(parsePercent("0", 10)).toEqual({ ok: true, bps: 0 });
  });
  it.each([
    ["", /Enter a percentage/],
    ["2.555", /two decimals/],
    ["-1", /Enter a percentage/],
    ["10.5", /at most 10%/],
  ])("refuses %j", (text, reason) => {
    const result = parsePercent(text, 10);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("parseAccount", () => {
  it("accepts an address and refuses others with a sentence", () => {
    expect(parseAccount("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC").ok).toBe(true);
    expect(parseAccount("0x12")).toMatchObject({ ok: false, reason: expect.stringMatching(/40 hex/) });
    expect(parseAccount(`0x${"0".repeat(40)}`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/empty/),
    });
  });
});
