// The curator journey in Chromium with a real signing wallet: before staking, the asset page shows the
// most a slash can take and the exact unlock date; the curator stakes (one permit signature, one
// transaction), a sale pays the curator share, /stakes shows the reward and claims it, the curator
// unstakes (the entry counts down and is "still at risk"), chain time moves past the unbonding delay,
// and Withdraw pays the stake back. Chain balances are checked at every payout.
import { createHash } from "node:crypto";
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
import { submitAndIndex } from "../support/tx-flow.ts";
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
  for (const context of others) await context.close();
  await browser?.close();
  await stack?.stop();
});

/** Presses the write in `scope`, indexes once confirmed, waits for "indexed". */
const write = (scope: Locator) => submitAndIndex(scope, () => stack.index());
async function look(name: string, on: Page = page) {
  expect(await seriousAxeViolations(on)).toEqual([]);
  await screenshotAtWidths(on, name);
  await on.setViewportSize({ width: 375, height: 800 });
  expect(await fitsViewportWidth(on)).toBe(true);
  await on.setViewportSize({ width: 1280, height: 900 });
}

/** Another person in another browser, signed in as `account`. */
async function openAs(account: LocalAccount, path: string) {
  const context = await launchBrowser();
  others.push(context);
  const theirs = await injectWallet(context, { rpcUrl: stack.rpcUrl, account });
  const tab = await context.newPage();
  await tab.goto(`${web}${path}`);
  await tab.getByTestId("connect-wallet").click();
  await expect
    .poll(() => tab.getByTestId("wallet-address").getAttribute("data-signed-in"), { timeout: 20_000 })
    .toBe("true");
  return { tab, wallet: theirs };
}
const others: BrowserContext[] = [];

async function asCurator(functionName: "approve" | "stake", amount: bigint) {
  if (functionName === "approve") {
    return send(
      walletOf(curator).writeContract({
        address: stack.contracts.StakeToken,
        abi: testTokenAbi,
        functionName: "approve",
        args: [stack.contracts.StakingPool, amount],
      }),
    );
  }
  return send(walletOf(curator).writeContract({ ...pool("stake"), args: [assetId, amount] }));
}
const stakeOf = () =>
  stack.publicClient.readContract({ ...pool("stakeOf"), args: [assetId, curator.address] });

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

const challenger = devAccount(6);
const arbiter = devAccount(DEV_ACCOUNT.builder); // the deployment grants the admin the arbiter role
const EVIDENCE = Buffer.from(
  "Site audit, 12 Nov: the model's sensitivity on our 340 images was 61%, not the 94% its card claims.\n",
);

