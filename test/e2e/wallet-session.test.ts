// A clinic's staff member connects a real signing wallet in Chromium and signs in: three actions,
// a session that survives a reload and ends on sign out; a wallet on another network is offered the
// switch first. Signatures and transactions asked of the wallet are counted.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { fitsViewportWidth, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { type InjectedWallet, injectWallet } from "../support/wallet.ts";

let stack: Stack;
let web: string;
let browser: BrowserContext | undefined;

beforeAll(async () => {
  stack = await startStack();
  await stack.index();
  web = await stack.startWeb();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function open(
  account = devAccount(DEV_ACCOUNT.clinic),
  chainId?: number,
): Promise<{ page: Page; wallet: InjectedWallet }> {
  browser = await launchBrowser();
  const wallet = await injectWallet(browser, {
    rpcUrl: stack.rpcUrl,
    account,
    ...(chainId ? { chainId } : {}),
  });
  const page = await browser.newPage();
  await page.goto(web);
  return { page, wallet };
}

const signedIn = (page: Page) => page.getByTestId("wallet-address").getAttribute("data-signed-in");

describe("connect and sign in", () => {
  it("takes three user actions, survives a reload and ends on sign out", async () => {
    const clinic = devAccount(DEV_ACCOUNT.clinic);
    const { page, wallet } = await open(clinic);

    await page.getByTestId("connect-wallet").click(); // action 1
    await expect.poll(() => signedIn(page), { timeout: 20_000 }).toBe("true");
    // Actions 2 and 3 happen in the wallet: approve the connection, sign the message.
    const walletApprovals = wallet.count("eth_requestAccounts") + wallet.count("personal_sign");
    expect(1 + walletApprovals).toBeLessThanOrEqual(3);
    expect(wallet.count("personal_sign")).toBe(1);
    expect(wallet.count("eth_sendTransaction")).toBe(0);

    const sessions = await stack.db.authSession.findMany();
    expect(sessions.map((s) => s.address)).toEqual([clinic.address.toLowerCase()]);
    const cookie = (await browser?.cookies())?.find((c) => c.name === "tessera_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.reload();
    await expect.poll(() => signedIn(page), { timeout: 20_000 }).toBe("true");
    expect(wallet.count("personal_sign")).toBe(1);

    await page.getByTestId("wallet-address").click();
    await page.getByTestId("sign-out").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotAtWidths(page, "wallet-menu-signed-in");
    await page.getByTestId("sign-out").click();
    await expect.poll(() => signedIn(page)).toBe("false");
    expect(await stack.db.authSession.count()).toBe(0);
    const after = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    expect(after).toEqual({ session: null });
  });

  it("keeps the wallet connected when the signature is declined, and signs in from the menu", async () => {
    const { page, wallet } = await open();
    wallet.declineNext("personal_sign");
    await page.getByTestId("connect-wallet").click();
    const notice = page.getByTestId("sign-in-error");
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toMatch(/declined the sign-in request.*connected, but not signed in/);
    expect(await signedIn(page)).toBe("false");
    expect(await stack.db.authSession.count()).toBe(0);

    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.getByTestId("wallet-address").click();
    await page.getByTestId("sign-in").click();
    await expect.poll(() => signedIn(page), { timeout: 20_000 }).toBe("true");
    expect(wallet.count("personal_sign")).toBe(2);
    await page.getByTestId("wallet-address").click();
    await page.getByTestId("sign-out").click();
    await expect.poll(() => signedIn(page)).toBe("false");
  });

  it("offers Switch to Hardhat to a wallet on another network and asks no signature until then", async () => {
    const { page, wallet } = await open(devAccount(DEV_ACCOUNT.contributor), 1);
    await page.getByTestId("connect-wallet").click();
    const switchButton = page.getByTestId("switch-chain");
    await switchButton.waitFor({ timeout: 20_000 });
    expect(await switchButton.getAttribute("aria-label")).toBe("Switch to Hardhat");
    expect(wallet.count("personal_sign")).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await fitsViewportWidth(page)).toBe(true);
    await screenshotAtWidths(page, "header-wrong-network");

    await switchButton.click();
    await switchButton.waitFor({ state: "detached", timeout: 20_000 });
    expect(wallet.chainId()).toBe(31337);
    await page.getByTestId("wallet-address").click();
    await page.getByTestId("sign-in").click();
    await expect.poll(() => signedIn(page), { timeout: 20_000 }).toBe("true");
    expect(wallet.count("personal_sign")).toBe(1);
  });
});
