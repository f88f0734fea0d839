// A builder uploads a 50 MB artifact on /uploads ("My uploads") in Chromium with the injected wallet:
// signs in, watches the progress, reloads the page halfway through, chooses the same file again and
// the upload continues from where the server stopped; it ends with the file's sha256, which the list
// shows too. The network is throttled with Chromium's own emulation (not a stub), so "halfway" is a
// state the test waits for rather than a moment it guesses.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { seriousAxeViolations } from "../support/axe.ts";
import { launchBrowser } from "../support/browser.ts";
import { fitsViewportWidth, outputDir, screenshotAtWidths } from "../support/screenshots.ts";
import { type Stack, startStack } from "../support/stack.ts";
import { injectWallet } from "../support/wallet.ts";

const SIZE = 50 * 1000 * 1000;

let stack: Stack;
let web: string;
let browser: BrowserContext | undefined;

beforeAll(async () => {
  stack = await startStack();
  web = await stack.startWeb();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const progress = async (page: Page) =>
  Number(await page.getByTestId("upload-progress").getAttribute("aria-valuenow"));

/** Chromium's network emulation: uploads at `bytesPerSecond` (0 lifts the limit). */
async function throttleUploads(cdp: CDPSession, bytesPerSecond: number) {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond > 0 ? bytesPerSecond : -1,
  });
}

describe("My uploads", () => {
  it("uploads 50 MB with progress, survives a reload halfway and shows the sha256 to record on chain", async () => {
    const builder = devAccount(DEV_ACCOUNT.builder);
    const bytes = randomBytes(SIZE);
    const sha256 = `0x${createHash("sha256").update(bytes).digest("hex")}`;
    const dir = join(outputDir, "files");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, "retina-screening-v1.safetensors");
    writeFileSync(file, bytes);

    browser = await launchBrowser();
    const wallet = await injectWallet(browser, { rpcUrl: stack.rpcUrl, account: builder });
    const page = await browser.newPage();
    await page.goto(`${web}/uploads`);
    await page.getByTestId("uploads-sign-in").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotAtWidths(page, "uploads-signed-out");

    await page.getByTestId("connect-wallet").click();
    await page.getByTestId("upload-file-input").waitFor({ timeout: 20_000 });
    await page.getByTestId("uploads-usage").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsViewportWidth(page)).toBe(true);
    await screenshotAtWidths(page, "uploads-empty");

    // Start at 8 MB/s: the bar moves, and the page reloads once a third has gone out.
    const cdp = await browser.newCDPSession(page);
    await throttleUploads(cdp, 8_000_000);
    await page.getByTestId("upload-file-input").setInputFiles(file);
    await expect.poll(() => progress(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(35);
    const before = await progress(page);
    expect(before).toBeLessThan(100);
    await expect
      .poll(() => page.getByTestId("upload-status").textContent())
      .toMatch(/MB\/s · about \d+ s left/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshotAtWidths(page, "uploads-in-progress");
    await page.reload();

    // The server kept what arrived before the reload.
    const row = await stack.db.upload.findFirstOrThrow({ where: { account: builder.address.toLowerCase() } });
    expect(row).toMatchObject({
      status: "RECEIVING",
      fileName: "retina-screening-v1.safetensors",
      size: BigInt(SIZE),
    });
    const head = await fetch(`${web}/api/uploads/tus/${row.id}`, {
      method: "HEAD",
      headers: { "tus-resumable": "1.0.0", cookie: await sessionCookie() },
    });
    const kept = Number(head.headers.get("upload-offset"));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(SIZE);

    // After the reload the page says how to continue; choosing the file again resumes from `kept`.
    await page.getByTestId("upload-interrupted").waitFor();
    expect(await page.getByTestId("upload-interrupted").textContent()).toMatch(
      /retina-screening-v1\.safetensors.*interrupted/,
    );
    await screenshotAtWidths(page, "uploads-interrupted");
    const patchOffsets: number[] = [];
    page.on("request", (request) => {
      if (request.method() === "PATCH") patchOffsets.push(Number(request.headers()["upload-offset"]));
    });
    const cdpAfterReload = await browser.newCDPSession(page);
    await throttleUploads(cdpAfterReload, 0);
    await page.getByTestId("upload-file-input").setInputFiles(file);
    await expect
      .poll(() => page.getByTestId("upload-sha256").textContent(), { timeout: 60_000 })
      .toBe(sha256);
    expect(patchOffsets[0]).toBeGreaterThan(0);
    expect(patchOffsets[0]).toBeLessThanOrEqual(kept);

    // One upload, stored under its sha256, listed with it; one signature (sign-in), no transaction.
    const rows = await stack.db.upload.findMany();
    expect(rows.map((r) => [r.id, r.status, r.sha256])).toEqual([[row.id, "COMPLETE", sha256]]);
    await expect.poll(() => page.getByTestId("upload-row").first().textContent()).toContain(sha256);
    expect(await page.getByTestId("upload-interrupted").count()).toBe(0);
    expect(wallet.count("personal_sign")).toBe(1);
    expect(wallet.count("eth_sendTransaction")).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsViewportWidth(page)).toBe(true);
    await screenshotAtWidths(page, "uploads-stored");

    // An upload abandoned by a reload can be cancelled from the list: its row, bytes and notice go.
    const small = join(dir, "draft-weights.bin");
    writeFileSync(small, randomBytes(5_000_000));
    const cdpForCancel = await browser.newCDPSession(page);
    await throttleUploads(cdpForCancel, 1_000_000);
    await page.getByTestId("upload-file-input").setInputFiles(small);
    await expect.poll(() => progress(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(20);
    await page.reload();
    await page.getByTestId("upload-row-cancel").waitFor();
    await page.getByTestId("upload-interrupted").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId("upload-row-cancel").click();
    await expect.poll(() => page.getByTestId("upload-row").count()).toBe(1);
    await expect.poll(() => page.getByTestId("upload-interrupted").count()).toBe(0);
    expect(await stack.db.upload.count({ where: { status: "RECEIVING" } })).toBe(0);
    expect(wallet.count("eth_sendTransaction")).toBe(0);
  });
});

async function sessionCookie(): Promise<string> {
  const cookie = (await browser?.cookies())?.find((c) => c.name === "tessera_session");
  return `tessera_session=${cookie?.value ?? ""}`;
}