describe("challenges: the arbiter upholds or rejects", () => {
  it("a challenge with a stored evidence document, upheld by the arbiter, slashes every stake and the pages show it", async () => {
    await asCurator("approve", parseEther("100"));
    await asCurator("stake", parseEther("100"));
    await send(
      walletOf(challenger).writeContract({
        address: stack.contracts.StakeToken,
        abi: testTokenAbi,
        functionName: "mint",
        args: [challenger.address, parseEther("1000")],
      }),
    );
    await stack.index();
    const minBond = await stack.publicClient.readContract(pool("minBond"));

    const { tab, wallet: challengerWallet } = await openAs(challenger, `/assets/${stack.chainId}/${assetId}`);
    await tab.getByTestId("challenge-toggle").click();
    const form = tab.getByTestId("challenge-form");
    await form.getByLabel(/Evidence document/).setInputFiles({
      name: "site-audit.txt",
      mimeType: "text/plain",
      buffer: EVIDENCE,
    });
    const sha256 = `0x${createHash("sha256").update(EVIDENCE).digest("hex")}`;
    await expect.poll(() => form.getByTestId("evidence-hash").textContent()).toContain(sha256);
    expect(await form.getByTestId("challenge-open").getByTestId("tx-disabled-reason").count()).toBe(0);
    await look("challenge-form", tab);
    await write(form.getByTestId("challenge-open"));
    const opened = await stack.db.challenge.findFirst({
      where: { chainId: stack.chainId, assetId, status: "OPEN" },
    });
    expect(opened?.evidenceHash).toBe(sha256);
    expect(BigInt(opened?.bond.toFixed() ?? "0")).toBe(minBond);
    // One permit signature for exactly the bond and one transaction; no allowance is left behind.
    expect(challengerWallet.count("eth_signTypedData_v4")).toBe(1);
    expect(challengerWallet.count("eth_sendTransaction")).toBe(1);
    expect(
      await stack.publicClient.readContract({
        address: stack.contracts.StakeToken,
        abi: testTokenAbi,
        functionName: "allowance",
        args: [challenger.address, stack.contracts.StakingPool],
      }),
    ).toBe(0n);
    // The document is in the blob store under the hash the chain records.
    const stored = await fetch(`${web}/api/evidence/${sha256}`);
    expect(Buffer.from(await stored.arrayBuffer()).equals(EVIDENCE)).toBe(true);

    // Every visitor sees the open challenge; new stake is refused with the reason.
    await page.goto(`${web}/assets/${stack.chainId}/${assetId}`);
    await page.getByTestId("challenge-banner").waitFor();
    expect(await page.getByTestId("stake-form").getByTestId("tx-disabled-reason").textContent()).toMatch(
      /Staking is paused on this asset while a challenge is open/,
    );
    await look("challenge-open-asset-page");

    const { tab: desk } = await openAs(arbiter, "/arbiter");
    const item = desk.getByTestId(`challenge-${opened?.challengeId}`);
    await item.waitFor();
    await look("arbiter-queue", desk);
    const slashBps = await stack.publicClient.readContract(pool("slashBps"));
    await write(item.getByTestId(`uphold-${opened?.challengeId}`));
    expect(await stakeOf()).toBe(parseEther("100") - (parseEther("100") * BigInt(slashBps)) / 10_000n);

    await page.reload();
    const history = page.getByTestId("challenge-history");
    await history.waitFor();
    expect(await history.textContent()).toMatch(
      new RegExp(`upheld\\. 20 TSTK was slashed: every staker lost ${slashBps / 100}%`),
    );
    expect(await page.getByTestId("stake-total").textContent()).toBe("80 TSTK");
    expect(await page.getByTestId("slash-effect").textContent()).toMatch(
      new RegExp(`${curator.address.toLowerCase().slice(0, 8)}.*: 80 TSTK now, about 20 TSTK slashed`),
    );
    await look("challenge-upheld-asset-page");
    await page.goto(`${web}/stakes`);
    expect(await page.getByTestId(`stake-${assetId}`).getByTestId("stake-value").textContent()).toBe(
      "80 TSTK staked",
    );
    expect(await page.locator("[data-testid=stake-history] [data-kind=SLASHED]").textContent()).toMatch(
      /was upheld: 20 TSTK of its stake was slashed \(20% of every stake on it, yours included\)/,
    );
    await look("challenge-upheld-stakes");
  });

  it("a rejected challenge pays the bond to the stakers", async () => {
    const bond = parseEther("150");
    const theirs = walletOf(challenger);
    await send(
      theirs.writeContract({
        address: stack.contracts.StakeToken,
        abi: testTokenAbi,
        functionName: "approve",
        args: [stack.contracts.StakingPool, bond],
      }),
    );
    await send(theirs.writeContract({ ...pool("challenge"), args: [assetId, bond, `0x${"ee".repeat(32)}`] }));
    await stack.index();
    const opened = await stack.db.challenge.findFirst({
      where: { chainId: stack.chainId, assetId, status: "OPEN" },
    });
    const { tab: desk } = await openAs(arbiter, "/arbiter");
    // The role page is offered in the arbiter's wallet menu (it is not in the main navigation).
    await desk.getByTestId("wallet-address").click();
    expect(await desk.getByTestId("role-link-arbiter").getAttribute("href")).toBe("/arbiter");
    await desk.keyboard.press("Escape");
    await write(desk.getByTestId(`reject-${opened?.challengeId}`));
    const pending = await stack.publicClient.readContract({
      ...pool("pendingRewards"),
      args: [assetId, stack.contracts.StakeToken, curator.address],
    });
    expect(bond - pending).toBeLessThan(3n); // the only staker receives the whole bond
    await page.goto(`${web}/stakes`);
    expect(await page.getByTestId("rewards-summary").textContent()).toMatch(/150 TSTK/);
    expect(await page.locator("[data-testid=stake-history] [data-kind=BOND]").first().textContent()).toMatch(
      /was rejected: its bond, 150 TSTK, went to the stakers/,
    );
    await look("challenge-rejected-stakes");
    const before = await stakeBalance();
    await write(page.getByTestId("claim-rewards"));
    expect((await stakeBalance()) - before).toBe(pending);
  });

  it("shows a non-arbiter no arbiter controls, and the chain refuses the verdict if forced", async () => {
    const theirs = walletOf(challenger);
    const bond = await stack.publicClient.readContract(pool("minBond"));
    await send(
      theirs.writeContract({
        address: stack.contracts.StakeToken,
        abi: testTokenAbi,
        functionName: "approve",
        args: [stack.contracts.StakingPool, bond],
      }),
    );
    await send(theirs.writeContract({ ...pool("challenge"), args: [assetId, bond, `0x${"dd".repeat(32)}`] }));
    await stack.index();
    const opened = await stack.db.challenge.findFirst({
      where: { chainId: stack.chainId, assetId, status: "OPEN" },
    });
    await page.goto(`${web}/arbiter`);
    await page.getByTestId("arbiter-not-allowed").waitFor();
    // No role, no role pages offered.
    expect(await (await page.request.get(`${web}/api/auth/roles`)).json()).toEqual({ roles: [] });
    expect(await page.getByText(/Uphold|Reject:/).count()).toBe(0);
    await look("arbiter-not-allowed");
    await expect(
      stack.publicClient.simulateContract({
        ...pool("resolve"),
        args: [opened?.challengeId ?? 0n, true],
        account: curator.address,
      }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/);
    expect((await stack.db.challenge.findFirst({ where: { id: opened?.id } }))?.status).toBe("OPEN");
  });

  it("a challenge still open at its deadline can be closed by anyone: nothing slashed, the bond to the stakers", async () => {
    // The challenge the previous test left open: nobody decides it before its deadline.
    const opened = await stack.db.challenge.findFirstOrThrow({
      where: { chainId: stack.chainId, assetId, status: "OPEN" },
    });
    await page.goto(`${web}/assets/${stack.chainId}/${assetId}`);
    const banner = page.getByTestId("challenge-banner");
    expect(await banner.getByTestId("challenge-deadline").textContent()).toMatch(
      /An arbiter must decide by .+ UTC; after that anyone can close it\./,
    );
    expect(await banner.getByTestId(`lapse-${opened.challengeId}`).count()).toBe(0);

    const challengePeriod = await stack.publicClient.readContract(pool("challengePeriod"));
    await rpc("evm_increaseTime", [Number(challengePeriod) + 1]);
    await rpc("evm_mine");
    await page.goto(`${web}/assets/${stack.chainId}/${assetId}`);
    expect(await banner.getByTestId("challenge-deadline").textContent()).toMatch(
      /passed with no decision\. Anyone can now close it: nothing is slashed, the bond goes to the asset's stakers/,
    );
    await look("challenge-lapsable");
    const stakeBefore = await stakeOf();
    const pendingBefore = await stack.publicClient.readContract({
      ...pool("pendingRewards"),
      args: [assetId, stack.contracts.StakeToken, curator.address],
    });
    // The curator, who holds no role, closes it.
    await write(banner.getByTestId(`lapse-${opened.challengeId}`));
    expect((await stack.db.challenge.findFirstOrThrow({ where: { id: opened.id } })).status).toBe("LAPSED");
    await expect.poll(() => page.getByTestId("challenge-banner").count(), { timeout: 20_000 }).toBe(0);
    expect(await stakeOf()).toBe(stakeBefore);
    const pendingAfter = await stack.publicClient.readContract({
      ...pool("pendingRewards"),
      args: [assetId, stack.contracts.StakeToken, curator.address],
    });
    expect(BigInt(opened.bond.toFixed()) - (pendingAfter - pendingBefore)).toBeLessThan(3n);
    await look("challenge-lapsed");
  });
});

describe("protocol admin", () => {
  it("shows each setting's on-chain value, changes fees, pauses and resumes, and withdraws protocol fees", async () => {
    const { tab, wallet: adminWallet } = await openAs(arbiter, "/admin");
    const lm = { address: stack.contracts.LicenseManager, abi: licenseManagerAbi } as const;
    const feeBps = await stack.publicClient.readContract({ ...lm, functionName: "protocolFeeBps" });
    await tab.getByTestId("panel-fees").waitFor();
    expect(await tab.getByTestId("now-fees").textContent()).toContain(`protocol fee ${feeBps / 100}%`);
    await tab.getByTestId("wallet-address").click();
    expect(await tab.getByTestId("role-link-admin").getAttribute("href")).toBe("/admin");
    await tab.keyboard.press("Escape");
    await look("admin-settings", tab);

    const fees = tab.getByTestId("panel-fees");
    await fees.getByLabel(/Protocol fee/).fill("12");
    expect(await fees.getByTestId("tx-disabled-reason").textContent()).toMatch(/at most 10%/);
    await fees.getByLabel(/Protocol fee/).fill("3");
    await write(fees.getByTestId("admin-fees"));
    expect(await stack.publicClient.readContract({ ...lm, functionName: "protocolFeeBps" })).toBe(300);
    await expect
      .poll(() => tab.getByTestId("now-fees").textContent(), { timeout: 20_000 })
      .toContain("protocol fee 3%");

    await write(tab.getByTestId("panel-pause").getByTestId("admin-pause"));
    expect(await stack.publicClient.readContract({ ...lm, functionName: "paused" })).toBe(true);
    await expect
      .poll(() => tab.getByTestId("now-pause").textContent(), { timeout: 20_000 })
      .toMatch(/paused/);
    await write(tab.getByTestId("panel-pause").getByTestId("admin-pause"));
    expect(await stack.publicClient.readContract({ ...lm, functionName: "paused" })).toBe(false);

    const treasury = await stack.publicClient.readContract({ ...lm, functionName: "treasury" });
    const accrued = await stack.publicClient.readContract({
      ...lm,
      functionName: "accruedProtocolFees",
      args: [zeroAddress],
    });
    expect(accrued).toBeGreaterThan(0n);
    const before = await stack.publicClient.getBalance({ address: treasury });
    await write(tab.getByTestId("withdraw-fees-ETH"));
    const after = await stack.publicClient.getBalance({ address: treasury });
    // The treasury is the admin here, so its own gas comes off: count it back.
    const last = await stack.publicClient.getBlock({ includeTransactions: true });
    const tx = last.transactions[0];
    const receipt =
      tx && typeof tx !== "string" ? await stack.publicClient.getTransactionReceipt({ hash: tx.hash }) : null;
    const gas =
      receipt && treasury.toLowerCase() === receipt.from.toLowerCase()
        ? receipt.gasUsed * receipt.effectiveGasPrice
        : 0n;
    expect(after - before + gas).toBe(accrued);
    expect(adminWallet.count("eth_sendTransaction")).toBe(4);
    await look("admin-after-changes", tab);
  });

  it("shows an account without a protocol role no controls", async () => {
    await page.goto(`${web}/admin`);
    await page.getByTestId("admin-not-allowed").waitFor();
    expect(await page.getByTestId("panel-fees").count()).toBe(0);
  });
});
