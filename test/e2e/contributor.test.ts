// The contributor journey in Chromium with a real signing wallet: a model split 60/40 between two
// contributors and built on a dataset (10% upstream) sells licenses in ETH and in the stablecoin; each
// contributor signs in on /royalties, sees what accrued and where it came from, and claims everything
// in ONE transaction; each receives exactly its share (chain balances, gas accounted for); the
// dataset's owner claims its upstream share of the model's sales the same way.
import { assetRegistryAbi, licenseManagerAbi, royaltySharesAbi, testTokenAbi } from "@tessera/abi";
import type { BrowserContext, Page } from "playwright-core";
import { type Address, createWalletClient, type Hex, http, parseEther, parseUnits, zeroAddress } from "viem";
import type { LocalAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { fitsViewportWidth, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { reachState } from "../support/tx-flow.ts";
import { type InjectedWallet, injectWallet } from "../support/wallet.ts";

const lead = devAccount(10); // builds the model, holds 60%
const coauthor = devAccount(11); // holds 40%
const dataOwner = devAccount(12); // owns the dataset the model was trained on
const partner = devAccount(13); // receives part of the co-author's shares
const clinic = devAccount(DEV_ACCOUNT.clinic);
const ETH_PRICE = parseEther("0.1");
const TUSD_PRICE = parseUnits("100", 6);
const UPSTREAM_BPS = 1_000n;

let stack: Stack;
let web: string;
let browser: BrowserContext | undefined;
let modelId: bigint;
let datasetId: bigint;
/** What each account must receive, per currency, from the sales' split (computed independently). */
let expected: Record<"lead" | "coauthor" | "dataOwner", { eth: bigint; tusd: bigint }>;

const walletOf = (account: LocalAccount) =>
  createWalletClient({ account, chain: hardhat, transport: http(stack.rpcUrl) });

async function send(hash: Promise<Hex>) {
  const receipt = await stack.publicClient.waitForTransactionReceipt({ hash: await hash });
  if (receipt.status !== "success") throw new Error("a setup transaction reverted");
  return receipt;
}

async function register(
  owner: LocalAccount,
  kind: number,
  split: Array<[Address, bigint]>,
  parents: bigint[],
) {
  const count = await stack.publicClient.readContract({
    address: stack.contracts.AssetRegistry,
    abi: assetRegistryAbi,
    functionName: "assetCount",
  });
  await send(
    walletOf(owner).writeContract({
      address: stack.contracts.AssetRegistry,
      abi: assetRegistryAbi,
      functionName: "register",
      args: [
        kind,
        "tessera://card/none",
        `0x${(count + 1n).toString(16).padStart(64, "0")}`,
        split.map(([holder, shares]) => ({ holder, shares })),
        parents.map((assetId) => ({ assetId, bps: Number(UPSTREAM_BPS) })),
      ],
    }),
  );
  return count + 1n;
}

function split(total: bigint, feeBps: bigint) {
  const fee = (total * feeBps) / 10_000n;
  const upstream = (total * UPSTREAM_BPS) / 10_000n;
  const rest = total - fee - upstream; // no stakers on the new model: no curator share
  return { upstream, lead: (rest * 600_000n) / 1_000_000n, coauthor: (rest * 400_000n) / 1_000_000n };
}

beforeAll(async () => {
  stack = await startStack();
  datasetId = await register(dataOwner, 1, [[dataOwner.address, 1_000_000n]], []);
  modelId = await register(
    lead,
    0,
    [
      [lead.address, 600_000n],
      [coauthor.address, 400_000n],
    ],
    [datasetId],
  );
  const offers: bigint[] = [];
  for (const [price, currency] of [
    [ETH_PRICE, zeroAddress],
    [TUSD_PRICE, stack.contracts.Stablecoin],
  ] as const) {
    await send(
      walletOf(lead).writeContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "createOffer",
        args: [
          modelId,
          {
            price,
            currency,
            period: 0,
            maxLicenses: 0,
            pinnedVersion: 0,
            rights: 3,
            transferable: false,
            termsHash: `0x${"11".repeat(32)}`,
          },
        ],
      }),
    );
    offers.push(
      await stack.publicClient.readContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "offerCount",
      }),
    );
  }
  const buyer = walletOf(clinic);
  await send(
    buyer.writeContract({
      address: stack.contracts.Stablecoin,
      abi: testTokenAbi,
      functionName: "mint",
      args: [clinic.address, TUSD_PRICE],
    }),
  );
  await send(
    buyer.writeContract({
      address: stack.contracts.Stablecoin,
      abi: testTokenAbi,
      functionName: "approve",
      args: [stack.contracts.LicenseManager, TUSD_PRICE],
    }),
  );
  for (const [offerId, total, value] of [
    [offers[0], ETH_PRICE, ETH_PRICE],
    [offers[1], TUSD_PRICE, 0n],
  ] as const) {
    await send(
      buyer.writeContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "purchase",
        args: [offerId ?? 0n, 1, 1, clinic.address, total],
        value,
      }),
    );
  }
  const feeBps = BigInt(
    await stack.publicClient.readContract({
      address: stack.contracts.LicenseManager,
      abi: licenseManagerAbi,
      functionName: "protocolFeeBps",
    }),
  );
  const eth = split(ETH_PRICE, feeBps);
  const tusd = split(TUSD_PRICE, feeBps);
  expected = {
    lead: { eth: eth.lead, tusd: tusd.lead },
    coauthor: { eth: eth.coauthor, tusd: tusd.coauthor },
    dataOwner: { eth: eth.upstream, tusd: tusd.upstream },
  };
  await stack.index();
  web = await stack.startWeb();
}, 300_000);
afterAll(async () => {
  await stack?.stop();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function balances(account: Address) {
  const [eth, tusd] = await Promise.all([
    stack.publicClient.getBalance({ address: account }),
    stack.publicClient.readContract({
      address: stack.contracts.Stablecoin,
      abi: testTokenAbi,
      functionName: "balanceOf",
      args: [account],
    }),
  ]);
  return { eth, tusd };
}

/** Opens /royalties as `account` and signs in from the header: the page re-renders for it. */
async function signIn(account: LocalAccount, name: string) {
  browser = await launchBrowser();
  const wallet = await injectWallet(browser, { rpcUrl: stack.rpcUrl, account });
  const page = await browser.newPage();
  await page.goto(`${web}/royalties`);
  await page.getByTestId("royalties-sign-in").waitFor();
  await screenshotAtWidths(page, `royalties-${name}-signed-out`);
  await page.getByTestId("connect-wallet").click();
  await page.getByTestId("royalty-totals").waitFor({ timeout: 30_000 });
  return { page, wallet };
}

/** Claims everything on the signed-in page; returns what arrived (gas added back) and what was shown. */
async function claimAll(page: Page, wallet: InjectedWallet, account: LocalAccount, name: string) {
  const before = await balances(account.address);
  const ethShown = await page.getByTestId("claimable-ETH").getAttribute("data-base");
  const tusdShown = await page.getByTestId("claimable-tUSD").getAttribute("data-base");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshotAtWidths(page, `royalties-${name}-before-claim`);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsViewportWidth(page)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
  const sent = wallet.count("eth_sendTransaction");

  const claim = page.getByTestId("claim-all");
  await claim.getByTestId("tx-submit").click();
  await reachState(claim, "confirmed");
  await stack.index();
  await reachState(claim, "indexed");
  // The re-rendered page shows nothing left to claim, and says why the button is disabled.
  await expect
    .poll(() => page.getByTestId("claimable-ETH").getAttribute("data-base"), { timeout: 20_000 })
    .toBe("0");
  expect(await claim.getByTestId("tx-disabled-reason").textContent()).toMatch(/nothing to claim/);
  expect(await page.getByTestId("claimed-ETH").textContent()).not.toBe("0 ETH");
  await screenshotAtWidths(page, `royalties-${name}-claimed`);

  expect(wallet.count("eth_sendTransaction")).toBe(sent + 1);
  expect(wallet.count("eth_signTypedData_v4")).toBe(0);
  const row = await stack.db.royaltyClaim.findFirst({
    where: { chainId: stack.chainId, holder: account.address.toLowerCase() },
    orderBy: { blockNumber: "desc" },
  });
  if (!row) throw new Error("no claim was indexed");
  const receipt = await stack.publicClient.getTransactionReceipt({ hash: row.txHash as Hex });
  const after = await balances(account.address);
  return {
    eth: after.eth - before.eth + receipt.gasUsed * receipt.effectiveGasPrice,
    tusd: after.tusd - before.tusd,
    shown: { eth: BigInt(ethShown ?? "-1"), tusd: BigInt(tusdShown ?? "-1") },
  };
}

async function contractClaimable(holder: Address, assetId: bigint, currency: Address) {
  return stack.publicClient.readContract({
    address: stack.contracts.RoyaltyShares,
    abi: royaltySharesAbi,
    functionName: "claimable",
    args: [holder, assetId, currency],
  });
}

describe("contributors claim their royalties", () => {
  it("the 60% contributor receives exactly its share of both sales in one transaction", async () => {
    const { page, wallet } = await signIn(lead, "lead");
    await page.getByTestId(`royalty-asset-${modelId}`).waitFor();
    const got = await claimAll(page, wallet, lead, "lead");
    expect(got.shown).toEqual(expected.lead);
    expect({ eth: got.eth, tusd: got.tusd }).toEqual(expected.lead);
    expect(wallet.count("personal_sign")).toBe(1); // the sign-in, nothing else
    expect(await contractClaimable(lead.address, modelId, zeroAddress)).toBe(0n);
  });

  it("the 40% contributor transfers shares (settled first), sees the sources, and receives exactly its share", async () => {
    const { page, wallet } = await signIn(coauthor, "coauthor");
    const asset = page.getByTestId(`royalty-asset-${modelId}`);
    expect(await asset.getByTestId("royalty-sources").locator("[data-kind=sale]").count()).toBe(2);

    // Part of the shares go to a partner: what they earned so far is settled to the co-author first.
    await asset.getByText("Transfer shares to another account").click();
    const transfer = page.getByTestId(`share-transfer-${modelId}`);
    expect(await transfer.textContent()).toMatch(/0\.035 ETH and 35 tUSD.*stays yours to claim/);
    await transfer.getByLabel("Recipient's address").fill(coauthor.address);
    expect(await transfer.getByTestId("tx-disabled-reason").textContent()).toMatch(/your own account/);
    await transfer.getByLabel(/^Shares/).fill("500000");
    await transfer.getByLabel("Recipient's address").fill(partner.address);
    expect(await transfer.getByTestId("tx-disabled-reason").textContent()).toMatch(/at most that many/);
    await transfer.getByLabel(/^Shares/).fill("100000");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotAtWidths(page, "royalties-coauthor-transfer");
    await transfer.getByTestId("tx-submit").click();
    await reachState(transfer, "confirmed");
    await stack.index();
    await reachState(transfer, "indexed");
    await expect
      .poll(() => asset.getByTestId("royalty-shares").textContent(), { timeout: 20_000 })
      .toMatch(/You hold 30% \(300,000 shares\)/);
    expect(await shareBalance(partner.address)).toBe(100_000n);
    expect(await contractClaimable(partner.address, modelId, zeroAddress)).toBe(0n);
    expect(await contractClaimable(coauthor.address, modelId, zeroAddress)).toBe(expected.coauthor.eth);

    const got = await claimAll(page, wallet, coauthor, "coauthor");
    expect(got.shown).toEqual(expected.coauthor);
    expect({ eth: got.eth, tusd: got.tusd }).toEqual(expected.coauthor);
    expect(wallet.count("eth_sendTransaction")).toBe(2); // the transfer and the claim
    expect(expected.lead.eth * 2n).toBe(expected.coauthor.eth * 3n); // 60/40
  });

  it("the dataset's owner claims its upstream share of the derived model's sales", async () => {
    const { page, wallet } = await signIn(dataOwner, "upstream");
    const upstream = page
      .getByTestId(`royalty-asset-${datasetId}`)
      .getByTestId("royalty-sources")
      .locator("[data-kind=upstream]");
    expect(await upstream.count()).toBe(2);
    expect(await upstream.first().textContent()).toMatch(/Upstream share of 1 sale of/);
    const got = await claimAll(page, wallet, dataOwner, "upstream");
    expect(got.shown).toEqual(expected.dataOwner);
    expect({ eth: got.eth, tusd: got.tusd }).toEqual(expected.dataOwner);
  });
});

async function shareBalance(holder: Address) {
  return stack.publicClient.readContract({
    address: stack.contracts.RoyaltyShares,
    abi: royaltySharesAbi,
    functionName: "balanceOf",
    args: [holder, modelId],
  });
}
