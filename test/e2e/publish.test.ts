// A model builder publishes from the browser with a real signing wallet: sign in, write the card
// (a YAML mistake is pointed at by line), upload the artifact, split the revenue between three
// contributors, name a parent dataset, make an ETH and a stablecoin offer, then sign the checklist
// and land on the indexed asset page with the artifact's hash. The studio then shows a sale another
// account made. Signatures and transactions the wallet was asked for are counted.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { licenseManagerAbi } from "@tessera/abi";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { createWalletClient, http } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { firstLoadJs } from "../support/first-load-js.ts";
import {
  checkPage,
  connectAndSignIn,
  ETH_AND_STABLECOIN_OFFERS,
  flowState,
  makeEthAndStablecoinOffers,
  nextStep,
  wristCard,
  writeCard,
} from "../support/publish-flow.ts";
import { outputDir, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { type InjectedWallet, injectWallet } from "../support/wallet.ts";

const builder = devAccount(9);
const coAuthor = devAccount(10);
const dataProvider = devAccount(11);

let stack: Stack;
let web: string;
let browser: BrowserContext;
let page: Page;
let wallet: InjectedWallet;

beforeAll(async () => {
  stack = await startStack();
  await stack.index();
  web = await stack.startWeb();
  browser = await launchBrowser();
  wallet = await injectWallet(browser, { rpcUrl: stack.rpcUrl, account: builder });
  page = await browser.newPage();
});
// A failing step leaves a picture of the page behind, to see what the person would have seen.
afterEach(async (context) => {
  if (context.task.result?.state === "fail") {
    await page?.screenshot({
      path: join(outputDir, `publish-failed-${context.task.name.slice(0, 40).replace(/\W+/g, "-")}.png`),
      fullPage: true,
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const CARD = wristCard();
const check = (name: string) => checkPage(page, name);
const next = () => nextStep(page);

/**
 * Signs one checklist step and follows it to "indexed" (the test runs the indexer, as the daemon
 * would); the step is done when its `done` marker replaces the button.
 */
async function sign(step: Locator, done: string) {
  await step.getByTestId("tx-submit").click();
  await expect
    .poll(
      async () => {
        // The last step's success navigates to the asset page, which can happen between two polls.
        if (/\/assets\/31337\/\d+/.test(page.url())) return "done";
        if ((await step.getByTestId(done).count()) > 0) return "done";
        const state = await flowState(step);
        if (state === "failed")
          throw new Error((await step.getByTestId("tx-error").textContent()) ?? "failed");
        if (state === "confirmed") await stack.index();
        return state;
      },
      { timeout: 60_000 },
    )
    .toBe("done");
}

// Signing three transactions and following each to "indexed" takes longer than one default test.
describe("publishing a model from the browser", { timeout: 180_000 }, () => {
  let artifactSha256: string;

  it("signs in and writes the card, with a YAML mistake pointed at by line", async () => {
    await page.goto(`${web}/publish`);
    await connectAndSignIn(page);
    const editor = page.getByTestId("card-editor");
    await editor.fill(
      CARD.replace("pipeline_tag: image-classification", "pipeline_tag: [image-classification"),
    );
    await expect
      .poll(() => page.getByTestId("card-errors").textContent(), { timeout: 20_000 })
      .toMatch(/^Line [34], column \d+: The YAML header cannot be read here/);
    expect(await page.getByTestId("wizard-next").isDisabled()).toBe(true);
    await check("publish-1-card-error");
    await writeCard(page, CARD, "Wrist Fracture Finder");
    await check("publish-1-card");
    await next();
  });

  it("uploads a 50 MB artifact with progress, and resumes it after a reload", async () => {
    const bytes = randomBytes(50 * 1000 * 1000);
    const expected = `0x${createHash("sha256").update(bytes).digest("hex")}`;
    mkdirSync(join(outputDir, "files"), { recursive: true });
    const file = join(outputDir, "files", "wrist-fracture-finder-v1.onnx");
    writeFileSync(file, bytes);
    // Chromium's own network emulation slows the upload so the reload lands halfway, by state.
    const cdp = await browser.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 8_000_000,
    });
    await page.getByTestId("upload-file-input").setInputFiles(file);
    const progress = async () =>
      Number(await page.getByTestId("upload-progress").getAttribute("aria-valuenow"));
    await expect.poll(progress, { timeout: 30_000 }).toBeGreaterThanOrEqual(30);
    await check("publish-2-uploading");
    await page.reload();
    // The wizard comes back on the artifact step and offers to continue the interrupted upload.
    await page.getByTestId("upload-interrupted").waitFor({ timeout: 20_000 });
    const unthrottled = await browser.newCDPSession(page);
    await unthrottled.send("Network.enable");
    await unthrottled.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.getByTestId("upload-file-input").setInputFiles(file);
    await expect
      .poll(() => page.getByTestId("artifact-sha256").textContent(), { timeout: 90_000 })
      .toBe(expected);
    artifactSha256 = expected;
    await check("publish-2-artifact");
    await next();
  });

  it("splits the revenue between three contributors, refusing a split that is not 100 %", async () => {
    const rows = page.getByTestId("contributors").getByRole("listitem");
    expect(
      await rows
        .first()
        .getByLabel(/wallet address/)
        .inputValue(),
    ).toBe(builder.address);
    await page.getByRole("button", { name: "Add a contributor" }).click();
    await page.getByRole("button", { name: "Add a contributor" }).click();
    await rows.nth(0).getByLabel("Share (%)").fill("50");
    await rows
      .nth(1)
      .getByLabel(/wallet address/)
      .fill(coAuthor.address);
    await rows.nth(1).getByLabel("Share (%)").fill("30");
    await rows
      .nth(2)
      .getByLabel(/wallet address/)
      .fill(dataProvider.address);
    await rows.nth(2).getByLabel("Share (%)").fill("10");
    expect(await page.getByTestId("wizard-blocker").textContent()).toBe(
      "The shares add up to less than 100 %: 10 % is not given to anyone yet.",
    );
    await check("publish-3-split-error");
    await rows.nth(2).getByLabel("Share (%)").fill("20");
    expect(await page.getByTestId("split-total").textContent()).toMatch(/^Total: 100 %/);
    await next();
  });

  it("names a parent dataset with its upstream share, refusing more than 30 %", async () => {
    await page.getByRole("button", { name: "Add a parent" }).click();
    const row = page.getByTestId("parents").getByRole("listitem").first();
    await row.getByLabel("Parent asset number").fill("1");
    await row.getByLabel("Share of sales (%)").fill("35");
    await expect.poll(() => page.getByTestId("wizard-blocker").textContent()).toMatch(/at most 30 %/);
    await row.getByLabel("Share of sales (%)").fill("10");
    await expect
      .poll(() => row.getByTestId("parent-name").textContent())
      .toMatch(stack.seededNames[0] as string);
    await check("publish-4-lineage");
    await next();
  });

  it("makes an ETH offer and a stablecoin offer with terms from the template", async () => {
    await makeEthAndStablecoinOffers(page);
    await check("publish-5-offers");
    await next();
  });

  it("signs the checklist and lands on the indexed asset page with the artifact's hash", async () => {
    await page.getByTestId("documents-saved").waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("review-artifact-hash").textContent()).toBe(artifactSha256);
    // This wallet has no EIP-5792 batching: the review falls back to the checklist.
    await expect.poll(() => page.getByTestId("publish-mode").getAttribute("data-mode")).toBe("checklist");
    await check("publish-6-review");
    const sentBefore = wallet.count("eth_sendTransaction");
    await sign(page.getByTestId("step-register"), "registered");
    await sign(page.getByTestId("step-offer-0"), "offer-created");
    await sign(page.getByTestId("step-offer-1"), "offer-created");
    await page.waitForURL(/\/assets\/31337\/\d+\?published=1$/, { timeout: 30_000 });
    expect(wallet.count("eth_sendTransaction") - sentBefore).toBe(3);
    expect(wallet.count("personal_sign")).toBe(1);
    expect(wallet.count("eth_signTypedData_v4")).toBe(0);

    const assetId = BigInt(/\/assets\/31337\/(\d+)/.exec(page.url())?.[1] ?? "0");
    const asset = await stack.db.asset.findUnique({
      where: { chainId_assetId: { chainId: 31337, assetId } },
    });
    expect(asset?.contentHash).toBe(artifactSha256);
    expect(asset?.owner).toBe(builder.address.toLowerCase());
    const card = createHash("sha256").update(CARD).digest("hex");
    expect(asset?.metadataUri).toBe(`tessera://card/${card}`);
    const holdings = await stack.db.shareHolding.findMany({
      where: { chainId: 31337, assetId },
      orderBy: { balance: "desc" },
    });
    expect(holdings.map((h) => [h.holder, h.balance.toFixed()])).toEqual([
      [builder.address.toLowerCase(), "500000"],
      [coAuthor.address.toLowerCase(), "300000"],
      [dataProvider.address.toLowerCase(), "200000"],
    ]);
    const lineage = await stack.db.assetLineage.findMany({ where: { chainId: 31337, assetId } });
    expect(lineage.map((l) => [l.parentId, l.bps])).toEqual([[1n, 1000]]);
    const offers = await stack.db.offer.findMany({
      where: { chainId: 31337, assetId },
      orderBy: { offerId: "asc" },
    });
    expect(
      offers.map((o) => [
        o.currency === "0x0000000000000000000000000000000000000000" ? "ETH" : "tUSD",
        o.price.toFixed(),
        o.transferable,
      ]),
    ).toEqual(ETH_AND_STABLECOIN_OFFERS);
    for (const offer of offers) {
      expect(await stack.db.termsDocument.findUnique({ where: { sha256: offer.termsHash } })).not.toBeNull();
    }
    await page.getByRole("heading", { level: 1, name: "Wrist Fracture Finder" }).waitFor();
    expect(await page.getByTestId("versions").locator(`[title="${artifactSha256}"]`).count()).toBe(1);
    await check("publish-7-asset-page");
  });

  it("shows a sale another account made in the studio", async () => {
    const asset = await stack.db.asset.findFirst({
      where: { chainId: 31337, owner: builder.address.toLowerCase() },
    });
    if (!asset) throw new Error("the published asset is not indexed");
    const offer = await stack.db.offer.findFirst({
      where: { chainId: 31337, assetId: asset.assetId, price: "50000000000000000" },
    });
    if (!offer) throw new Error("the published offer is not indexed");
    const clinic = createWalletClient({
      account: devAccount(DEV_ACCOUNT.clinic),
      chain: hardhat,
      transport: http(stack.rpcUrl),
    });
    const total = 50_000_000_000_000_000n * 2n;
    const hash = await clinic.writeContract({
      address: stack.contracts.LicenseManager,
      abi: licenseManagerAbi,
      functionName: "purchase",
      args: [offer.offerId, 2, 1, clinic.account.address, total],
      value: total,
    });
    await stack.publicClient.waitForTransactionReceipt({ hash });
    await stack.index();
    await page.goto(`${web}/studio`);
    const sales = page.getByTestId("studio-sales");
    await sales.waitFor();
    expect(await sales.getByRole("row").nth(1).textContent()).toMatch(
      /Wrist Fracture Finder.*Purchase.*0\.1 ETH/,
    );
    expect(await page.getByTestId("studio-holders").textContent()).toBe("1");
    await check("publish-8-studio");
  });

  it("retires the stablecoin offer from the studio after saying what that means", async () => {
    const row = page.getByTestId("studio-offer").filter({ hasText: "tUSD" });
    await row.getByTestId("retire-offer").click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.textContent()).toMatch(/Licenses already sold stay valid/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotAtWidths(page, "publish-8-retire-dialog");
    await dialog.getByTestId("tx-submit").click();
    await expect
      .poll(
        async () => {
          if ((await row.getByText("Retired").count()) > 0) return "retired";
          const state = await flowState(dialog);
          if (state === "failed")
            throw new Error((await dialog.getByTestId("tx-error").textContent()) ?? "failed");
          if (state === "confirmed") await stack.index();
          return state;
        },
        { timeout: 60_000 },
      )
      .toBe("retired");
    const retired = await stack.db.offer.findMany({
      where: {
        chainId: 31337,
        retired: true,
        currency: { not: "0x0000000000000000000000000000000000000000" },
      },
    });
    expect(retired.map((o) => o.price.toFixed())).toContain("250000000");
    await page.keyboard.press("Escape");
  });

  it("publishes version 2 from the studio: one upload, one transaction", async () => {
    const bytes = randomBytes(1024 * 1024);
    const expected = `0x${createHash("sha256").update(bytes).digest("hex")}`;
    const file = join(outputDir, "files", "wrist-fracture-finder-v2.onnx");
    writeFileSync(file, bytes);
    const sentBefore = wallet.count("eth_sendTransaction");
    await page.getByTestId("new-version-link").click();
    await page.getByRole("heading", { level: 1, name: "New version of Wrist Fracture Finder" }).waitFor();
    expect(await page.getByTestId("tx-disabled-reason").textContent()).toBe("Upload the new artifact first.");
    await page.getByTestId("upload-file-input").setInputFiles(file);
    await expect
      .poll(() => page.getByTestId("version-artifact").textContent(), { timeout: 60_000 })
      .toContain(expected);
    await check("publish-9-new-version");
    await page.getByTestId("tx-submit").click();
    await expect
      .poll(
        async () => {
          if (/\/assets\/31337\/\d+$/.test(page.url())) return "on asset page";
          const state = await page.getByTestId("tx-status").getAttribute("data-state");
          if (state === "failed")
            throw new Error((await page.getByTestId("tx-error").textContent()) ?? "failed");
          if (state === "confirmed") await stack.index();
          return state;
        },
        { timeout: 60_000 },
      )
      .toBe("on asset page");
    expect(wallet.count("eth_sendTransaction") - sentBefore).toBe(1);
    const versions = page.getByTestId("versions");
    await versions.locator(`[title="${expected}"]`).waitFor();
    expect(await versions.locator(`[title="${artifactSha256}"]`).count()).toBe(1);
    const asset = await stack.db.asset.findFirstOrThrow({
      where: { chainId: 31337, owner: builder.address.toLowerCase() },
    });
    expect(asset.versionCount).toBe(2);
    expect(asset.contentHash).toBe(expected);
  });

  it("keeps /publish and /studio within 250 KB of JavaScript on a first visit", async () => {
    for (const path of ["/publish", "/studio"]) {
      const { kb } = await firstLoadJs(`${web}${path}`);
      console.log(`${path} first-load JS: ${kb} KB gzipped`);
      expect(kb, path).toBeLessThanOrEqual(250);
    }
  });
});
