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

/** Presses the write in `scope` and follows it: confirmed, `index()` (the indexer's run), indexed. */
export async function submitAndIndex(scope: Locator, index: () => Promise<unknown>): Promise<void> {
  await scope.getByTestId("tx-submit").first().click();
  await reachState(scope, "confirmed");
  await index();
  await reachState(scope, "indexed");
}
