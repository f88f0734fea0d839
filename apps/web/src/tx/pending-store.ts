// Pending transactions outlive the page: a reload (or a closed tab) resumes following them instead of
// offering to pay again. Kept in localStorage under the flow's key, per chain and account.
import { z } from "zod";

const pendingSchema = z.object({
  hash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  chainId: z.number().int(),
  account: z.string(),
  /** The sender's nonce: tells, after a reload, whether a vanished transaction was replaced. */
  nonce: z.number().int().nonnegative().optional(),
  label: z.string(),
  since: z.number(),
});

export type PendingTx = z.infer<typeof pendingSchema>;

const storageKey = (key: string) => `tessera:tx:${key}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policies): following still works until a reload
  }
}

export function loadPending(key: string): PendingTx | null {
  const raw = storage()?.getItem(storageKey(key));
  if (!raw) return null;
  try {
    const parsed = pendingSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function savePending(key: string, pending: PendingTx): void {
  storage()?.setItem(storageKey(key), JSON.stringify(pending));
}

export function clearPending(key: string): void {
  storage()?.removeItem(storageKey(key));
}

// A batch sent with EIP-5792 `wallet_sendCalls` is known by the id the wallet gave it (not a
// transaction hash): after a reload the flow asks the wallet for its status with that id.
const pendingBatchSchema = z.object({
  batchId: z.string().min(1).max(200),
  chainId: z.number().int(),
  account: z.string(),
  label: z.string(),
  since: z.number(),
  /** What the plan needs to explain a revert later (e.g. the asset number it predicted). */
  meta: z.record(z.string(), z.string()).default({}),
});

export type PendingBatch = z.infer<typeof pendingBatchSchema>;

const batchStorageKey = (key: string) => `tessera:batch:${key}`;

export function loadPendingBatch(key: string): PendingBatch | null {
  const raw = storage()?.getItem(batchStorageKey(key));
  if (!raw) return null;
  try {
    const parsed = pendingBatchSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function savePendingBatch(key: string, pending: PendingBatch): void {
  storage()?.setItem(batchStorageKey(key), JSON.stringify(pending));
}

export function clearPendingBatch(key: string): void {
  storage()?.removeItem(batchStorageKey(key));
}
