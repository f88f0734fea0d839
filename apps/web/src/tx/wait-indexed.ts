import { checkpointResponseSchema } from "@/lib/api/indexer";
import { fetchJson } from "@/lib/api/problem";

/**
 * Resolves once Tessera's indexer has recorded `blockNumber` (its checkpoint covers it), so pages
 * re-rendered after this show the transaction's effects. Polls the checkpoint; stops on `signal`.
 */
export async function waitUntilIndexed(
  blockNumber: bigint,
  { signal, onSlow }: { signal: AbortSignal; onSlow?: () => void },
): Promise<void> {
  const started = Date.now();
  let slowReported = false;
  for (let attempt = 0; ; attempt++) {
    signal.throwIfAborted();
    try {
      const { blockNumber: checkpoint } = await fetchJson(
        "/api/indexer/checkpoint",
        { signal, cache: "no-store" },
        checkpointResponseSchema,
      );
      if (checkpoint !== null && BigInt(checkpoint) >= blockNumber) return;
    } catch (error) {
      if (signal.aborted) throw error;
      // A failed poll is not a failed transaction: it is on chain; keep asking.
    }
    if (!slowReported && Date.now() - started > 20_000) {
      slowReported = true;
      onSlow?.();
    }
    await sleep(Math.min(250 * 2 ** attempt, 2_000), signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
