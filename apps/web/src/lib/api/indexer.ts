import { z } from "zod";

/** How far the indexer has recorded the chain: pages show data up to this block. */
export const checkpointResponseSchema = z.object({
  chainId: z.number().int(),
  /** Decimal string (bigint on the wire); null before the first indexed block. */
  blockNumber: z.string().regex(/^\d+$/).nullable(),
});
export type CheckpointResponse = z.infer<typeof checkpointResponseSchema>;
