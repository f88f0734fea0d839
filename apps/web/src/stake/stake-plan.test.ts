import { describe, expect, it } from "vitest";
import { parseStakeAmount } from "./stake-amount";

describe("parseStakeAmount", () => {
  it("reads whole and decimal amounts in token units", () => {
    expect(parseStakeAmount("100", 18)).toEqual({ ok: true, value: 100n * 10n ** 18n });
    expect(parseStakeAmount(" 12.5 ", 18)).toEqual({ ok: true, value: 125n * 10n ** 17n });
  });

  it.each([
    ["", /Enter how much/],
    ["abc", /Enter a number/],
    ["-5", /Enter a number/],
    ["1e3", /Enter a number/],
    ["0", /above zero/],
    ["0.0000001", /at most 6 decimal places/],
  ])("refuses %j with a sentence", (text, reason) => {
    const result = parseStakeAmount(text, 6);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
