import { describe, expect, it } from "vitest";
import { checkOffer, defaultOfferDraft, type OfferDraft } from "./offer";
import { renderTermsDocument } from "./terms-document";

const complete = (patch: Partial<OfferDraft> = {}): OfferDraft => ({
  ...defaultOfferDraft("ETH"),
  price: "0.05",
  terms: {
    ...defaultOfferDraft().terms,
    intendedUse: "Triage of adult chest X-rays in emergency departments.",
  },
  ...patch,
});

describe("checkOffer", () => {
  it("builds the on-chain terms in base units", () => {
    const check = checkOffer(complete({ maxLicenses: "25", transferable: true }));
    expect(check).toEqual({
      ok: true,
      template: expect.objectContaining({ use: "clinical", jurisdictions: ["EU"] }),
      terms: {
        price: 50_000_000_000_000_000n,
        currency: "ETH",
        period: 365 * 86_400,
        maxLicenses: 25,
        pinnedVersion: 0,
        rights: 1 | 2,
        transferable: true,
      },
    });
    const usd = checkOffer(complete({ currency: "tUSD", price: "250.5", period: "perpetual" }));
    expect(usd.ok && usd.terms.price).toBe(250_500_000n);
    expect(usd.ok && usd.terms.period).toBe(0);
  });

  it.each([
    ["", "price"],
    ["0", "price"],
    ["-1", "price"],
    ["1e3", "price"],
    ["0.0000000000000000001", "price"],
    ["99999999999999999999999999999", "price"],
  ])("refuses the price %j", (price, field) => {
    const check = checkOffer(complete({ price }));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => p.field)).toContain(field);
  });

  it("refuses a cap that is not a whole number from 1, no rights, and clinical terms without the clinical right", () => {
    const check = checkOffer(complete({ maxLicenses: "0", rights: ["research"] }));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((p) => p.field)).toEqual(["maxLicenses", "rights"]);
    const none = checkOffer(complete({ rights: [], terms: { ...complete().terms, use: "research" } }));
    expect(!none.ok && none.problems[0]?.message).toBe("Choose at least one usage right the license grants.");
  });

  it("refuses terms without an intended use or a jurisdiction", () => {
    const check = checkOffer(
      complete({ terms: { ...complete().terms, intendedUse: "x", jurisdictions: [] } }),
    );
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.filter((p) => p.field === "terms")).toHaveLength(2);
  });
});

describe("renderTermsDocument", () => {
  it("is deterministic and states the offer's facts and the template's clauses", () => {
    const draft = complete({ currency: "tUSD", price: "250", period: "30d", maxLicenses: "10" });
    const check = checkOffer(draft);
    if (!check.ok) throw new Error("offer should be complete");
    const a = renderTermsDocument(draft.terms, { assetName: "CXR  Triage", offer: check.terms });
    const b = renderTermsDocument({ ...draft.terms }, { assetName: "CXR Triage", offer: { ...check.terms } });
    expect(a).toBe(b);
    expect(a).toContain("# License terms: CXR Triage");
    expect(a).toContain("- Price: 250 tUSD per seat per 30 days");
    expect(a).toContain("- Licenses available: 10");
    expect(a).toContain("- Usage rights: Research, Clinical");
    expect(a).toContain("This license applies in: EU.");
    const research = renderTermsDocument(
      { ...draft.terms, use: "research" },
      { assetName: "CXR Triage", offer: check.terms },
    );
    expect(research).not.toBe(a);
    expect(research).toContain("research only; not for diagnosis");
  });
});
