import { describe, expect, it } from "vitest";
import { linkId, newLinkId, signLink, verifyLink } from "./downloads-token";

const bound = {
  licenseId: "7",
  sha256: `0x${"ab".repeat(32)}`,
  account: "0x14dc79964da2c08b23698b3d3cc7ca32193d9955",
};

describe("download link tokens", () => {
  it("verifies a link for exactly what it was bound to", () => {
    const id = newLinkId();
    const token = signLink({ id, expiresAt: 1_800_000_000_000, ...bound });
    expect(linkId(token)).toBe(id);
    expect(verifyLink(token, bound)).toEqual({ id, expiresAt: 1_800_000_000_000 });
    // The account is compared case-insensitively (checksummed or not, the same account).
    expect(
      verifyLink(token, { ...bound, account: bound.account.toUpperCase().replace("0X", "0x") }),
    ).not.toBeNull();
  });

  it.each([
    ["another license", { ...bound, licenseId: "8" }],
    ["another file", { ...bound, sha256: `0x${"cd".repeat(32)}` }],
    ["another account", { ...bound, account: `0x${"11".repeat(20)}` }],
  ])("refuses a link presented for %s", (_, other) => {
    const token = signLink({ id: newLinkId(), expiresAt: 1_800_000_000_000, ...bound });
    expect(verifyLink(token, other)).toBeNull();
  });

  it("refuses a changed expiry, a changed MAC and malformed tokens", () => {
    const token = signLink({ id: newLinkId(), expiresAt: 1_800_000_000_000, ...bound });
    expect(verifyLink(token.replace(".1800000000000.", ".1900000000000."), bound)).toBeNull();
    expect(verifyLink(`${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`, bound)).toBeNull();
    for (const bad of ["", "../../etc/passwd", "a.b.c", `${token}x`])
      expect(verifyLink(bad, bound)).toBeNull();
  });
});
