import { describe, expect, it } from "vitest";
import { expiryWords } from "./expiry";

const at = new Date("2026-03-02T12:00:00Z");

describe("expiryWords", () => {
  it("counts days, then hours, then minutes", () => {
    expect(expiryWords(at, 3 * 86_400 + 5)).toBe("Expires on 2 Mar 2026, in 3 days.");
    expect(expiryWords(at, 2 * 86_400 - 1)).toBe("Expires on 2 Mar 2026, in 47 hours.");
    expect(expiryWords(at, 7_199)).toBe("Expires on 2 Mar 2026, in 119 minutes.");
    expect(expiryWords(at, 61)).toBe("Expires on 2 Mar 2026, in 1 minute.");
    expect(expiryWords(at, 1)).toBe("Expires on 2 Mar 2026, in 1 minute.");
  });

  it("says how long ago an expired license ran out, and what to do", () => {
    expect(expiryWords(at, 0)).toBe("Expired on 2 Mar 2026, 1 minute ago. Renew to use it again.");
    expect(expiryWords(at, -31 * 86_400)).toBe("Expired on 2 Mar 2026, 31 days ago. Renew to use it again.");
  });

  it("has no countdown for a perpetual license", () => {
    expect(expiryWords(null, null)).toBe("Never expires.");
  });
});
