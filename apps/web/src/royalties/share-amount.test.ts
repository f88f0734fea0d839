import { describe, expect, it } from "vitest";
import { parseRecipient, parseShareAmount } from "./share-amount";

const self = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("parseShareAmount", () => {
  it("reads whole numbers, with or without separators", () => {
    expect(parseShareAmount("100,000", 400_000n)).toEqual({ ok: true, value: 100_000n });
    expect(parseShareAmount(" 400000 ", 400_000n)).toEqual({ ok: true, value: 400_000n });
  });

  it.each([
    ["", /how many/],
    ["1.5", /whole number/],
    ["-3", /whole number/],
    ["0", /at least one/],
    ["400001", /at most that many/],
  ])("refuses %j with a sentence", (text, reason) => {
    const result = parseShareAmount(text, 400_000n);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("parseRecipient", () => {
  it("accepts another account's address", () => {
    const other = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    expect(parseRecipient(` ${other} `, self)).toEqual({ ok: true, value: other });
  });

  it.each([
    ["", /Enter the address/],
    ["0x123", /not an account address/],
    [`0x${"0".repeat(40)}`, /empty address/],
    [self.toLowerCase(), /your own account/],
  ])("refuses %j with a sentence", (text, reason) => {
    const result = parseRecipient(text, self);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
