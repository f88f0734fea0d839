// The clinic journey in Chromium with real signing wallets, on one shared stack: buy a site license
// in ETH (one transaction) and in the stablecoin (one permit signature + one transaction), with the
// itemised total equal to what the wallet pays and to the contract's own split; see it held after a
// hard reload; give a staff wallet a seat (the cap enforced), take it back; let it expire (chain time
// moved) and renew it; export the audit trail. The wallet counts every signature and transaction.

import { createHmac } from "node:crypto";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { assetRegistryAbi, licenseManagerAbi, stakingPoolAbi, testTokenAbi } from "@tessera/abi";
import { DiskBlobStore } from "@tessera/storage";
import type { BrowserContext, Locator, Page } from "playwright-core";
import {
  type Address,
  createWalletClient,
  type Hex,
  http,
  parseEventLogs,
  parseUnits,
  zeroAddress,
} from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quoteLicense, type SplitRules } from "../../apps/web/src/purchase/quote.ts";
import { devAccount } from "../../scripts/lib/accounts.ts";
import { seedArtifacts } from "../../scripts/seed/artifacts.ts";
import { DEMO_CATALOG } from "../../scripts/seed/catalog.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { firstLoadJs } from "../support/first-load-js.ts";
import { installSaveDialog, removeSavedFile, type SaveDialog, savedFile } from "../support/save-dialog.ts";
import { fitsViewportWidth, screenshotAtWidths } from "../support/screenshots.ts";
import { signInOverHttp } from "../support/session.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { submitAndIndex } from "../support/tx-flow.ts";
import { type InjectedWallet, injectWallet } from "../support/wallet.ts";

const clinic = devAccount(7);
const staff = devAccount(8);
const stranger = devAccount(9);
const nobody = devAccount(10); // holds no license at all
/** The web app signs download links with this key here, so a test can make an expired one. */
const DOWNLOAD_SECRET = "clinic-journey-test-key-0123456789abcdef";
const DAY = 86_400;

let stack: Stack;
let web: string;
const browsers: BrowserContext[] = [];
let cxrTriage: bigint;
let offers: { eth: bigint; tusd: bigint };
/** The license the ETH purchase made (2 seats), used by the later steps. */
let tusdLicense = 0n;
let siteLicense: bigint;
/** The sha256 of the artifact CXR Triage's licenses cover (its latest version). */
let artifact: string;

async function rpc(method: string, params: unknown[] = []) {
  const response = await fetch(stack.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

async function assetIdNamed(name: string): Promise<bigint> {
  const rows = await stack.db.$queryRaw<Array<{ assetId: bigint }>>`
    SELECT a."assetId" FROM "Asset" a JOIN "ModelCard" c ON c.sha256 = substr(a."metadataUri", 16)
    WHERE c.name = ${name}`;
  const id = rows[0]?.assetId;
  if (id === undefined) throw new Error(`no asset named ${name}`);
  return id;
}

/** The rules LicenseManager splits a payment by, read from the chain as the contract reads them. */
async function splitRules(assetId: bigint, currency: Address): Promise<SplitRules> {
  const read = stack.publicClient.readContract;
  const lm = { address: stack.contracts.LicenseManager, abi: licenseManagerAbi } as const;
  const [fee, curator, parents, accepts] = await Promise.all([
    read({ ...lm, functionName: "protocolFeeBps" }),
    read({ ...lm, functionName: "curatorBps" }),
    read({
      address: stack.contracts.AssetRegistry,
      abi: assetRegistryAbi,
      functionName: "parentsOf",
      args: [assetId],
    }),
    read({
      address: stack.contracts.StakingPool,
      abi: stakingPoolAbi,
      functionName: "acceptsReward",
      args: [assetId, currency],
    }),
  ]);
  return {
    protocolFeeBps: Number(fee),
    curatorBps: Number(curator),
    parentBps: parents.map((p) => Number(p.bps)),
    curatorsAccept: accepts,
  };
}

/**
 * A browser with `account`'s wallet, connected and signed in from the header (one signature). Its
 * save dialog answers with a private file (streamed download), or it has none (in-memory download).
 */
async function signedInAs(
  account = clinic,
  saveDialog: SaveDialog = "private-file",
): Promise<{ page: Page; wallet: InjectedWallet }> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const wallet = await injectWallet(browser, { rpcUrl: stack.rpcUrl, account });
  await installSaveDialog(browser, saveDialog);
  const page = await browser.newPage();
  await page.goto(web);
  await page.getByTestId("connect-wallet").click();
  try {
    await expect
      .poll(() => page.getByTestId("wallet-address").getAttribute("data-signed-in"), { timeout: 30_000 })
      .toBe("true");
  } catch (error) {
    await page.screenshot({ path: `test/.output/clinic-sign-in-failed-${account.address.slice(2, 8)}.png` });
    throw new Error(`sign-in did not complete; the wallet was asked: ${wallet.requests.join(", ")}`, {
      cause: error,
    });
  }
  expect(wallet.count("personal_sign")).toBe(1);
  return { page, wallet };
}

/** Records every state `scope`'s status panel passes through, in order, from now on. */
async function recordStates(scope: string, page: Page) {
  await page.evaluate((selector) => {
    // Runs in the page: its globals (document, MutationObserver) are not in this file's Node types.
    // biome-ignore lint/suspicious/noExplicitAny: the page's global object
    const w = globalThis as any;
    w.__states = [];
    const read = () => {
      const state = w.document.querySelector(selector)?.getAttribute("data-state");
      if (state && w.__states.at(-1) !== state) w.__states.push(state);
    };
    read();
    new w.MutationObserver(read).observe(w.document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-state"],
    });
  }, `${scope} [data-testid="tx-status"]`);
}
const recorded = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __states: string[] }).__states);

