import { describe, expect, it } from "vitest";
import { dropCompoundParts } from "./catalogue-search";

// Inputs are what websearch_to_tsquery('english', …) prints for what a visitor types.
describe("dropCompoundParts", () => {
  it.each([
    ["chest x-ray", "'chest' & 'x-ray' <-> 'x' <-> 'ray'", "'chest' & 'x-ray'"],
    [
      "state-of-the-art model",
      "'state-of-the-art' <-> 'state' <3> 'art' & 'model'",
      "'state-of-the-art' & 'model'",
    ],
    [
      "follow-up x-rays or ct",
      "'follow-up' <-> 'follow' & 'x-ray' <-> 'x' <-> 'ray' | 'ct'",
      "'follow-up' & 'x-ray' | 'ct'",
    ],
    [
      "non-small-cell lung",
      "'non-small-cel' <-> 'non' <-> 'small' <-> 'cell' & 'lung'",
      "'non-small-cel' & 'lung'",
    ],
    ["sepsis -x-ray", "'sepsi' & !( 'x-ray' <-> 'x' <-> 'ray' )", "'sepsi' & !( 'x-ray' )"],
  ])("keeps only the hyphenated word of %s", (_typed, tsquery, simplified) => {
    expect(dropCompoundParts(tsquery)).toBe(simplified);
  });

  it("leaves a quoted phrase that goes on past the parts as it is", () => {
    const phrase = "'x-ray' <-> 'x' <-> 'ray' <-> 'chest' & !'covid'";
    expect(dropCompoundParts(phrase)).toBe(phrase);
  });

  it("leaves words that only start with a hyphen, and plain words, alone", () => {
    expect(dropCompoundParts("'covid' <-> '-19' & 'test'")).toBe("'covid' <-> '-19' & 'test'");
    expect(dropCompoundParts("'sepsi'")).toBe("'sepsi'");
    expect(dropCompoundParts("")).toBe("");
  });

  it("reads a quote doubled inside a word (how a tsquery writes one) as part of the word", () => {
    expect(dropCompoundParts("'o''brien-smith' <-> 'o''brien' <-> 'smith'")).toBe("'o''brien-smith'");
  });
});
