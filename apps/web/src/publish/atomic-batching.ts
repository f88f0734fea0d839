import type { Address } from "viem";
import type { Config } from "wagmi";

// Whether the connected wallet will run a batch of calls atomically (EIP-5792's `atomic`
// capability), asked with `wallet_getCapabilities` when the review step opens. Anything short of a
// clear yes (no answer, an error, "unsupported", a chain it did not list) means the checklist: one
// transaction after another, as for any wallet.

export type AtomicStatus = "supported" | "ready";

/** A wallet that never answers is a wallet without batching: the review step waits this long. */
const DETECT_TIMEOUT_MS = 10_000;

/**
 * The atomic status the wallet reported for `chainId`, from viem's capabilities keyed by chain id.
 * EIP-5792 lets a wallet answer for every chain at once under chain 0 (`"0x0"`); the per-chain entry
 * wins. An early draft's `atomicBatch: { supported: true }` still counts as supported.
 */
export function atomicStatusOf(capabilities: unknown, chainId: number): AtomicStatus | null {
  if (!isRecord(capabilities)) return null;
  for (const entry of [capabilities[chainId], capabilities[0]]) {
    if (!isRecord(entry)) continue;
    const atomic = entry.atomic;
    if (isRecord(atomic)) {
      const status = atomic.status;
      return status === "supported" || status === "ready" ? status : null;
    }
    const legacy = entry.atomicBatch;
    if (isRecord(legacy) && legacy.supported === true) return "supported";
  }
  return null;
}

/** Asks the wallet; null (the checklist) when it cannot batch atomically or does not say. */
export async function detectAtomicBatching(
  config: Config,
  account: Address,
  chainId: number,
): Promise<AtomicStatus | null> {
  const { getCapabilities } = await import("wagmi/actions");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), DETECT_TIMEOUT_MS);
  });
  try {
    const capabilities = await Promise.race([getCapabilities(config, { account }), timeout]);
    return atomicStatusOf(capabilities, chainId);
  } catch {
    // Wallets without EIP-5792 answer "method not found" (or something less tidy): no batching.
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
