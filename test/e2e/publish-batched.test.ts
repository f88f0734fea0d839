// A model builder whose wallet batches atomically (EIP-5792 on an EIP-7702-delegated account)
// publishes with ONE confirmation: the registration and both offers go to the wallet together as
// `wallet_sendCalls`, run as one transaction with the builder as msg.sender, and the page lands on
// the indexed asset. Then a second publish meets a registration that landed between signing and
// broadcast: the whole batch reverts, the page says why, and Retry publishes on the next number.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assetRegistryAbi } from "@tessera/abi";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { type Address, createWalletClient, http } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { devAccount } from "../../scripts/lib/accounts.ts";
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
import { outputDir } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { reachState } from "../support/tx-flow.ts";
import { type InjectedWallet, injectWallet } from "../support/wallet.ts";

const builder = devAccount(12);
const rival = devAccount(13);

let stack: Stack;
let web: string;
let browser: BrowserContext;
let page: Page;
let wallet: InjectedWallet;
let executor: Address;

beforeAll(async () => {
  stack = await startStack();
  await stack.index();
  web = await stack.startWeb();
  browser = await launchBrowser();
  executor = await stack.deployBatchExecutor();
  wallet = await injectWallet(browser, { rpcUrl: stack.rpcUrl, account: builder, batching: { executor } });
  page = await browser.newPage();
});
afterEach(async (context) => {
  if (context.task.result?.state === "fail") {
    await page?.screenshot({
      path: join(
        outputDir,
        `publish-batched-failed-${context.task.name.slice(0, 40).replace(/\W+/g, "-")}.png`,
      ),
      fullPage: true,
    });
  }
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Card, a 1 MB artifact, the builder's own 100 % split, no parents, two offers: up to the review. */
async function fillWizard(name: string): Promise<string> {
  await writeCard(page, wristCard(name), name);
  await nextStep(page);
  const bytes = randomBytes(1024 * 1024);
  const sha256 = `0x${createHash("sha256").update(bytes).digest("hex")}`;
  mkdirSync(join(outputDir, "files"), { recursive: true });
  const file = join(outputDir, "files", `${name.replace(/\W+/g, "-").toLowerCase()}.onnx`);
  writeFileSync(file, bytes);
  await page.getByTestId("upload-file-input").setInputFiles(file);
  await expect
    .poll(() => page.getByTestId("artifact-sha256").textContent(), { timeout: 60_000 })
    .toBe(sha256);
  await nextStep(page);
  // The builder alone, 100 %: a draft begun before the wallet reconnected has no address yet.
  await page
    .getByTestId("contributors")
    .getByRole("listitem")
    .first()
    .getByLabel(/wallet address/)
    .fill(builder.address);
  expect(await page.getByTestId("split-total").textContent()).toMatch(/^Total: 100 %/);
  await nextStep(page);
  await nextStep(page); // no parents
  await makeEthAndStablecoinOffers(page);
  await nextStep(page);
  await page.getByTestId("documents-saved").waitFor({ timeout: 20_000 });
  await expect.poll(() => page.getByTestId("publish-mode").getAttribute("data-mode")).toBe("batch");
  return sha256;
}

/** Follows the batch panel to the asset page, running the indexer when the block is confirmed. */
async function followToAssetPage(panel: Locator): Promise<bigint> {
  await expect
    .poll(
      async () => {
        if (/\/assets\/31337\/\d+/.test(page.url())) return "asset page";
        const state = await flowState(panel);
        if (state === "failed")
          throw new Error((await panel.getByTestId("tx-error").textContent()) ?? "failed");
        if (state === "confirmed") await stack.index();
        return state;
      },
      { timeout: 60_000 },
    )
    .toBe("asset page");
  await page.waitForURL(/\/assets\/31337\/\d+\?published=1$/, { timeout: 30_000 });
  return BigInt(/\/assets\/31337\/(\d+)/.exec(page.url())?.[1] ?? "0");
}

async function transactionsFrom(address: string, fromBlock: bigint) {
  const latest = await stack.publicClient.getBlockNumber({ cacheTime: 0 });
  const sent = [];
  for (let n = fromBlock; n <= latest; n++) {
    const block = await stack.publicClient.getBlock({ blockNumber: n, includeTransactions: true });
    sent.push(...block.transactions.filter((tx) => tx.from.toLowerCase() === address.toLowerCase()));
  }
  return sent;
}

async function offersOf(assetId: bigint) {
  const offers = await stack.db.offer.findMany({
    where: { chainId: 31337, assetId },
    orderBy: { offerId: "asc" },
  });
  return offers.map((o) => [
    o.currency === "0x0000000000000000000000000000000000000000" ? "ETH" : "tUSD",
    o.price.toFixed(),
    o.transferable,
  ]);
}

describe("publishing with a wallet that batches atomically", { timeout: 180_000 }, () => {
  it("lists every transaction, says they are signed once together, and publishes with one confirmation", async () => {
    await page.goto(`${web}/publish`);
    await connectAndSignIn(page);
    const artifact = await fillWizard("Wrist Fracture Finder");
    expect(await page.getByTestId("publish-mode").textContent()).toMatch(
      /Publishing records these 3 steps on chain, signed once, together/,
    );
    expect(await page.getByTestId("publish-checklist").getByTestId("tx-submit").count()).toBe(0);
    await checkPage(page, "publish-batched-1-review");

    expect(await stack.publicClient.getCode({ address: builder.address })).toBeUndefined();
    const blockBefore = await stack.publicClient.getBlockNumber({ cacheTime: 0 });
    const panel = page.getByTestId("publish-batch");
    await panel.getByTestId("tx-submit").click();
    // The batch is on chain but not yet indexed (this test runs the indexer): a reload keeps the
    // wallet's batch id and asks the wallet for its status again, instead of offering to sign again.
    await reachState(panel, "confirmed");
    const statusAsks = wallet.count("wallet_getCallsStatus");
    await page.reload();
    await expect
      .poll(() => page.getByTestId("publish-mode").getAttribute("data-mode"), { timeout: 20_000 })
      .toBe("batch");
    await expect
      .poll(() => wallet.count("wallet_getCallsStatus"), { timeout: 20_000 })
      .toBeGreaterThan(statusAsks);
    const assetId = await followToAssetPage(panel);

    expect(wallet.count("wallet_sendCalls")).toBe(1);
    expect(wallet.count("eth_sendTransaction")).toBe(0);
    expect(wallet.count("personal_sign")).toBe(1);
    expect(wallet.count("eth_signTypedData_v4")).toBe(0);
    // One transaction carried all three calls: the builder's EIP-7702 call to itself, which also
    // delegated the account to the executor.
    const sent = await transactionsFrom(builder.address, blockBefore + 1n);
    expect(sent.map((tx) => [tx.type, tx.to])).toEqual([["eip7702", builder.address.toLowerCase()]]);
    expect(await stack.publicClient.getCode({ address: builder.address })).toBe(
      `0xef0100${executor.slice(2).toLowerCase()}`,
    );
    const asset = await stack.db.asset.findUnique({
      where: { chainId_assetId: { chainId: 31337, assetId } },
    });
    expect(asset?.owner).toBe(builder.address.toLowerCase());
    expect(asset?.contentHash).toBe(artifact);
    expect(await offersOf(assetId)).toEqual(ETH_AND_STABLECOIN_OFFERS);
    const holdings = await stack.db.shareHolding.findMany({ where: { chainId: 31337, assetId } });
    expect(holdings.map((h) => [h.holder, h.balance.toFixed()])).toEqual([
      [builder.address.toLowerCase(), "1000000"],
    ]);
    await page.getByRole("heading", { level: 1, name: "Wrist Fracture Finder" }).waitFor();
    await checkPage(page, "publish-batched-2-asset-page");
  });

  it("says why when another registration took the predicted number, and Retry publishes on the next", async () => {
    await page.goto(`${web}/publish`);
    await fillWizard("Ankle Fracture Finder");
    const panel = page.getByTestId("publish-batch");
    const registry = stack.contracts.AssetRegistry;
    const predicted =
      (await stack.publicClient.readContract({
        address: registry,
        abi: assetRegistryAbi,
        functionName: "assetCount",
      })) + 1n;
    // Someone else's registration lands after the builder signed and before the batch is broadcast.
    const other = createWalletClient({ account: rival, chain: hardhat, transport: http(stack.rpcUrl) });
    wallet.beforeNextBatchBroadcast(async () => {
      const hash = await other.writeContract({
        address: registry,
        abi: assetRegistryAbi,
        functionName: "register",
        args: [
          0,
          "tessera://card/rival",
          `0x${"ab".repeat(32)}`,
          [{ holder: rival.address, shares: 1_000_000n }],
          [],
        ],
      });
      await stack.publicClient.waitForTransactionReceipt({ hash });
    });
    const sentBefore = wallet.count("wallet_sendCalls");
    await panel.getByTestId("tx-submit").click();
    await reachState(panel, "failed");
    expect(await panel.getByTestId("tx-error").textContent()).toMatch(
      new RegExp(
        `Another asset was registered just before yours and took number #${predicted}, so your batch was undone`,
      ),
    );
    // Atomic: the batch's own registration was undone with its offers.
    expect(
      await stack.publicClient.readContract({
        address: registry,
        abi: assetRegistryAbi,
        functionName: "assetCount",
      }),
    ).toBe(predicted);
    expect(
      await stack.publicClient.readContract({
        address: registry,
        abi: assetRegistryAbi,
        functionName: "ownerOf",
        args: [predicted],
      }),
    ).toBe(rival.address);
    await checkPage(page, "publish-batched-3-reverted");

    await panel.getByTestId("tx-retry").click();
    const assetId = await followToAssetPage(panel);
    expect(assetId).toBe(predicted + 1n);
    expect(wallet.count("wallet_sendCalls") - sentBefore).toBe(2);
    expect(wallet.count("eth_sendTransaction")).toBe(0);
    expect(await offersOf(assetId)).toEqual(ETH_AND_STABLECOIN_OFFERS);
    await page.getByRole("heading", { level: 1, name: "Ankle Fracture Finder" }).waitFor();
  });

  it("stops with a sentence and no Retry when the wallet no longer knows the batch after a reload", async () => {
    await page.goto(`${web}/publish`);
    await fillWizard("Elbow Fracture Finder");
    const panel = page.getByTestId("publish-batch");
    await panel.getByTestId("tx-submit").click();
    await reachState(panel, "confirmed");
    const sent = wallet.count("wallet_sendCalls");
    wallet.forgetBatches();
    await page.reload();
    await reachState(page.getByTestId("publish-batch"), "failed");
    expect(await page.getByTestId("tx-error").textContent()).toMatch(
      /does not know the batch this page sent/,
    );
    expect(await page.getByTestId("tx-retry").count()).toBe(0);
    expect(wallet.count("wallet_sendCalls")).toBe(sent);
  });

  it("keeps /publish within 250 KB of JavaScript on a first visit", async () => {
    const { kb } = await firstLoadJs(`${web}/publish`);
    console.log(`/publish first-load JS: ${kb} KB gzipped`);
    expect(kb).toBeLessThanOrEqual(250);
  });
});
