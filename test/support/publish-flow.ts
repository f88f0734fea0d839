// The publish wizard's steps as a builder walks them, shared by the checklist test
// (test/e2e/publish.test.ts) and the batched one (publish-batched.test.ts).
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { seriousAxeViolations } from "./axe.ts";
import { fitsViewportWidth, screenshotAtWidths } from "./screenshots.ts";

/** A clinical model card with every field the checker asks for; `name` becomes its title. */
export function wristCard(name = "Wrist Fracture Finder"): string {
  return `---
model_name: ${name}
pipeline_tag: image-classification
clinical_use: true
regulatory_status: CE marked (class IIa)
intended_use: Flags likely wrist fractures on radiographs so they are read first.
population: Adults seen in emergency departments.
evaluation: Sensitivity 0.93, specificity 0.88 on 2,000 studies from three hospitals.
limitations: Not validated on children or on casts.
---

# ${name}

Flags likely **wrist fractures** on radiographs so a radiologist reads them first.
`;
}

/** The page as a person meets it: no serious axe finding, nothing wider than a phone, and pictures. */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await seriousAxeViolations(page), `axe on ${name}`).toEqual([]);
  await page.setViewportSize({ width: 375, height: 900 });
  expect(await fitsViewportWidth(page), `${name} fits 375 px`).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshotAtWidths(page, name);
}

export const nextStep = (page: Page) => page.getByTestId("wizard-next").click();

/** Connects the injected wallet from the header and signs in (one signature). */
export async function connectAndSignIn(page: Page): Promise<void> {
  await page.getByTestId("connect-wallet").click();
  await expect
    .poll(() => page.getByTestId("wallet-address").getAttribute("data-signed-in"), { timeout: 20_000 })
    .toBe("true");
}

/** Writes `card` and waits until the preview shows its title and the wizard lets the builder on. */
export async function writeCard(page: Page, card: string, title: string): Promise<void> {
  await page.getByTestId("card-editor").fill(card);
  await expect
    .poll(() => page.getByTestId("card-preview").getByRole("heading", { level: 2 }).textContent())
    .toBe(title);
  await expect.poll(() => page.getByTestId("wizard-next").isEnabled()).toBe(true);
}

/**
 * Step 5: an ETH offer for clinical use at 0.05 ETH a year, and a tUSD research-only offer at 250 a
 * month that licensees may transfer.
 */
export async function makeEthAndStablecoinOffers(page: Page): Promise<void> {
  const first = page.getByTestId("offer-0");
  await first.getByLabel("Price per seat per period").fill("0.05");
  await first.getByRole("button", { name: "Use the card's intended use" }).click();
  await page.getByRole("button", { name: "Add another offer" }).click();
  const second = page.getByTestId("offer-1");
  expect(await second.getByLabel("Currency").inputValue()).toBe("tUSD");
  await second.getByLabel("Price per seat per period").fill("250");
  await second.getByLabel("Period", { exact: true }).selectOption("30d");
  await second.getByLabel("Intended use").fill("Research on wrist fracture detection; not for patient care.");
  await second.getByLabel("Research only").check();
  await second.getByLabel("Clinical use", { exact: true }).uncheck();
  await second.getByLabel("Transferable", { exact: false }).check();
}

/** The offers those two make, as the indexer records them: [currency, price, transferable]. */
export const ETH_AND_STABLECOIN_OFFERS = [
  ["ETH", "50000000000000000", false],
  ["tUSD", "250000000", true],
] as const;

/**
 * The transaction flow's state inside `scope`, or null when it shows none. A finished step's panel
 * leaves the page (the asset page opens): a missing panel answers null at once instead of waiting
 * out Playwright's 30 s for an element that is gone.
 */
export async function flowState(scope: Locator): Promise<string | null> {
  const status = scope.getByTestId("tx-status");
  if ((await status.count()) === 0) return null;
  return status.getAttribute("data-state", { timeout: 1_000 }).catch(() => null);
}
