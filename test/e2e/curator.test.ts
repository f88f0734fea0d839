// The curator journey in Chromium with a real signing wallet: before staking, the asset page shows the
// most a slash can take and the exact unlock date; the curator stakes (one permit signature, one
// transaction), a sale pays the curator share, /stakes shows the reward and claims it, the curator
// unstakes (the entry counts down and is "still at risk"), chain time moves past the unbonding delay,
// and Withdraw pays the stake back. Chain balances are checked at every payout.
import { assetRegistryAbi, licenseManagerAbi, stakingPoolAbi, testTokenAbi } from "@tessera/abi";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { createWalletClient, type Hex, http, parseEther, zeroAddress } from "viem";
import type { LocalAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { fitsViewportWidth, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { type InjectedWallet, injectWallet } from "../support/wallet.ts";

const curator = devAccount(8);
const builder = devAccount(9);
const clinic = devAccount(DEV_ACCOUNT.clinic);
const PRICE = parseEther("0.2");

let stack: Stack;
let web: string;
let browser: BrowserContext;
let page: Page;
let wallet: InjectedWallet;
let assetId: bigint;
let offerId: bigint;

const walletOf = (account: LocalAccount) =>
  createWalletClient({ account, chain: hardhat, transport: http(stack.rpcUrl) });
async function send(hash: Promise<Hex>) {
  const receipt = await stack.publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error("a setup transaction reverted");
  return receipt;
}
async function rpc(method: string, params: unknown[] = []) {
  const response = await fetch(stack.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}
const pool = <T extends string>(functionName: T) => ({
  address: stack.contracts.StakingPool,
  abi: stakingPoolAbi,
  functionName,
});
const stakeBalance = () =>
  stack.publicClient.readContract({
    address: stack.contracts.StakeToken,
    abi: testTokenAbi,
    functionName: "balanceOf",
    args: [curator.address],
  });

beforeAll(async () => {
  stack = await startStack();
  await send(
    walletOf(builder).writeContract({
      address: stack.contracts.AssetRegistry,
      abi: assetRegistryAbi,
      functionName: "register",
      args: [
        0,
        "tessera://card/none",
        `0x${"77".repeat(32)}`,
        [{ holder: builder.address, shares: 1_000_000n }],
        [],
      ],
    }),
  );
  assetId = await stack.publicClient.readContract({
    address: stack.contracts.AssetRegistry,
    abi: assetRegistryAbi,
    functionName: "assetCount",
  });
  await send(
    walletOf(builder).writeContract({
      address: stack.contracts.LicenseManager,
      abi: licenseManagerAbi,
      functionName: "createOffer",
      args: [
        assetId,
        {
          price: PRICE,
          currency: zeroAddress,
          period: 0,
          maxLicenses: 0,
          pinnedVersion: 0,
          rights: 1,
          transferable: false,
          termsHash: `0x${"33".repeat(32)}`,
        },
      ],
    }),
  );
  offerId = await stack.publicClient.readContract({
    address: stack.contracts.LicenseManager,
    abi: licenseManagerAbi,
    functionName: "offerCount",
  });
  await send(
    walletOf(curator).writeContract({
      address: stack.contracts.StakeToken,
      abi: testTokenAbi,
      functionName: "mint",
      args: [curator.address, parseEther("1000")],
    }),
  );
  await stack.index();
  web = await stack.startWeb();
  browser = await launchBrowser();
  wallet = await injectWallet(browser, { rpcUrl: stack.rpcUrl, account: curator });
  page = await browser.newPage();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function reach(scope: Locator, target: string) {
  await expect
    .poll(
      async () => {
        const now = await scope.getByTestId("tx-status").getAttribute("data-state");
        if (now === "failed" && target !== "failed") {
          throw new Error(`the flow failed: ${await scope.getByTestId("tx-error").textContent()}`);
        }
        return now;
      },
      { timeout: 30_000 },
    )
    .toBe(target);
}
/** Presses the write in `scope`, indexes once confirmed, waits for "indexed". */
async function write(scope: Locator) {
  await scope.getByTestId("tx-submit").click();
  await reach(scope, "confirmed");
  await stack.index();
  await reach(scope, "indexed");
}
async function look(name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshotAtWidths(page, name);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsViewportWidth(page)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe("a curator stakes, earns, unstakes and withdraws", () => {
  it("shows the most a slash can take and the exact unlock date before staking, then stakes", async () => {
    await page.goto(`${web}/assets/${stack.chainId}/${assetId}`);
    await page.getByTestId("connect-wallet").click();
    await expect
      .poll(() => page.getByTestId("wallet-address").getAttribute("data-signed-in"), { timeout: 20_000 })
      .toBe("true");
    const form = page.getByTestId("stake-form");
    await form.getByLabel(/Amount to stake/).fill("100");
    const slashBps = await stack.publicClient.readContract(pool("slashBps"));
    const delay = await stack.publicClient.readContract(pool("unbondingDelay"));
    expect(await form.getByTestId("stake-max-slash").textContent()).toContain(
      `${slashBps / 100}% of your stake is slashed: at most ${(100 * slashBps) / 10_000} TSTK`,
    );
    const head = await stack.publicClient.getBlock();
    const unlock = new Date(Number(head.timestamp + delay) * 1000);
    const expectedDate = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    }).format(unlock);
    expect(await form.getByTestId("stake-unlock").textContent()).toContain(
      `${Number(delay) / 86_400}-day unbonding after you unstake: unstaked right away, it unlocks on ${expectedDate} UTC`,
    );
    await look("curator-stake-terms");
    const before = await stakeBalance();
    await write(form);
    expect(before - (await stakeBalance())).toBe(parseEther("100"));
    expect(wallet.count("eth_signTypedData_v4")).toBe(1);
    expect(wallet.count("eth_sendTransaction")).toBe(1);
  });

  it("earns the curator share of a sale and claims it from /stakes", async () => {
    await send(
      walletOf(clinic).writeContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "purchase",
        args: [offerId, 1, 1, clinic.address, PRICE],
        value: PRICE,
      }),
    );
    await stack.index();
    const curatorBps = BigInt(
      await stack.publicClient.readContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "curatorBps",
      }),
    );
    const pending = await stack.publicClient.readContract({
      ...pool("pendingRewards"),
      args: [assetId, zeroAddress, curator.address],
    });
    // The only staker earns the whole curator share (reward-per-share rounding may keep a unit or two).
    expect((PRICE * curatorBps) / 10_000n - pending).toBeLessThan(3n);
    await page.goto(`${web}/stakes`);
    await page.getByTestId(`stake-${assetId}`).waitFor();
    expect(await page.getByTestId("rewards-summary").textContent()).toMatch(
      /Curator rewards ready to claim: 0\.01 ETH/,
    );
    await look("curator-stakes-rewards");
    const before = await stack.publicClient.getBalance({ address: curator.address });
    await write(page.getByTestId("claim-rewards"));
    const claim = await stack.db.curatorReward.findFirst({
      where: { chainId: stack.chainId, kind: "CLAIMED", account: curator.address.toLowerCase() },
    });
    if (!claim) throw new Error("the claim was not indexed");
    const receipt = await stack.publicClient.getTransactionReceipt({ hash: claim.txHash as Hex });
    const after = await stack.publicClient.getBalance({ address: curator.address });
    expect(after - before + receipt.gasUsed * receipt.effectiveGasPrice).toBe(pending);
    await expect
      .poll(() => page.getByTestId("rewards-summary").textContent(), { timeout: 20_000 })
      .toMatch(/No curator rewards to claim/);
    expect(await page.getByTestId("stake-history").textContent()).toMatch(/claimed 0\.01 ETH of rewards/);
  });

  it("unstakes into an entry that counts down and stays at risk, then withdraws after the delay", async () => {
    const stake = page.getByTestId(`stake-${assetId}`);
    const unstake = stake.getByTestId(`unstake-${assetId}`);
    await unstake.getByLabel(/Amount to unstake/).fill("250");
    expect(await unstake.getByTestId("tx-disabled-reason").textContent()).toMatch(/enter at most that/);
    await unstake.getByLabel(/Amount to unstake/).fill("100");
    await write(unstake);
    const entry = await stack.db.unbondingEntry.findFirst({
      where: { chainId: stack.chainId, staker: curator.address.toLowerCase(), withdrawn: false },
    });
    if (!entry) throw new Error("the unbonding entry was not indexed");
    const row = page.getByTestId(`entry-${entry.entryId.toFixed()}`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.getByTestId("entry-status").textContent()).toMatch(
      /Unlocks in (7 days|6 days 23 hours)/,
    );
    expect(await row.textContent()).toMatch(/Still at risk/);
    expect(await row.getByTestId("tx-disabled-reason").textContent()).toMatch(/It unlocks on/);
    await look("curator-unbonding");

    const delay = await stack.publicClient.readContract(pool("unbondingDelay"));
    await rpc("evm_increaseTime", [Number(delay) + 1]);
    await rpc("evm_mine");
    await page.reload();
    await row.getByTestId("entry-status").waitFor();
    expect(await row.getByTestId("entry-status").textContent()).toBe("Ready to withdraw");
    await look("curator-ready-to-withdraw");
    const before = await stakeBalance();
    await write(row);
    expect((await stakeBalance()) - before).toBe(parseEther("100"));
    await expect.poll(() => page.getByText("Nothing is unbonding.").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId("stake-history").textContent()).toMatch(/withdrew 100 TSTK/);
    await look("curator-withdrawn");
    expect(wallet.count("eth_sendTransaction")).toBe(4); // stake, claim, unstake, withdraw
  });
});
