// A clinic opens Tessera in a real browser with a real signing wallet and sees the catalogue.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { launchBrowser } from "../support/browser.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { injectWallet } from "../support/wallet.ts";

const outputDir = fileURLToPath(new URL("../.output", import.meta.url));

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

  it("lists the seeded assets and saves a screenshot", async () => {
    const page = await browser.newPage();
    await page.goto(webUrl);
    const names = page.getByTestId("asset-name");
    await names.first().waitFor();
    expect(await names.allTextContents()).toEqual([...stack.seededNames].reverse());
    mkdirSync(outputDir, { recursive: true });
    await page.screenshot({ path: join(outputDir, "home.png"), fullPage: true });
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
    await page.screenshot({ path: join(outputDir, "home-connected.png") });
    await page.close();
  });
});
