// Following the app's transaction flow from a browser test: the status panel's data-state inside a
// control (the page may hold several), and the indexer run a daemon would do once a block is confirmed.
import type { Locator } from "playwright-core";
import { expect } from "vitest";

/** Waits for the flow inside `scope` to reach `target`; a failure on the way fails with its sentence. */
export async function reachState(scope: Locator, target: string, timeout = 30_000): Promise<void> {
  const status = scope.getByTestId("tx-status").first();
  await expect
    .poll(
      async () => {
        const now = await status.getAttribute("data-state");
        if (now === "failed" && target !== "failed") {
          throw new Error(`the flow failed: ${await scope.getByTestId("tx-error").first().textContent()}`);
        }
        return now;
      },
      { timeout },
    )
    .toBe(target);
}

/**
 * Presses the write in `scope` and follows it to "indexed", running `index()` (the indexer, as its
 * daemon would) whenever the page reports the block confirmed and is still waiting for it.
 */
export async function submitAndIndex(scope: Locator, index: () => Promise<unknown>): Promise<void> {
  // The control that was pressed, marked in the page: when the page re-renders after indexing, other
  // controls may appear before it in `scope` (a new staff seat's Revoke), and "the first status in
  // scope" would then follow the wrong one.
  const submit = scope.getByTestId("tx-submit").first();
  const marker = `followed-${++followed}`;
  await submit.evaluate((button, id) => button.parentElement?.setAttribute("data-followed", id), marker);
  const control = scope.page().locator(`[data-followed="${marker}"]`);
  await submit.click();
  await reachState(control, "confirmed");
  const status = control.getByTestId("tx-status");
  await expect
    .poll(
      async () => {
        // The page re-renders only once the block is indexed (router.refresh follows "indexed"), and
        // a control whose subject is gone (a withdrawn entry) leaves with it: gone means indexed.
        if ((await status.count()) === 0) return "indexed";
        const now = await status.getAttribute("data-state", { timeout: 1_000 }).catch(() => null);
        if (now === "failed") {
          throw new Error(`the flow failed: ${await control.getByTestId("tx-error").first().textContent()}`);
        }
        if (now === "confirmed") await index();
        return now;
      },
      { timeout: 60_000 },
    )
    .toBe("indexed");
}

let followed = 0;
