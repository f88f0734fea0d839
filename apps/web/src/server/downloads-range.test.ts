import { describe, expect, it } from "vitest";
import { parseRange } from "./downloads-range";

describe("parseRange", () => {
  it("reads the single ranges a resumable download sends", () => {
    expect(parseRange(null, 100)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "part", start: 0, end: 9 });
    expect(parseRange("bytes=40-", 100)).toEqual({ kind: "part", start: 40, end: 99 });
    expect(parseRange("bytes=90-500", 100)).toEqual({ kind: "part", start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ kind: "part", start: 90, end: 99 });
  });

  it.each(["bytes=100-", "bytes=5-2", "bytes=0-1,5-9", "items=0-1", "bytes=-", "bytes=-0", "garbage"])(
    "refuses %j with a sentence",
    (header) => {
      const answer = parseRange(header, 100);
      expect(answer.kind).toBe("unsatisfiable");
      if (answer.kind === "unsatisfiable") expect(answer.reason).toMatch(/range|bytes/i);
    },
  );
});
