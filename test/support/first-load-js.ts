// The JavaScript a cold first visit downloads: every script the page loads in a fresh browser profile,
// gzipped (zlib's default level), summed. The budget is 250 KB per page; bench-web and the browser
// tests measure it the same way.
import { gzipSync } from "node:zlib";
import { launchBrowser } from "./browser.ts";

export async function firstLoadJs(url: string): Promise<{ kb: number; count: number }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const pending: Array<Promise<number>> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => gzipSync(body).length)
          .catch(() => 0),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const sizes = await Promise.all(pending);
    return { kb: Math.round((sizes.reduce((a, b) => a + b, 0) / 1024) * 10) / 10, count: sizes.length };
  } finally {
    await browser.close();
  }
}
