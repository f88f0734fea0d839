import { createConfig, http, injected } from "wagmi";
import { publicEnv } from "@/lib/public-env";
import { resolveChain } from "./chains";

/** wagmi's config: one chain, browser-injected wallets (EIP-1193, and EIP-6963 discovery). */
export function createWagmiConfig() {
  const chain = resolveChain(publicEnv.chainId, publicEnv.rpcUrl);
  return createConfig({
    chains: [chain],
    connectors: [injected()],
    transports: { [chain.id]: http(publicEnv.rpcUrl) },
    // Server-rendered pages start disconnected; the wallet reconnects after hydration.
    ssr: true,
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof createWagmiConfig>;
  }
}
