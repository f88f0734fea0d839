import { describe, expect, it } from "vitest";
import { cookieValue, SESSION_COOKIE } from "./sessions";

// The byte-carrying routes read the session from the raw Cookie header (no next/headers there).
describe("cookieValue", () => {
  it("finds the session cookie among others, wherever it sits", () => {
    expect(cookieValue(`a=1; ${SESSION_COOKIE}=tok.en_1; b=2`, SESSION_COOKIE)).toBe("tok.en_1");
    expect(cookieValue(`${SESSION_COOKIE}=x`, SESSION_COOKIE)).toBe("x");
  });

  it("does not take a cookie whose name only ends or starts like it", () => {
    expect(cookieValue(`old_${SESSION_COOKIE}=x; ${SESSION_COOKIE}_2=y`, SESSION_COOKIE)).toBeUndefined();
  });

  it("answers undefined without a header, and keeps a value that is not valid percent-encoding", () => {
    expect(cookieValue(undefined, SESSION_COOKIE)).toBeUndefined();
    expect(cookieValue(`${SESSION_COOKIE}=%E0%A4%A`, SESSION_COOKIE)).toBe("%E0%A4%A");
    expect(cookieValue(`${SESSION_COOKIE}=a%20b`, SESSION_COOKIE)).toBe("a b");
  });
});
