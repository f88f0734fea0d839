import { describe, expect, it } from "vitest";
import { formatDateTime, timeLeft } from "./countdown";

const at = new Date("2026-12-04T14:03:00Z");

describe("timeLeft", () => {
  it.each([
    [7 * 86_400, "7 days"],
    [6 * 86_400 + 23 * 3_600 + 59, "6 days 23 hours"],
    [3 * 3_600 + 5 * 60, "3 hours 5 minutes"],
    [60, "1 minute"],
    [59, "under a minute"],
    [-10, "under a minute"],
  ])("%i seconds before reads %j", (seconds, text) => {
    expect(timeLeft(new Date(at.getTime() - seconds * 1000), at)).toBe(text);
  });
});

describe("formatDateTime", () => {
  it("names the day and time in UTC", () => {
    expect(formatDateTime(at)).toBe("4 Dec 2026, 14:03 UTC");
  });
});
