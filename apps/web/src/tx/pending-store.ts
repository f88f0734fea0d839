// Pending transactions outlive the page: a reload (or a closed tab) resumes following them instead of
// offering to pay again. Kept in localStorage under the flow's key, per chain and account.
// zod/mini: every page with a write loads this first (see lib/api/problem.ts).
import { z } from "zod/mini";

const pendingSchema = z.object({
  hash: z.string().check(z.regex(/^0x[0-9a-fA-F]{64}$/)),
  chainId: z.int(),
  account: z.string(),
  /** The sender's nonce: tells, after a reload, whether a vanished transaction was replaced. */
  nonce: z.optional(z.int().check(z.nonnegative())),
  label: z.string(),
  since: z.number(),
});

export type PendingTx = z.infer<typeof pendingSchema>;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (private mode, policies): following still works until a reload
  }
}

/** Load, save and clear for one kind of pending entry, kept under `prefix` + the flow's key. */
export function pendingEntries<T>(schema: z.core.$ZodType<T>, prefix: string) {
  return {
    load(key: string): T | null {
      const raw = storage()?.getItem(prefix + key);
      if (!raw) return null;
      try {
        const parsed = z.safeParse(schema, JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(key: string, pending: T): void {
      storage()?.setItem(prefix + key, JSON.stringify(pending));
    },
    clear(key: string): void {
      storage()?.removeItem(prefix + key);
    },
  };
}

const transactions = pendingEntries(pendingSchema, "tessera:tx:");
export const loadPending = transactions.load;
export const savePending = transactions.save;
export const clearPending = transactions.clear;

/** Where pending-batch-store.ts keeps a batch's id; a presence check needs no parsing. */
export const BATCH_PREFIX = "tessera:batch:";

/** Whether a batch was sent under `key` and not yet followed to the end (cheap: no schema). */
export function hasPendingBatch(key: string): boolean {
  return Boolean(storage()?.getItem(BATCH_PREFIX + key));
}
