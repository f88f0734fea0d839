import { describe, expect, it } from "vitest";
import { formatDate, shortenHex } from "./format";

describe("shortenHex", () => {
  it("keeps the 0x prefix, six leading and four trailing digits of an address", () => {
    expect(shortenHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")).toBe("0xf39fd6…2266");
  });

  it("honours custom lengths", () => {
    expect(shortenHex(`0x${"ab".repeat(32)}`, 8, 6)).toBe("0xabababab…ababab");
  });

  it("leaves values that are already short untouched", () => {
    expect(shortenHex("0x1234")).toBe("0x1234");
  });
});

describe("formatDate", () => {
  it("formats in UTC whatever the machine's time zone", () => {
    expect(formatDate(new Date("2026-03-01T23:30:00Z"))).toBe("1 Mar 2026");
  });
});
