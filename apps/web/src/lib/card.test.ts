import { describe, expect, it } from "vitest";
import { markdownToSafeHtml, renderCard } from "./card";

const CARD = `---
model_name: CXR Triage
license: other
pipeline_tag: image-classification
clinical_use: true
regulatory_status: "CE marked, class IIa"
intended_use: Worklist prioritisation.
evaluation:
  - AUROC 0.94 (TB)
  - AUROC 0.91 (pneumonia)
---

# CXR Triage

Flags chest X-rays.

## Limitations
Not for lateral views.

| metric | value |
| --- | --- |
| AUROC | 0.94 |
`;

describe("renderCard", () => {
  it("reads the front matter and renders the Markdown below the page's h1", () => {
    const card = renderCard(CARD, "CXR Triage");
    expect(card.meta).toMatchObject({ pipeline_tag: "image-classification", clinical_use: true });
    expect(card.html).not.toContain("<h1");
    expect(card.html).toContain("<h3>Limitations</h3>");
    expect(card.html).toContain("<table>");
    expect(card.problem).toBeNull();
  });

  it("takes the clinical section from the front matter, else from the Markdown, else reports it missing", () => {
    const { clinical } = renderCard(CARD);
    expect(clinical.intendedUse).toBe("Worklist prioritisation.");
    expect(clinical.evaluation).toBe("AUROC 0.94 (TB)\nAUROC 0.91 (pneumonia)");
    expect(clinical.limitations).toContain("Not for lateral views.");
    expect(clinical.population).toBeNull();
  });

  it("still renders a card whose YAML is broken, and says why the header was skipped", () => {
    const card = renderCard("---\nname: [unclosed\n---\n\nHello");
    expect(card.problem).toMatch(/YAML header could not be read/);
    expect(card.html).toContain("<p>Hello</p>");
  });

  it("renders a card without front matter", () => {
    expect(renderCard("Just **text**").html).toBe("<p>Just <strong>text</strong></p>");
  });
});

describe("markdownToSafeHtml never lets a card run code", () => {
  it.each([
    ["a script element", "<script>alert(1)</script>\n\nok"],
    ["an inline event handler", '<img src="x.png" onerror="alert(1)">'],
    ["a javascript: link", "[click](javascript:alert(1))"],
    ["a javascript: link with odd case and entities", "[click](JaVaScRiPt&#58;alert(1))"],
    ["a javascript: autolink", "<javascript:alert(1)>"],
    ["a data: URL image", "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a reference-style javascript: link", "[a][r]\n\n[r]: javascript:alert(1)"],
  ])("drops %s", (_label, markdown) => {
    const html = markdownToSafeHtml(markdown).toLowerCase();
    expect(html).not.toContain("<script");
    // The words may survive as text (an autolink's label); never as a link or source.
    expect(html).not.toMatch(/(href|src)="[^"]*javascript:/);
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("<iframe");
    expect(html).not.toMatch(/src="data:/);
  });

  it("keeps ordinary https links", () => {
    expect(markdownToSafeHtml("[paper](https://example.org/p.pdf)")).toContain(
      'href="https://example.org/p.pdf"',
    );
  });
});
