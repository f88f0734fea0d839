// The one transaction flow, driven in Chromium with a real signing wallet, on a curator staking on an
// asset: every state to "indexed" and the new stake on the page without a reload; a pending
// transaction survives a reload; a rejection offers Retry and never re-prompts; a sped-up
// transaction is followed; a refusal is explained before the wallet opens; a wallet on another
// network gets the switch button instead of the write button.
import { stakingPoolAbi, testTokenAbi } from "@tessera/abi";
import type { BrowserContext, Page } from "playwright-core";
import { createWalletClient, type Hex, http, keccak256, maxUint256, parseUnits, toHex } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { fitsViewportWidth, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { type InjectedWallet, injectWallet } from "../support/wallet.ts";

const curator = devAccount(5);
const challenger = devAccount(6);

let stack: Stack;
let web: string;
let browser: BrowserContext | undefined;
let assetIds: bigint[];

async function rpc(method: string, params: unknown[] = []) {
  const response = await fetch(stack.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

async function mint(to: Hex, amount: bigint) {
  const deployer = createWalletClient({
    account: devAccount(DEV_ACCOUNT.builder),
    chain: hardhat,
    transport: http(stack.rpcUrl),
  });
  const hash = await deployer.writeContract({
    address: stack.contracts.StakeToken,
    abi: testTokenAbi,
    functionName: "mint",
    args: [to, amount],
  });
  await stack.publicClient.waitForTransactionReceipt({ hash });
}

beforeAll(async () => {
  stack = await startStack();
  await mint(curator.address, parseUnits("10000", 18));
  await mint(challenger.address, parseUnits("10000", 18));
  await stack.index();
  const assets = await stack.db.asset.findMany({
    where: { chainId: stack.chainId },
    orderBy: { assetId: "asc" },
  });
  assetIds = assets.map((a) => a.assetId);
  web = await stack.startWeb();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(async () => {
  await rpc("evm_setAutomine", [true]);
  await browser?.close();
  browser = undefined;
});

/** Records every state the status panel passes through, in order, from the page's first paint. */
const RECORD_STATES = `(() => {
  window.__txStates = [];
  new MutationObserver(() => {
    const el = document.querySelector('[data-testid="stake-form"] [data-testid="tx-status"]');
    const state = el && el.getAttribute("data-state");
    if (state && window.__txStates[window.__txStates.length - 1] !== state) window.__txStates.push(state);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
})();`;

async function openAsset(assetId: bigint, chainId?: number): Promise<{ page: Page; wallet: InjectedWallet }> {
  browser = await launchBrowser();
  const wallet = await injectWallet(browser, {
    rpcUrl: stack.rpcUrl,
    account: curator,
    ...(chainId ? { chainId } : {}),
  });
  await browser.addInitScript(RECORD_STATES);
  const page = await browser.newPage();
  await page.goto(`${web}/assets/${stack.chainId}/${assetId}`);
  await page.getByTestId("stake-form").waitFor();
  return { page, wallet };
}

async function connectAndFill(page: Page, amount: string) {
  // After a reload the wallet reconnects by itself; otherwise the gate offers to connect.
  const gate = stakeForm(page).getByTestId("write-connect").or(stakeForm(page).getByTestId("tx-submit"));
  await gate.first().waitFor({ timeout: 20_000 });
  if (await stakeForm(page).getByTestId("write-connect").isVisible())
    await stakeForm(page).getByTestId("write-connect").click();
  await stakeForm(page).getByTestId("tx-submit").waitFor({ timeout: 20_000 });
  await page.getByLabel(/Amount to stake/).fill(amount);
}

/** The stake control: the asset page also has a Buy control per offer, with the same test ids. */
const stakeForm = (page: Page) => page.getByTestId("stake-form");
const state = (page: Page) => stakeForm(page).getByTestId("tx-status").getAttribute("data-state");
const states = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __txStates: string[] }).__txStates);
const stakeTotal = (page: Page) => page.getByTestId("stake-total").textContent();
const totalStake = async (assetId: bigint) =>
  BigInt(
    (
      await stack.db.assetStake.findFirst({ where: { chainId: stack.chainId, assetId } })
    )?.totalStake.toFixed() ?? "0",
  );

/** Waits for the status panel to reach `target`; a failure on the way fails with its sentence. */
async function reach(page: Page, target: string) {
  await expect
    .poll(
      async () => {
        const now = await state(page);
        if (now === "failed" && target !== "failed") {
          throw new Error(`the flow failed: ${await stakeForm(page).getByTestId("tx-error").textContent()}`);
        }
        return now;
      },
      { timeout: 30_000 },
    )
    .toBe(target);
}

/** Runs the indexer once the page reports the block confirmed: "indexed" must then follow by itself. */
async function indexWhenConfirmed(page: Page) {
  await reach(page, "confirmed");
  await stack.index();
  await reach(page, "indexed");
}

describe("staking through the transaction flow", () => {
  it("goes through every state to indexed and shows the new stake without a reload", async () => {
    const assetId = assetIds[0] as bigint;
    const { page, wallet } = await openAsset(assetId);
    const before = await stakeTotal(page);
    const totalBefore = await totalStake(assetId);
    await connectAndFill(page, "250");
    expect(await stakeForm(page).getByTestId("tx-status").textContent()).toMatch(
      /one free signature and one transaction/,
    );
    await stakeForm(page).getByTestId("tx-submit").click();
    await indexWhenConfirmed(page);

    expect(await states(page)).toEqual([
      "idle",
      "preparing",
      "signing",
      "preparing",
      "signing",
      "pending",
      "confirmed",
      "indexed",
    ]);
    expect(wallet.count("eth_signTypedData_v4")).toBe(1);
    expect(wallet.count("eth_sendTransaction")).toBe(1);
    expect(wallet.count("personal_sign")).toBe(0);
    // The indexed stake reaches the page by a server re-render (router.refresh), without a reload.
    await expect.poll(() => stakeTotal(page), { timeout: 20_000 }).not.toBe(before);
    expect(await totalStake(assetId)).toBe(totalBefore + parseUnits("250", 18));
    const stake = await stack.db.stake.findFirst({
      where: { staker: curator.address.toLowerCase(), assetId },
    });
    expect(stake).not.toBeNull();

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotAtWidths(page, "stake-indexed");
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await fitsViewportWidth(page)).toBe(true);
  });

  it("resumes a pending transaction after a reload instead of asking again", async () => {
    const { page, wallet } = await openAsset(assetIds[1] as bigint);
    const before = await stakeTotal(page);
    await connectAndFill(page, "40");
    await rpc("evm_setAutomine", [false]);
    await stakeForm(page).getByTestId("tx-submit").click();
    await reach(page, "pending");
    await page.reload();
    await reach(page, "pending");
    expect(await stakeForm(page).getByTestId("tx-status").textContent()).toMatch(
      /sent before this page loaded/,
    );
    await screenshotAtWidths(page, "stake-pending-after-reload");
    await rpc("evm_mine");
    await indexWhenConfirmed(page);
    expect(wallet.count("eth_sendTransaction")).toBe(1);
    await expect.poll(() => stakeTotal(page), { timeout: 20_000 }).not.toBe(before);
  });

  it("shows Retry after a rejection, never re-prompts by itself, and retries when asked", async () => {
    const { page, wallet } = await openAsset(assetIds[2] as bigint);
    await connectAndFill(page, "5");
    wallet.declineNext("eth_sendTransaction");
    await stakeForm(page).getByTestId("tx-submit").click();
    const error = stakeForm(page).getByTestId("tx-error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.getAttribute("data-kind")).toBe("rejected");
    expect(await error.textContent()).toMatch(/You declined in your wallet, so nothing was sent/);
    await screenshotAtWidths(page, "stake-rejected");
    // Nothing asks the wallet again until the person chooses to, not even a reload.
    await page.reload();
    await page.getByTestId("stake-form").waitFor();
    expect(await state(page)).toBe("idle");
    expect(wallet.count("eth_sendTransaction")).toBe(1);
    expect(wallet.count("eth_signTypedData_v4")).toBe(1);

    await connectAndFill(page, "5");
    await stakeForm(page).getByTestId("tx-submit").click();
    await indexWhenConfirmed(page);
    expect(wallet.count("eth_sendTransaction")).toBe(2);
  });

  it("follows a transaction the wallet sped up (same nonce, higher fee)", async () => {
    const { page, wallet } = await openAsset(assetIds[3] as bigint);
    await connectAndFill(page, "7");
    await rpc("evm_setAutomine", [false]);
    await stakeForm(page).getByTestId("tx-submit").click();
    await reach(page, "pending");
    // The network's fee jumps: the next block leaves the stake transaction waiting, as a wallet
    // user sees before pressing "speed up". The page has fetched the transaction by then.
    const fetched = page.waitForRequest(
      (request) =>
        request.url().endsWith("/api/rpc") && (request.postData() ?? "").includes("eth_getTransactionByHash"),
    );
    await rpc("hardhat_setNextBlockBaseFeePerGas", [toHex(parseUnits("1000", 9))]);
    await rpc("evm_mine");
    await fetched;
    const sentHash = await stakeForm(page).getByTestId("tx-status").locator("[title]").getAttribute("title");
    const sent = (await rpc("eth_getTransactionByHash", [sentHash])) as {
      hash: Hex;
      nonce: Hex;
      to: Hex;
      input: Hex;
      maxPriorityFeePerGas: Hex;
      gas: Hex;
    } | null;
    if (!sent) throw new Error("the stake transaction is not known to the node");
    const speedUp = createWalletClient({ account: curator, chain: hardhat, transport: http(stack.rpcUrl) });
    const replacement = await speedUp.sendTransaction({
      to: sent.to,
      data: sent.input,
      nonce: Number(sent.nonce),
      gas: BigInt(sent.gas),
      maxFeePerGas: parseUnits("3000", 9),
      maxPriorityFeePerGas: BigInt(sent.maxPriorityFeePerGas) * 2n + 1n,
    });
    expect(replacement).not.toBe(sent.hash);
    await rpc("evm_mine");
    await indexWhenConfirmed(page);
    expect(await stakeForm(page).getByTestId("tx-status").locator("[title]").getAttribute("title")).toBe(
      replacement,
    );
    expect(wallet.count("eth_sendTransaction")).toBe(1);
  });

  it("explains a refusal found by the simulation, before any transaction is sent", async () => {
    const assetId = assetIds[4] as bigint;
    const { page, wallet } = await openAsset(assetId);
    // While the page is open, someone challenges the asset: its stake freezes.
    const challengerWallet = createWalletClient({
      account: challenger,
      chain: hardhat,
      transport: http(stack.rpcUrl),
    });
    const minBond = await stack.publicClient.readContract({
      address: stack.contracts.StakingPool,
      abi: stakingPoolAbi,
      functionName: "minBond",
    });
    // A realistic bond, and never below the pool's minimum.
    const bond = minBond + parseUnits("100", 18);
    for (const [functionName, address, args] of [
      ["approve", stack.contracts.StakeToken, [stack.contracts.StakingPool, maxUint256]],
      ["challenge", stack.contracts.StakingPool, [assetId, bond, keccak256(toHex("evidence"))]],
    ] as const) {
      const abi = functionName === "approve" ? testTokenAbi : stakingPoolAbi;
      const hash = await challengerWallet.writeContract({ address, abi, functionName, args } as never);
      await stack.publicClient.waitForTransactionReceipt({ hash });
    }
    await connectAndFill(page, "3");
    await stakeForm(page).getByTestId("tx-submit").click();
    const error = stakeForm(page).getByTestId("tx-error");
    await error.waitFor({ timeout: 30_000 });
    expect(await error.textContent()).toMatch(new RegExp(`Asset #${assetId} has an open challenge`));
    expect(wallet.count("eth_sendTransaction")).toBe(0);
    await screenshotAtWidths(page, "stake-refused");
  });

  it("replaces the write button with Switch to Hardhat on another network", async () => {
    const { page, wallet } = await openAsset(assetIds[0] as bigint, 1);
    await stakeForm(page).getByTestId("write-connect").click();
    const switchButton = stakeForm(page).getByTestId("write-switch-chain");
    await switchButton.waitFor({ timeout: 20_000 });
    expect(await switchButton.textContent()).toBe("Switch to Hardhat");
    expect(await stakeForm(page).getByTestId("tx-submit").count()).toBe(0);
    await screenshotAtWidths(page, "stake-wrong-network");
    await switchButton.click();
    await stakeForm(page).getByTestId("tx-submit").waitFor({ timeout: 20_000 });
    expect(wallet.chainId()).toBe(31337);
    // An empty amount: the button is disabled and says why.
    expect(await stakeForm(page).getByTestId("tx-submit").isDisabled()).toBe(true);
    expect(await stakeForm(page).getByTestId("tx-disabled-reason").textContent()).toBe(
      "Enter how much to stake.",
    );
  });
});
