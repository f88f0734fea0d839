import { z } from "zod";

// Settings the browser needs. Next.js inlines NEXT_PUBLIC_* into client bundles at build time, so
// each must be read by its literal name below, and changing one means rebuilding.

const unsetIfEmpty = (value: unknown) => (value === "" ? undefined : value);

export const publicEnvSchema = z
  .object({
    NEXT_PUBLIC_RPC_URL: z.preprocess(
      unsetIfEmpty,
      z
        .url({ protocol: /^https?$/, message: "must be an http(s) JSON-RPC URL" })
        .default("http://127.0.0.1:8545"),
    ),
    NEXT_PUBLIC_CHAIN_ID: z.preprocess(unsetIfEmpty, z.coerce.number().int().positive().default(31337)),
  })
  .transform((env) => ({ rpcUrl: env.NEXT_PUBLIC_RPC_URL, chainId: env.NEXT_PUBLIC_CHAIN_ID }));

export type PublicEnv = z.infer<typeof publicEnvSchema>;

export function parsePublicEnv(source: Record<string, string | undefined>): PublicEnv {
  const result = publicEnvSchema.safeParse(source);
  if (!result.success) throw new Error(`Invalid public environment:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export const publicEnv: PublicEnv = parsePublicEnv({
  NEXT_PUBLIC_RPC_URL: process.env.NEXT_PUBLIC_RPC_URL,
  NEXT_PUBLIC_CHAIN_ID: process.env.NEXT_PUBLIC_CHAIN_ID,
});
