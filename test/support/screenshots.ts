// Screenshots a person looks at before calling a page done: the same page at desktop and phone width.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

export const outputDir = fileURLToPath(new URL("../.output", import.meta.url));

export const WIDTHS = { desktop: 1280, phone: 375 } as const;

/** Saves `<name>-1280.png` and `<name>-375.png` (full page) in test/.output; restores the viewport. */
export async function screenshotAtWidths(page: Page, name: string): Promise<string[]> {
  mkdirSync(outputDir, { recursive: true });
  const original = page.viewportSize() ?? { width: WIDTHS.desktop, height: 900 };
  const paths: string[] = [];
  for (const width of Object.values(WIDTHS)) {
    await page.setViewportSize({ width, height: 900 });
    const path = join(outputDir, `${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    paths.push(path);
  }
  await page.setViewportSize(original);
  return paths;
}

/** True when nothing on the page is wider than the viewport (no sideways scrolling at 375 px). */
export async function fitsViewportWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: runs in the page, whose globals Node's types lack
    const win = globalThis as any;
    return win.document.documentElement.scrollWidth <= win.innerWidth;
  });
}
