// A clinic opens Tessera in a real browser with a real signing wallet: the home page leads into the
// catalogue (most staked models, recent sales, newest registrations), and every card opens its asset.
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { fitsViewportWidth, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { injectWallet } from "../support/wallet.ts";

describe("home page in Chromium", () => {
  let stack: Stack;
  let webUrl: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    stack = await startStack();
    await stack.index();
    webUrl = await stack.startWeb();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("features the most staked models, lists every registration newest first, and passes axe", async () => {
    const page = await browser.newPage();
    await page.goto(webUrl);
    const featured = page.getByTestId("asset-name");
    await featured.first().waitFor();
    // Stake seeded on models: 7,500, 4,000, 2,000, 1,200 and 800 TSTK; then unstaked ones, newest first.
    expect(await featured.allTextContents()).toEqual([
      "CXR Triage",
      "Retina DR Screen",
      "Sepsis Early Warning",
      "Discharge Summary Drafter",
      "Patient Education Translator",
      "Skin Lesion Triage",
    ]);
    expect(await page.getByTestId("newest-name").allTextContents()).toEqual([...stack.seededNames].reverse());
    expect(await page.getByTestId("recent-sales").getByRole("link").count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotAtWidths(page, "home");
    await page.setViewportSize({ width: 375, height: 900 });
    expect(await fitsViewportWidth(page)).toBe(true);
    await page.close();
  });

  it("opens an asset page from a featured card and searches from the hero", async () => {
    const page = await browser.newPage();
    await page.goto(webUrl);
    await page.getByTestId("asset-name").first().click();
    await page.waitForURL(/\/assets\/31337\/\d+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("CXR Triage");
    await page.goto(webUrl);
    await page.getByRole("searchbox", { name: /search models and datasets/i }).fill("retinopathy");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/explore\?q=retinopathy/);
    expect(await page.getByTestId("asset-name").first().textContent()).toBe("Retina DR Screen");
    await page.close();
  });

  it("connects the injected wallet and shows its address", async () => {
    const clinic = devAccount(DEV_ACCOUNT.clinic);
    const wallet = await injectWallet(browser, { rpcUrl: stack.rpcUrl, account: clinic });
    const page = await browser.newPage();
    await page.goto(webUrl);
    await page
      .getByRole("button", { name: /connect wallet/i })
      .first()
      .click();
    const pill = page.getByTestId("wallet-address");
    await pill.waitFor({ timeout: 15_000 });
    expect(await pill.getAttribute("data-address")).toBe(clinic.address);
    expect(wallet.requests).toContain("eth_requestAccounts");
    await page.close();
  });
});
