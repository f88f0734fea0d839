// axe-core in the page under test: the WCAG rules a person with a screen reader or a keyboard
// depends on. Injected from the npm package (no CDN), run on the rendered DOM.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** The serious and critical violations on the page as it is now (an empty list is a pass). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Next streams a dynamic page's metadata and re-resolves it on router.refresh(): right after a
  // refresh the <title> can be missing for a moment. Check the settled page; a title that never
  // comes is still reported below (document-title).
  await page
    .waitForFunction(
      () => (globalThis as unknown as { document: { title: string } }).document.title.trim() !== "",
      null,
      {
        timeout: 10_000,
      },
    )
    .catch(() => {});
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    // Runs in the page: its globals (axe, document) are not in this file's Node types.
    // biome-ignore lint/suspicious/noExplicitAny: the page's global object, axe injected just above
    const page = globalThis as any;
    const result = await page.axe.run(page.document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return (
      result.violations as Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