const submitAndIndexHere = (scope: Locator) => submitAndIndex(scope, () => stack.index());

async function check(page: Page, name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  await screenshotAtWidths(page, `clinic-${name}`);
  await page.setViewportSize({ width: 375, height: 800 });
  // Names what sticks out, so a failure says where to look.
  const wide = await page.evaluate(() => {
    // biome-ignore lint/suspicious/noExplicitAny: runs in the page, whose globals Node's types lack
    const w = globalThis as any;
    return [...w.document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > w.innerWidth + 1)
      .slice(0, 3)
      .map((el) => el.outerHTML.slice(0, 160));
  });
  expect(wide).toEqual([]);
  expect(await fitsViewportWidth(page)).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const firstLoadJsKb = async (url: string) => (await firstLoadJs(url)).kb;

/** A session for `account` signed in over HTTP (Sign-In with Ethereum), as a Cookie header. */
const apiSession = (account = nobody) => signInOverHttp(web, account);

async function askLink(cookie: string, body: unknown, init: RequestInit = {}) {
  const response = await fetch(`${web}/api/downloads`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
    ...init,
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    json: (await response.json()) as Record<string, string>,
  };
}

/** What the clinic lets the LicenseManager take in tUSD: a permit must leave nothing behind. */
const clinicAllowance = () =>
  stack.publicClient.readContract({
    address: stack.contracts.Stablecoin,
    abi: testTokenAbi,
    functionName: "allowance",
    args: [clinic.address, stack.contracts.LicenseManager],
  });
const downloadCounts = async () => ({
  grants: await stack.db.downloadGrant.count(),
  downloads: await stack.db.download.count(),
});

const licenseCard = (page: Page, id: bigint) =>
  page.locator(`[data-testid="license"][data-license-id="${id}"]`);

beforeAll(async () => {
  stack = await startStack();
  const minter = createWalletClient({ account: clinic, chain: hardhat, transport: http(stack.rpcUrl) });
  const hash = await minter.writeContract({
    address: stack.contracts.Stablecoin,
    abi: testTokenAbi,
    functionName: "mint",
    args: [clinic.address, parseUnits("5000", 6)],
  });
  await stack.publicClient.waitForTransactionReceipt({ hash });
  await stack.index();
  cxrTriage = await assetIdNamed("CXR Triage");
  const cxrOffers = await stack.db.offer.findMany({
    where: { chainId: stack.chainId, assetId: cxrTriage, period: 30n * BigInt(DAY) },
    orderBy: { offerId: "asc" },
  });
  const eth = cxrOffers.find((o) => o.currency === zeroAddress)?.offerId;
  const tusd = cxrOffers.find((o) => o.currency !== zeroAddress)?.offerId;
  if (eth === undefined || tusd === undefined)
    throw new Error("the seed no longer offers CXR Triage monthly");
  offers = { eth, tusd };
  // The seeded assets' artifact bytes, in the blob store the web app serves (as `pnpm dev` seeds them).
  await seedArtifacts(await DiskBlobStore.open(stack.blobDir));
  const versions = await stack.db.assetVersion.findMany({ where: { chainId: stack.chainId } });
  artifact =
    versions.filter((v) => v.assetId === cxrTriage).sort((a, b) => b.version - a.version)[0]?.contentHash ??
    "";
  web = await stack.startWeb({ TESSERA_DOWNLOAD_SECRET: DOWNLOAD_SECRET });
});
afterAll(async () => {
  for (const browser of browsers) await browser.close().catch(() => {});
  await stack?.stop();
});

describe("the quote", () => {
  it("equals the contract's own split for several orders, assets and currencies", async () => {
    const buyer = createWalletClient({ account: stranger, chain: hardhat, transport: http(stack.rpcUrl) });
    const tbScreen = await assetIdNamed("TB Screen Lite"); // two parents
    const cases = [
      { assetId: tbScreen, seats: 3, periods: 2 },
      { assetId: cxrTriage, seats: 7, periods: 1 },
      { assetId: cxrTriage, seats: 1, periods: 5 },
    ];
    for (const c of cases) {
      const offer = await stack.db.offer.findFirstOrThrow({
        where: { chainId: stack.chainId, assetId: c.assetId, currency: zeroAddress },
      });
      const quote = quoteLicense(
        BigInt(offer.price.toFixed()),
        c.seats,
        c.periods,
        await splitRules(c.assetId, zeroAddress),
      );
      const hash = await buyer.writeContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "purchase",
        args: [offer.offerId, c.seats, c.periods, stranger.address, quote.total],
        value: quote.total,
      });
      const receipt = await stack.publicClient.waitForTransactionReceipt({ hash });
      const [split] = parseEventLogs({
        abi: licenseManagerAbi,
        eventName: "PaymentSplit",
        logs: receipt.logs,
      });
      expect(split?.args).toMatchObject({
        total: quote.total,
        protocolFee: quote.protocolFee,
        upstream: quote.upstream,
        curators: quote.curators,
        toShareholders: quote.contributors,
      });
    }
  });
});

