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
