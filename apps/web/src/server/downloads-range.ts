// The one Range form a resumable download needs: a single `bytes=start-end`, `bytes=start-` or
// `bytes=-suffix`. Anything else (several ranges, other units, garbage) is refused, not ignored,
// so a client never mistakes a whole file for the part it asked for.

export type RangeAnswer =
  | { kind: "whole" }
  | { kind: "part"; start: number; end: number }
  | { kind: "unsatisfiable"; reason: string };

export function parseRange(header: string | null, size: number): RangeAnswer {
  if (header === null) return { kind: "whole" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) {
    return { kind: "unsatisfiable", reason: `Send one byte range, like "bytes=0-1023" or "bytes=1024-".` };
  }
  const [, a = "", b = ""] = match;
  if (a === "") {
    const suffix = Number(b);
    if (suffix === 0 || size === 0) return outside(header, size);
    return { kind: "part", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === "" ? size - 1 : Math.min(Number(b), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || end < start) return outside(header, size);
  return { kind: "part", start, end };
}

function outside(header: string, size: number): RangeAnswer {
  return {
    kind: "unsatisfiable",
    reason: `The range "${header}" is not within this file of ${size.toLocaleString("en")} bytes. Ask for bytes 0 to ${Math.max(0, size - 1)}.`,
  };
}