describe("the clinic journey", () => {
  let page: Page;
  let wallet: InjectedWallet;

  it("buys a 2-seat license in ETH with one transaction, paying exactly the itemised total", async () => {
    ({ page, wallet } = await signedInAs(clinic));
    await page.goto(`${web}/assets/${stack.chainId}/${cxrTriage}`);
    const offer = page.locator(`li[data-offer-id="${offers.eth}"]`);
    // Each offer shows one Buy button; the form opens under it.
    await offer.getByTestId("buy-open").click();
    await offer.getByTestId("buy-form").waitFor();
    await offer.getByTestId("tx-submit").waitFor({ timeout: 20_000 });
    await offer.getByLabel("Seats").fill("2");
    await offer.getByLabel("Periods").fill("1");
    const quote = offer.getByTestId("quote");
    const total = BigInt((await quote.getAttribute("data-total")) ?? "0");
    const part = async (name: string) =>
      BigInt((await quote.locator(`[data-part="${name}"]`).getAttribute("data-value")) ?? "-1");
    const shown = {
      protocolFee: await part("protocolFee"),
      upstream: await part("upstream"),
      curators: await part("curators"),
      contributors: await part("contributors"),
    };
    expect(total).toBeGreaterThan(0n);
    expect(shown.upstream).toBeGreaterThan(0n); // CXR Triage builds on a dataset
    await check(page, "01-quote-eth");

    await recordStates(`li[data-offer-id="${offers.eth}"]`, page);
    const sentBefore = wallet.count("eth_sendTransaction");
    await submitAndIndexHere(offer);
    expect(await recorded(page)).toEqual(["idle", "preparing", "signing", "pending", "confirmed", "indexed"]);
    expect(wallet.count("eth_sendTransaction") - sentBefore).toBe(1);
    expect(wallet.count("eth_signTypedData_v4")).toBe(0);

    const sale = await stack.db.sale.findFirstOrThrow({
      where: { chainId: stack.chainId, payer: clinic.address.toLowerCase(), kind: "PURCHASE" },
      orderBy: { blockNumber: "desc" },
    });
    // What the page showed is what the wallet paid and how the contract split it.
    const tx = await stack.publicClient.getTransaction({ hash: sale.txHash as Hex });
    expect(tx.value).toBe(total);
    expect(BigInt(sale.total.toFixed())).toBe(total);
    expect(BigInt(sale.protocolFee.toFixed())).toBe(shown.protocolFee);
    expect(BigInt(sale.upstream.toFixed())).toBe(shown.upstream);
    expect(BigInt(sale.curators.toFixed())).toBe(shown.curators);
    expect(BigInt(sale.toShareholders.toFixed())).toBe(shown.contributors);
    siteLicense = sale.licenseId;
    await offer.getByTestId("bought").waitFor();
    await check(page, "02-bought-eth");
  });

  it("shows the license as held after a hard reload of My licenses", async () => {
    await page.goto(`${web}/licenses`);
    await page.reload();
    const card = licenseCard(page, siteLicense);
    await card.waitFor();
    expect(await card.getAttribute("data-role")).toBe("holder");
    expect(await card.getAttribute("data-status")).toBe("expiring"); // 30 days: renewal window open
    expect(await card.getByTestId("expiry").textContent()).toMatch(/Expires on .+, in (29|30) days/);
    const offer = await stack.db.offer.findFirstOrThrow({
      where: { chainId: stack.chainId, offerId: offers.eth },
    });
    expect(await card.getByTestId("terms-hash").textContent()).toBe(offer.termsHash);
    expect(await card.getByTestId("seat-count").textContent()).toMatch(/1 of 2 seats in use/);
    await check(page, "03-licenses-held");
  });

  it("buys with the stablecoin: exactly one permit signature and one transaction, no approval", async () => {
    await page.goto(`${web}/assets/${stack.chainId}/${cxrTriage}`);
    const offer = page.locator(`li[data-offer-id="${offers.tusd}"]`);
    await offer.getByTestId("buy-open").click();
    await offer.getByTestId("tx-submit").waitFor({ timeout: 20_000 });
    await offer.getByLabel("Seats").fill("3");
    await offer.getByLabel("Periods").fill("2");
    const total = BigInt((await offer.getByTestId("quote").getAttribute("data-total")) ?? "0");
    const before = {
      signatures: wallet.count("eth_signTypedData_v4"),
      txs: wallet.count("eth_sendTransaction"),
    };
    const allowanceBefore = await clinicAllowance();
    expect(allowanceBefore).toBe(0n);
    await check(page, "04-quote-tusd");
    await submitAndIndexHere(offer);
    expect(wallet.count("eth_signTypedData_v4") - before.signatures).toBe(1);
    expect(wallet.count("eth_sendTransaction") - before.txs).toBe(1);
    const sale = await stack.db.sale.findFirstOrThrow({
      where: {
        chainId: stack.chainId,
        payer: clinic.address.toLowerCase(),
        currency: stack.contracts.Stablecoin.toLowerCase(),
      },
    });
    expect(BigInt(sale.total.toFixed())).toBe(total);
    tusdLicense = sale.licenseId;
    // The permit was for exactly the total, and the purchase spent all of it.
    expect(await clinicAllowance()).toBe(0n);
    await check(page, "05-bought-tusd");
  });

  it("gives a staff wallet a seat, enforces the seat cap, and takes the seat back", async () => {
    await page.goto(`${web}/licenses`);
    const card = licenseCard(page, siteLicense);
    const seats = card.getByTestId("seats");
    await seats.getByTestId("delegate-form").waitFor();
    // A malformed address is explained before the wallet opens.
    await seats.getByLabel(/Give a seat/).fill("0x1234");
    const giveButton = seats.getByTestId("tx-submit").last();
    await giveButton.waitFor({ timeout: 20_000 });
    expect(await giveButton.isDisabled()).toBe(true);
    expect(await seats.getByTestId("tx-disabled-reason").last().textContent()).toMatch(
      /Enter a wallet address/,
    );
    await seats.getByLabel(/Give a seat/).fill(staff.address);
    const txs = wallet.count("eth_sendTransaction");
    await submitAndIndexHere(seats);
    expect(wallet.count("eth_sendTransaction") - txs).toBe(1);
    await expect
      .poll(() => card.getByTestId("seat-count").textContent(), { timeout: 20_000 })
      .toMatch(/2 of 2 seats/);
    await expect.poll(() => card.getByTestId("delegate").count()).toBe(1);
    // Both seats are used: the form says so and the contract is never asked.
    expect(await seats.getByTestId("tx-disabled-reason").last().textContent()).toMatch(
      /All 2 seats are in use/,
    );
    expect(
      await stack.publicClient.readContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "isValid",
        args: [siteLicense, staff.address],
      }),
    ).toBe(true);
    await check(page, "06-seat-given");

    // The staff member signs in with their own wallet and sees the seat.
    const staffSession = await signedInAs(staff);
    await staffSession.page.goto(`${web}/licenses`);
    const staffCard = licenseCard(staffSession.page, siteLicense);
    await staffCard.waitFor();
    expect(await staffCard.getAttribute("data-role")).toBe("delegate");
    await check(staffSession.page, "07-staff-licenses");

    const delegate = card.getByTestId("delegate");
    await submitAndIndexHere(delegate);
    await expect
      .poll(() => card.getByTestId("seat-count").textContent(), { timeout: 20_000 })
      .toMatch(/1 of 2 seats/);
    expect(
      await stack.publicClient.readContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "isValid",
        args: [siteLicense, staff.address],
      }),
    ).toBe(false);
    await staffSession.page.reload();
    await staffSession.page.getByTestId("licenses-empty").waitFor();
    await check(staffSession.page, "08-staff-revoked");
    await staffSession.page.context().close();
  });

  it("shows an expired license with Renew once chain time passes expiry, and renews it", async () => {
    await rpc("evm_increaseTime", [31 * DAY]);
    await rpc("evm_mine");
    await page.goto(`${web}/licenses`);
    const card = licenseCard(page, siteLicense);
    await card.waitFor();
    expect(await card.getAttribute("data-status")).toBe("expired");
    expect(await card.getByTestId("expiry").textContent()).toMatch(/Expired on .+ ago\. Renew/);
    expect(
      await stack.publicClient.readContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "isValid",
        args: [siteLicense, clinic.address],
      }),
    ).toBe(false);
    // Downloading is refused with the way out: renew.
    const download = card.getByTestId("download");
    await download.getByRole("button", { name: "Download and verify" }).click();
    await expect.poll(() => download.getAttribute("data-state"), { timeout: 20_000 }).toBe("refused");
    expect(await download.getByTestId("download-refused").getAttribute("data-code")).toBe("LICENSE_EXPIRED");
    expect(await download.getByTestId("download-refused").textContent()).toMatch(
      /expired on .+ Renew it on My licenses/,
    );
    await check(page, "09-expired");
    const renew = card.getByTestId("renew");
    const txs = wallet.count("eth_sendTransaction");
    await submitAndIndexHere(renew);
    expect(wallet.count("eth_sendTransaction") - txs).toBe(1);
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 20_000 }).toBe("expiring");
    const renewal = await stack.db.sale.findFirstOrThrow({
      where: { chainId: stack.chainId, licenseId: siteLicense, kind: "RENEWAL" },
    });
    const purchase = await stack.db.sale.findFirstOrThrow({
      where: { chainId: stack.chainId, licenseId: siteLicense, kind: "PURCHASE" },
    });
    // One period at the recorded price: the same as the 1-period purchase of the same seats.
    expect(renewal.total.toFixed()).toBe(purchase.total.toFixed());

    // The stablecoin license (2 periods, so 29 days are left) renews with one permit signature and
    // one transaction, and no allowance is left behind.
    const tusdCard = licenseCard(page, tusdLicense);
    const asked = {
      signatures: wallet.count("eth_signTypedData_v4"),
      txs: wallet.count("eth_sendTransaction"),
    };
    await submitAndIndexHere(tusdCard.getByTestId("renew"));
    expect(wallet.count("eth_signTypedData_v4") - asked.signatures).toBe(1);
    expect(wallet.count("eth_sendTransaction") - asked.txs).toBe(1);
    const tusdPurchase = await stack.db.sale.findFirstOrThrow({
      where: { chainId: stack.chainId, licenseId: tusdLicense, kind: "PURCHASE" },
    });
    const tusdRenewal = await stack.db.sale.findFirstOrThrow({
      where: { chainId: stack.chainId, licenseId: tusdLicense, kind: "RENEWAL" },
    });
    expect(BigInt(tusdRenewal.total.toFixed()) * 2n).toBe(BigInt(tusdPurchase.total.toFixed()));
    expect(await clinicAllowance()).toBe(0n);
    await check(page, "10-renewed");
  });

  it("downloads the licensed artifact with no wallet prompt and says Verified", async () => {
    const before = { requests: wallet.requests.length, ...(await downloadCounts()) };
    const card = licenseCard(page, siteLicense);
    const download = card.getByTestId("download");
    await download.getByRole("button", { name: "Download and verify" }).click();
    await expect.poll(() => download.getAttribute("data-state"), { timeout: 20_000 }).toBe("done");
    const command = (await download.getByTestId("sha256sum").textContent()) ?? "";
    expect(command).toMatch(
      new RegExp(`^sha256sum license-${siteLicense}-v\\d+-${artifact.slice(2, 14)}\\.bin$`),
    );
    const fileName = command.replace("sha256sum ", "");
    // Streamed into the chosen file as it arrived, not offered from memory.
    expect(await download.getByTestId("download-verdict").textContent()).toBe(
      `Verified: the file's sha256 matches the hash recorded on chain. Saved as ${fileName}.`,
    );
    expect(await download.getByTestId("download-save").count()).toBe(0);
    expect(await savedFile(page, fileName)).toEqual({
      sha256: artifact,
      size: Buffer.byteLength("CXR Triage artifact v3"),
    });
    // The session is the proof of account: the wallet was not asked for anything.
    const asked = wallet.requests.slice(before.requests);
    expect(
      asked.filter((m) => ["personal_sign", "eth_signTypedData_v4", "eth_sendTransaction"].includes(m)),
    ).toEqual([]);
    const recorded = await stack.db.download.findMany({ where: { licenseId: siteLicense } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      account: clinic.address.toLowerCase(),
      sha256: artifact,
      complete: true,
    });
    expect(Number(recorded[0]?.bytes)).toBe(Buffer.byteLength("CXR Triage artifact v3"));
    expect((await downloadCounts()).grants).toBe(before.grants + 1);
    await check(page, "11-verified");
  });

  it("lets a staff wallet with a seat download, and refuses it once the seat is taken back", async () => {
    await page.goto(`${web}/licenses`);
    const card = licenseCard(page, siteLicense);
    const seats = card.getByTestId("seats");
    await seats.getByLabel(/Give a seat/).fill(staff.address);
    await submitAndIndexHere(seats);
    await expect.poll(() => card.getByTestId("delegate").count(), { timeout: 20_000 }).toBe(1);

    // The staff member's browser has no streaming save dialog (like Firefox): the page holds the
    // verified bytes and offers them through a Save link.
    const staffSession = await signedInAs(staff, "none");
    await staffSession.page.goto(`${web}/licenses`);
    const staffCard = licenseCard(staffSession.page, siteLicense);
    const download = staffCard.getByTestId("download");
    await download.getByRole("button", { name: "Download and verify" }).click();
    await expect.poll(() => download.getAttribute("data-state"), { timeout: 20_000 }).toBe("done");
    expect(await download.getByTestId("download-verdict").textContent()).toMatch(/^Verified/);
    const save = download.getByTestId("download-save");
    expect(await save.getAttribute("href")).toMatch(/^blob:/);
    expect(await save.getAttribute("download")).toMatch(/^license-\d+-v\d+-[0-9a-f]{12}\.bin$/);
    expect(staffSession.wallet.count("eth_sendTransaction")).toBe(0);
    await check(staffSession.page, "12-staff-verified");
    // A link made while the seat was valid, to try after it is taken back.
    const link = await staffSession.page.request.post(`${web}/api/downloads`, {
      data: { licenseId: siteLicense.toString(), sha256: artifact },
    });
    expect(link.status()).toBe(200);
    const { url } = (await link.json()) as { url: string };

    await submitAndIndexHere(card.getByTestId("delegate"));
    const refused = await staffSession.page.request.post(`${web}/api/downloads`, {
      data: { licenseId: siteLicense.toString(), sha256: artifact },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "SEAT_REVOKED" });
    const stale = await staffSession.page.request.get(`${web}${url}`);
    expect(stale.status()).toBe(403);
    expect(await stale.json()).toMatchObject({ code: "SEAT_REVOKED" });
    const staffDownloads = await stack.db.download.count({ where: { account: staff.address.toLowerCase() } });
    expect(staffDownloads).toBe(1);
    await staffSession.page.context().close();
  });

  it("exports the audit trail as CSV and JSON, filtered by date, to the signed-in account only", async () => {
    const csv = await page.request.get(`${web}/api/licenses/audit?format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "time,kind,licenseId,assetId,account,amount,currency,bytes,txHash,blockNumber,contentHash,termsHash",
    );
    const rows = lines.slice(1).map((l) => l.split(","));
    const ofSite = rows.filter((r) => r[2] === siteLicense.toString()).map((r) => r[1] ?? "");
    const count = (kind: string) => ofSite.filter((k) => k === kind).length;
    expect([
      count("purchase"),
      count("renewal"),
      count("seat-given"),
      count("seat-taken-back"),
      count("download"),
    ]).toEqual([1, 1, 2, 2, 2]);
    const downloads = rows.filter((r) => r[1] === "download");
    expect(new Set(downloads.map((r) => r[4]))).toEqual(
      new Set([clinic.address.toLowerCase(), staff.address.toLowerCase()]),
    );
    expect(
      downloads.every(
        (r) => r[7] === String(Buffer.byteLength("CXR Triage artifact v3")) && r[10] === artifact,
      ),
    ).toBe(true);
    expect(rows.filter((r) => r[1] === "purchase")).toHaveLength(2);
    const sales = await stack.db.sale.findMany({ where: { chainId: stack.chainId, licenseId: siteLicense } });
    for (const sale of sales) expect(rows.some((r) => r[8] === sale.txHash)).toBe(true);
    for (const row of rows.filter((r) => r[1] !== "download")) {
      expect(row[8]).toMatch(/^0x[0-9a-f]{64}$/);
      expect(row[10]).toMatch(/^0x[0-9a-f]{64}$/);
      expect(row[11]).toMatch(/^0x[0-9a-f]{64}$/);
    }

    const json = await page.request.get(`${web}/api/licenses/audit?format=json`);
    expect(((await json.json()) as { rows: unknown[] }).rows).toHaveLength(rows.length);
    // A window before any of it: nothing.
    const empty = await page.request.get(
      `${web}/api/licenses/audit?format=json&from=2000-01-01&to=2000-01-02`,
    );
    expect(((await empty.json()) as { rows: unknown[] }).rows).toEqual([]);

    const reversed = await page.request.get(`${web}/api/licenses/audit?from=2026-02-01&to=2026-01-01`);
    expect(reversed.status()).toBe(400);
    expect(((await reversed.json()) as { detail: string }).detail).toMatch(
      /start date is after the end date/,
    );
    const noSession = await fetch(`${web}/api/licenses/audit`);
    expect(noSession.status).toBe(401);
    expect(noSession.headers.get("content-type")).toMatch(/problem\+json/);
  });

  it("does not keep a download whose bytes differ from the hash on chain, and says so", async () => {
    // The stored blob is corrupted under its name (same length, other bytes), as a failing disk or a
    // tampered mirror would: the page must refuse the file, not save it.
    const hex = artifact.slice(2);
    const blob = join(stack.blobDir, "sha256", hex.slice(0, 2), hex);
    const original = await readFile(blob);
    await chmod(blob, 0o644);
    await writeFile(blob, Buffer.from("CXR Triage artifact v4"));
    try {
      await page.goto(`${web}/licenses`);
      const download = licenseCard(page, siteLicense).getByTestId("download");
      const fileName = ((await download.getByTestId("sha256sum").textContent()) ?? "").replace(
        "sha256sum ",
        "",
      );
      await removeSavedFile(page, fileName);
      await download.getByRole("button", { name: "Download and verify" }).click();
      await expect.poll(() => download.getAttribute("data-state"), { timeout: 20_000 }).toBe("done");
      expect(await download.getByTestId("download-verdict").textContent()).toMatch(
        new RegExp(`^Mismatch: the file hashes to 0x[0-9a-f]{64}, not ${artifact}, so it was not saved\\.`),
      );
      expect(await savedFile(page, fileName)).toBeNull();
      await check(page, "13-mismatch");
    } finally {
      await writeFile(blob, original);
      await chmod(blob, 0o444);
    }
  });

  it("transfers a transferable license to another account, where the offer allows it", async () => {
    const yearly = await stack.db.offer.findFirstOrThrow({
      where: { chainId: stack.chainId, assetId: cxrTriage, transferable: true },
    });
    await page.goto(`${web}/assets/${stack.chainId}/${cxrTriage}`);
    const offer = page.locator(`li[data-offer-id="${yearly.offerId}"]`);
    await offer.getByTestId("buy-open").click();
    await offer.getByTestId("tx-submit").waitFor({ timeout: 20_000 });
    await submitAndIndexHere(offer);
    const sale = await stack.db.sale.findFirstOrThrow({
      where: { chainId: stack.chainId, payer: clinic.address.toLowerCase() },
      orderBy: { blockNumber: "desc" },
    });
    await page.goto(`${web}/licenses`);
    const card = licenseCard(page, sale.licenseId);
    // Only the transferable license offers a transfer.
    expect(await licenseCard(page, siteLicense).getByTestId("transfer-form").count()).toBe(0);
    const transfer = card.getByTestId("transfer-form");
    await transfer.getByLabel("Transfer to another account").fill(clinic.address);
    expect(await transfer.getByTestId("tx-disabled-reason").textContent()).toMatch(/your own account/);
    await transfer.getByLabel("Transfer to another account").fill(stranger.address);
    await submitAndIndexHere(transfer);
    expect(
      await stack.publicClient.readContract({
        address: stack.contracts.LicenseManager,
        abi: licenseManagerAbi,
        functionName: "ownerOf",
        args: [sale.licenseId],
      }),
    ).toBe(stranger.address);
    await page.reload();
    await licenseCard(page, siteLicense).waitFor();
    expect(await licenseCard(page, sale.licenseId).count()).toBe(0);
  });

  it("serves the evidence of the demo's open challenge, so its link on the asset page opens it", async () => {
    const open = await stack.db.challenge.findFirstOrThrow({
      where: { chainId: stack.chainId, status: "OPEN" },
    });
    const challenged = DEMO_CATALOG.find((a) => a.challenge !== undefined);
    const response = await fetch(`${web}/api/evidence/${open.evidenceHash}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(challenged?.challenge);
  });

  it("keeps the asset page's first-load JS within 250 KB gzipped", async () => {
    const kb = await firstLoadJsKb(`${web}/assets/${stack.chainId}/${cxrTriage}`);
    console.log(`asset page first-load JS: ${kb.toFixed(1)} KB gzipped`);
    expect(kb).toBeLessThanOrEqual(250);
    const licensesKb = await firstLoadJsKb(`${web}/licenses`);
    console.log(`/licenses first-load JS: ${licensesKb.toFixed(1)} KB gzipped`);
    expect(licensesKb).toBeLessThanOrEqual(250);
  });
});

