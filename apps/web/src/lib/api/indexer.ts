// zod/mini: the transaction flow reads this on every page with a write (see lib/api/problem.ts).
import { z } from "zod/mini";

/** How far the indexer has recorded the chain: pages show data up to this block. */
export const checkpointResponseSchema = z.object({
  chainId: z.int(),
  /** Decimal string (bigint on the wire); null before the first indexed block. */
  blockNumber: z.nullable(z.string().check(z.regex(/^\d+$/))),
});
export type CheckpointResponse = z.infer<typeof checkpointResponseSchema>;
