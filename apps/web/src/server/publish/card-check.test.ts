import { describe, expect, it } from "vitest";
import { checkCard } from "./card-check";

describe("checkCard", () => {
  it("reads the name, summary and clinical fields of a good card", () => {
    const card = checkCard(
      "model",
      "---\nmodel_name: CXR Triage\nintended_use: Flags urgent chest X-rays.\npopulation: Adults.\nevaluation: AUROC 0.94.\nlimitations: Not for children.\n---\n\n# CXR Triage\n\nFlags **urgent** findings on chest X-rays.\n",
    );
    expect(card.errors).toEqual([]);
    expect(card.warnings).toEqual([]);
    expect(card.name).toBe("CXR Triage");
    expect(card.summary).toBe("Flags urgent findings on chest X-rays.");
    expect(card.clinical.intendedUse).toBe("Flags urgent chest X-rays.");
    expect(card.sha256).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it("places a YAML error at its line and column in the whole file", () => {
    const card = checkCard("model", "---\nmodel_name: A\ntags: [one, two\nlicense: mit\n---\n# A\n");
    expect(card.errors.length).toBeGreaterThan(0);
    const [first] = card.errors;
    expect(first?.line).toBeGreaterThanOrEqual(3);
    expect(first?.column).toBeGreaterThanOrEqual(1);
  });

  it("reports a header that never closes, and a card without a name", () => {
    expect(checkCard("model", "---\nmodel_name: A\n# A\n").errors[0]).toMatchObject({ line: 1, column: 1 });
    const nameless = checkCard("dataset", "Just text, no title.\n");
    expect(nameless.errors[0]?.message).toMatch(/pretty_name/);
  });

  it("warns, without blocking, about each clinical field left out", () => {
    const card = checkCard("model", "# Only a name\n\nSome words.\n");
    expect(card.errors).toEqual([]);
    expect(card.warnings).toHaveLength(4);
    expect(card.warnings[0]?.message).toMatch(/intended use/);
  });
});
