// The indexer's configuration, from the environment (CLI) or given directly (tests, dev script).
import { getAddress, isAddress } from "viem";
import { z } from "zod";

const address = z
  .string()
  .refine((value) => isAddress(value), "not an EVM address")
  .transform((value) => getAddress(value));

export const indexerConfigSchema = z.object({
  rpcUrl: z.url(),
  chainId: z.coerce.number().int().positive(),
  databaseUrl: z.string().min(1),
  /** Contract addresses, as Ignition recorded them. */
  contracts: z.object({
    AssetRegistry: address,
    RoyaltyShares: address,
    LicenseManager: address,
    StakingPool: address,
  }),
  /** First block that can hold Tessera events (the deployment block; 0 on a fresh local chain). */
  startBlock: z.coerce.bigint().nonnegative().default(0n),
  /** Blocks behind the head the indexer stays; 0 on a local chain that never reorganises. */
  confirmations: z.coerce.number().int().nonnegative().default(0),
  /** Blocks in the first eth_getLogs request. Small, because the span adapts: it doubles after quick,
   *  small answers and halves on "too large" or oversized ones, and on a dense chain a wide first
   *  answer would be one huge batch with nothing to overlap it with. */
  initialBlockRange: z.coerce.number().int().positive().default(10),
  /** Most blocks per eth_getLogs request. */
  maxBlockRange: z.coerce.number().int().positive().default(100_000),
  /** Blocks behind the head that may still be reorganised: changes there are journaled for rollback. */
  reorgWindow: z.coerce.number().int().positive().default(128),
  /** How often to ask for a new head while following, in ms. */
  pollIntervalMs: z.coerce.number().int().positive().default(500),
  /** Reads of a range whose blocks do not link up before the indexer reports the chain as stalled. */
  continuityRetries: z.coerce.number().int().positive().default(5),
  /** Backoff after a retryable failure of a whole pass (database or node away), in ms: doubles per
   *  consecutive failure from the base up to the cap. */
  retryBaseDelayMs: z.coerce.number().int().positive().default(500),
  retryMaxDelayMs: z.coerce.number().int().positive().default(30_000),
});

export type IndexerConfig = z.infer<typeof indexerConfigSchema>;
export type IndexerConfigInput = z.input<typeof indexerConfigSchema>;

export class IndexerConfigError extends Error {
  override name = "IndexerConfigError";
}

export function parseIndexerConfig(input: unknown): IndexerConfig {
  const parsed = indexerConfigSchema.safeParse(input);
  if (!parsed.success)
    throw new IndexerConfigError(`invalid indexer configuration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
