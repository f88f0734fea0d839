// zod/mini: the wallet configuration reads this on every page (see lib/api/problem.ts).
import { z } from "zod/mini";

// Settings the browser needs. Next.js inlines NEXT_PUBLIC_* into client bundles at build time, so
// each must be read by its literal name below, and changing one means rebuilding.

/** An empty variable counts as unset, so the default applies. */
const setting = <T extends z.core.$ZodType>(schema: T) =>
  z.pipe(
    z.transform((value: unknown) => (value === "" ? undefined : value)),
    schema,
  );

export const publicEnvSchema = z.pipe(
  z.object({
    NEXT_PUBLIC_RPC_URL: setting(
      z._default(
        z.url({ protocol: /^https?$/, error: "must be an http(s) JSON-RPC URL" }),
        "http://127.0.0.1:8545",
      ),
    ),
    NEXT_PUBLIC_CHAIN_ID: setting(z._default(z.pipe(z.coerce.number(), z.int().check(z.positive())), 31337)),
  }),
  z.transform((env) => ({ rpcUrl: env.NEXT_PUBLIC_RPC_URL, chainId: env.NEXT_PUBLIC_CHAIN_ID })),
);

export type PublicEnv = z.output<typeof publicEnvSchema>;

export function parsePublicEnv(source: Record<string, string | undefined>): PublicEnv {
  const result = publicEnvSchema.safeParse(source);
  if (!result.success) throw new Error(`Invalid public environment:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export const publicEnv: PublicEnv = parsePublicEnv({
  NEXT_PUBLIC_RPC_URL: process.env.NEXT_PUBLIC_RPC_URL,
  NEXT_PUBLIC_CHAIN_ID: process.env.NEXT_PUBLIC_CHAIN_ID,
});
