// A clinic searches the catalogue, narrows it with filters, and opens an asset page: in Chromium, with
// the injected signing wallet present, against the seeded marketplace. Every page passes axe (no
// serious or critical violation), fits a 375 px screen, and is screenshotted at 1280 and 375 px.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../apps/web/src/lib/catalogue-query.ts";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { fitsViewportWidth, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { injectWallet } from "../support/wallet.ts";

describe("catalogue: search -> filter -> asset page", () => {
  let stack: Stack;
  let webUrl: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    stack = await startStack();
    await stack.index();
    webUrl = await stack.startWeb();
    browser = await launchBrowser();
    await injectWallet(browser, { rpcUrl: stack.rpcUrl, account: devAccount(DEV_ACCOUNT.clinic) });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function checkPage(page: Page, name: string) {
    expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
    await screenshotAtWidths(page, name);
    await page.setViewportSize({ width: 375, height: 900 });
    expect(await fitsViewportWidth(page), `${name} fits 375 px`).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  const names = (page: Page) => page.getByTestId("asset-name").allTextContents();

  it("searches, filters with the form, keeps the state in the URL and opens the asset page", async () => {
    const page = await browser.newPage();
    await page.goto(`${webUrl}/explore`);
    await page.getByRole("searchbox", { name: "Search" }).fill("chest x-ray");
    await page.getByRole("button", { name: "Show results" }).click();
    await page.waitForURL(/q=chest\+x-ray/);
    // Ranked by best match: the words in the dataset's name (weight A) outrank the model's summary.
    expect(new URL(page.url()).searchParams.get("sort")).toBe("relevance");
    expect(await names(page)).toEqual(["Rural Clinic Chest X-ray Set", "CXR Triage"]);
    expect(await page.locator("mark").count()).toBeGreaterThan(0);
    await checkPage(page, "explore-search");

    await page.getByLabel("Kind").selectOption("model");
    await page.getByLabel("Clinical use allowed").check();
    await page.getByRole("button", { name: "Show results" }).click();
    await page.waitForURL(/clinical=1/);
    expect(new URL(page.url()).searchParams.get("kind")).toBe("model");
    expect(await names(page)).toEqual(["CXR Triage"]);

    // The URL alone reproduces the search (it can be shared).
    const shared = await browser.newPage();
    await shared.goto(page.url());
    expect(await names(shared)).toEqual(["CXR Triage"]);
    await shared.close();

    await page.getByTestId("asset-name").first().click();
    await page.waitForURL(/\/assets\/31337\/7$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("CXR Triage");
    await page.close();
  });

  it("filters by currency and price, sorts by price and pages with a keyset cursor", async () => {
    const page = await browser.newPage();
    await page.goto(`${webUrl}/explore?currency=tUSD&maxPrice=200&sort=price`);
    const found = await names(page);
    // Cheapest tUSD offer per seat: Skin Lesion Triage 60, Retina DR Screen 95, CXR Triage 180.
    expect(found).toEqual(["Skin Lesion Triage", "Retina DR Screen", "CXR Triage"]);
    await checkPage(page, "explore-filtered");

    await page.goto(`${webUrl}/explore?sort=newest`);
    expect(await page.getByTestId("next-page").count()).toBe(0);
    expect(await page.getByTestId("previous-page").count()).toBe(0);
    expect((await names(page)).length).toBe(stack.seededNames.length);

    // A later page (here: after a cursor above every asset's sales) links back; "Previous page" keeps
    // the sort in the URL and, reaching the start, shows the first page.
    const after = encodeCursor({ s: "licensed", k: "1000000", id: "1" });
    await page.goto(`${webUrl}/explore?sort=licensed&cursor=${after}`);
    const firstPage = await names(page);
    expect(firstPage.length).toBe(stack.seededNames.length);
    await checkPage(page, "explore-later-page");
    await page.getByTestId("previous-page").click();
    await page.waitForURL((url) => url.searchParams.get("cursor") !== after);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("licensed");
    expect(decodeCursor(new URL(page.url()).searchParams.get("cursor") ?? "")?.b).toBe(1);
    expect(await names(page)).toEqual(firstPage);
    expect(await page.getByTestId("previous-page").count()).toBe(0);
    await page.close();
  });

  it("shows an empty state that says what to do, and normalises bad parameters with a notice", async () => {
    const page = await browser.newPage();
    const response = await page.goto(
      `${webUrl}/explore?q=zebra+unicorn&sort=sideways&kind=robot&minPrice=abc`,
    );
    expect(response?.status()).toBe(200);
    expect(await page.getByTestId("empty-results").textContent()).toMatch(/remove a filter/i);
    const notices = await page.getByTestId("query-notices").textContent();
    expect(notices).toMatch(/"sideways" is not a way to sort/);
    expect(notices).toMatch(/"robot" is not a kind of asset/);
    expect(notices).toMatch(/not a number/);
    await checkPage(page, "explore-empty");
    await page.close();
  });

  it("renders the asset page: badges, clinical section, versions, lineage, offers, stake, holders, sales", async () => {
    const page = await browser.newPage();
    await page.goto(`${webUrl}/assets/31337/7`);
    const badges = await page.getByTestId("asset-badges").textContent();
    expect(badges).toContain("Model");
    expect(badges).toContain("Clinical use");
    expect(badges).toContain("CE marked");
    expect(badges).toContain("Version 3");
    expect(await page.getByTestId("clinical-section").textContent()).toContain("Worklist prioritisation");
    expect(await page.getByTestId("versions").getByRole("listitem").count()).toBe(3);
    expect(await page.getByTestId("offer-price").allTextContents()).toEqual([
      "0.04 ETH per seat per 30 days",
      "180 tUSD per seat per 30 days",
      "1,800 tUSD per seat per 1 year",
    ]);
    expect(await page.getByTestId("stake-total").textContent()).toBe("7,500 TSTK");
    expect(await page.getByTestId("sales-chart").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Rural Clinic Chest X-ray Set" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "TB Screen Lite" }).count()).toBe(1);
    await checkPage(page, "asset");

    await page.goto(`${webUrl}/assets/31337/10`);
    expect(await page.getByTestId("challenge-banner").textContent()).toMatch(/being challenged/);
    await checkPage(page, "asset-challenged");

    await page.goto(`${webUrl}/assets/31337/13`);
    expect(await page.getByTestId("clinical-section").textContent()).toContain("Not provided");

    await page.goto(`${webUrl}/assets/31337/1`);
    expect(await page.getByRole("link", { name: "CXR Triage" }).count()).toBeGreaterThan(0);
    await checkPage(page, "asset-dataset");
    await page.close();
  });

  it("answers 404, not 500, for an asset that does not exist or a malformed id", async () => {
    for (const path of ["/assets/31337/999", "/assets/31337/abc", "/assets/1/1"]) {
      const response = await fetch(`${webUrl}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it("can be used with the keyboard alone: the filter form, then a result", async () => {
    const page = await browser.newPage();
    await page.goto(`${webUrl}/explore`);
    await page.getByRole("searchbox", { name: "Search" }).focus();
    await page.keyboard.type("sepsis");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=sepsis/);
    // Tab from the search box until a result's link has focus, then open it with Enter.
    await page.getByRole("searchbox", { name: "Search" }).focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const onResult = await page.evaluate(
        // biome-ignore lint/suspicious/noExplicitAny: runs in the page, whose globals Node's types lack
        () => (globalThis as any).document.activeElement?.dataset?.testid === "asset-name",
      );
      if (onResult) break;
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/assets\/31337\/\d+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/Sepsis|ICU/);
    await page.close();
  });
});
