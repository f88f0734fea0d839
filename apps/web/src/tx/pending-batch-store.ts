import { z } from "zod";
import { BATCH_PREFIX, pendingEntries } from "./pending-store";

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

const batches = pendingEntries(pendingBatchSchema, BATCH_PREFIX);
export const loadPendingBatch = batches.load;
export const savePendingBatch = batches.save;
export const clearPendingBatch = batches.clear;
