import { createConfig, http, injected } from "wagmi";
import { publicEnv } from "@/lib/public-env";
import { resolveChain } from "./chains";

/**
 * wagmi's config: one chain, browser-injected wallets (EIP-1193, and EIP-6963 discovery). Reads go
 * to Tessera's own /api/rpc, which forwards them to the node: the node's URL (and any provider key)
 * stays on the server, and one build serves any deployment. The chain's public RPC URL is what a
 * wallet is told when it adds the network.
 */
export function createWagmiConfig() {
  const chain = resolveChain(publicEnv.chainId, publicEnv.rpcUrl);
  const readUrl =
    typeof window === "undefined" ? publicEnv.rpcUrl : new URL("/api/rpc", window.location.origin).href;
  return createConfig({
    chains: [chain],
    connectors: [injected()],
    transports: { [chain.id]: http(readUrl, { batch: { batchSize: 20, wait: 16 } }) },
    // Server-rendered pages start disconnected; the wallet reconnects after hydration.
    ssr: true,
    // How often receipts and blocks are polled: a local chain mines at once, so a second is plenty
    // to feel immediate; public chains keep viem's default (4 s) to spare their RPC providers.
    ...(chain.id === 31337 ? { pollingInterval: 1_000 } : {}),
  });
}

declare module "wagmi" {
  interface Register {
    config: ReturnType<typeof createWagmiConfig>;
  }
}
