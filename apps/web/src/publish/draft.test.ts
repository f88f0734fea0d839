import { describe, expect, it } from "vitest";
import { newDraft, publishDraftSchema } from "./draft";

describe("the stored draft", () => {
  it("accepts a new draft and a half-filled one, so a reload never loses work", () => {
    const draft = newDraft("0x1111111111111111111111111111111111111111");
    expect(publishDraftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
    const half = {
      ...draft,
      step: 4,
      offers: [
        {
          ...draft.offers[0],
          price: "0.0",
          maxLicenses: "abc",
          terms: { ...draft.offers[0]?.terms, intendedUse: "x", jurisdictions: [""] },
        },
      ],
      contributors: [{ address: "0x12", percent: "" }],
    };
    expect(publishDraftSchema.safeParse(JSON.parse(JSON.stringify(half))).success).toBe(true);
  });

  it("refuses a draft that is not one (another app's data under the key)", () => {
    expect(publishDraftSchema.safeParse({ step: 2 }).success).toBe(false);
  });
});