describe("download API refusals: each a clear problem+json 4xx, nothing written but the refusal log", () => {
  let holder: string;
  let other: string;
  const good = () => ({ licenseId: siteLicense.toString(), sha256: artifact });

  beforeAll(async () => {
    holder = await apiSession(clinic);
    other = await apiSession(nobody);
  });

  /** Runs `refuse`, expecting `status`/`code` and that only DownloadRefusal grew (by `logged`). */
  async function refused(
    refuse: () => Promise<{ status: number; type: string | null; json: Record<string, string> }>,
    status: number,
    code: string,
    logged = 1,
  ) {
    const before = { ...(await downloadCounts()), refusals: await stack.db.downloadRefusal.count() };
    const answer = await refuse();
    expect(answer.status).toBe(status);
    expect(answer.type).toMatch(/application\/problem\+json/);
    expect(answer.json.code).toBe(code);
    expect(answer.json.detail).toMatch(/\.$/);
    expect({ ...(await downloadCounts()), refusals: await stack.db.downloadRefusal.count() }).toEqual({
      ...before,
      refusals: before.refusals + logged,
    });
    return answer.json.detail ?? "";
  }

  async function get(url: string, cookie: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${web}${url}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
    const type = response.headers.get("content-type");
    const json = (type?.includes("json") ? await response.json() : {}) as Record<string, string>;
    return { status: response.status, type, json, headers: response.headers };
  }

  async function freshLink(): Promise<string> {
    const { status, json } = await askLink(holder, good());
    expect(status).toBe(200);
    return json.url ?? "";
  }

  it("refuses a request without a session, or with an expired one", async () => {
    await refused(() => askLink("", good()), 401, "UNAUTHENTICATED");
    const expired = await apiSession(clinic);
    const token = expired.split("=")[1] ?? "";
    const { createHash } = await import("node:crypto");
    await stack.db.authSession.update({
      where: { tokenHash: createHash("sha256").update(token).digest("hex") },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await refused(() => askLink(expired, good()), 401, "UNAUTHENTICATED");
  });

  it("refuses a forged license id, a wallet without a license (pointing to the offers), and another file", async () => {
    await refused(() => askLink(holder, { ...good(), licenseId: "999999" }), 404, "LICENSE_NOT_FOUND");
    const detail = await refused(() => askLink(other, good()), 403, "NO_LICENSE");
    expect(detail).toContain(`/assets/${stack.chainId}/${cxrTriage}#offers`);
    await refused(() => askLink(holder, { ...good(), sha256: `0x${"ab".repeat(32)}` }), 403, "NOT_COVERED");
  });

  it("refuses malformed, oversized and path-traversing input before anything runs", async () => {
    await refused(
      () => askLink(holder, { ...good(), sha256: "../../../etc/passwd" }),
      422,
      "INVALID_BODY",
      0,
    );
    await refused(() => askLink(holder, { ...good(), licenseId: "1; DROP TABLE" }), 422, "INVALID_BODY", 0);
    await refused(() => askLink(holder, { ...good(), extra: "x" }), 422, "INVALID_BODY", 0);
    await refused(() => askLink(holder, "{not json"), 400, "MALFORMED_JSON", 0);
    await refused(() => askLink(holder, { ...good(), pad: "x".repeat(4096) }), 413, "PAYLOAD_TOO_LARGE", 0);
    await refused(() => get("/api/downloads/..%2F..%2Fetc%2Fpasswd", holder), 403, "LINK_FORGED");
  });

  it("serves a link to its account only, with byte ranges, once; then refuses the replay", async () => {
    const url = await freshLink();
    await refused(() => get(url, other), 403, "WRONG_ACCOUNT");
    await refused(() => get(url, ""), 401, "UNAUTHENTICATED");
    const tampered = url.slice(0, -3) + (url.endsWith("A") ? "BBB" : "AAA");
    await refused(() => get(tampered, holder), 403, "LINK_FORGED");
    const size = Buffer.byteLength("CXR Triage artifact v3");
    const outOfBounds = await get(url, holder, { range: `bytes=${size}-` });
    expect(outOfBounds.status).toBe(416);
    expect(outOfBounds.headers.get("content-range")).toBe(`bytes */${size}`);
    expect(outOfBounds.json.detail).toMatch(/not within this file/);

    // A broken download resumes: the first 10 bytes, then the rest.
    const head = await fetch(`${web}${url}`, { headers: { cookie: holder, range: "bytes=0-9" } });
    expect(head.status).toBe(206);
    expect(head.headers.get("content-range")).toBe(`bytes 0-9/${size}`);
    const first = Buffer.from(await head.arrayBuffer());
    const tail = await fetch(`${web}${url}`, { headers: { cookie: holder, range: "bytes=10-" } });
    expect(tail.status).toBe(206);
    const whole = Buffer.concat([first, Buffer.from(await tail.arrayBuffer())]);
    expect(whole.toString()).toBe("CXR Triage artifact v3");
    const { createHash } = await import("node:crypto");
    expect(`0x${createHash("sha256").update(whole).digest("hex")}`).toBe(artifact);

    await refused(() => get(url, holder), 410, "LINK_SPENT");
  });

  it("refuses an expired link", async () => {
    const id = "expiredLinkTest0000000"; // 22 characters, like a real id
    const expiresAt = Date.now() - 60_000;
    await stack.db.downloadGrant.create({
      data: {
        id,
        chainId: stack.chainId,
        licenseId: siteLicense,
        account: clinic.address.toLowerCase(),
        sha256: artifact,
        size: 22n,
        expiresAt: new Date(expiresAt),
      },
    });
    const mac = createHmac("sha256", DOWNLOAD_SECRET)
      .update([id, expiresAt, siteLicense.toString(), artifact, clinic.address.toLowerCase()].join("\n"))
      .digest("base64url");
    await refused(() => get(`/api/downloads/${id}.${expiresAt}.${mac}`, holder), 410, "LINK_EXPIRED");
  });
});
