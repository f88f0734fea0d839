import { describe, expect, it } from "vitest";
import { cardUri, parseCardUri } from "./card-uri";

const HASH = "5f1c8e0a4b6d2f7e9c3a1b0d8e6f4a2c7b9d1e3f5a7c9e0b2d4f6a8c0e1b3d5f";

describe("parseCardUri", () => {
  it("returns the card hash named by a tessera card URI", () => {
    expect(parseCardUri(`tessera://card/${HASH}`)).toBe(HASH);
  });

  it("lower-cases an upper-case hash so it matches the stored card key", () => {
    expect(parseCardUri(`tessera://card/${HASH.toUpperCase()}`)).toBe(HASH);
  });

  it("ignores surrounding whitespace", () => {
    expect(parseCardUri(`  tessera://card/${HASH}\n`)).toBe(HASH);
  });

  it.each([
    ["an empty string", ""],
    ["a truncated hash", "tessera://card/5f1c"],
    ["a hash with a 0x prefix", `tessera://card/0x${HASH.slice(2)}`],
    ["a hash with non-hex digits", `tessera://card/${HASH.slice(1)}g`],
    ["a hash that is too long", `tessera://card/${HASH}00`],
    ["another scheme", `ipfs://card/${HASH}`],
    ["another resource type", `tessera://artifact/${HASH}`],
    ["a trailing path", `tessera://card/${HASH}/v2`],
  ])("returns null for %s", (_label, uri) => {
    expect(parseCardUri(uri)).toBeNull();
  });

  it("round-trips with cardUri", () => {
    expect(parseCardUri(cardUri(HASH))).toBe(HASH);
  });
});
