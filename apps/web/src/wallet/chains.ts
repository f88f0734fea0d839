import type { Chain } from "viem";
import { hardhat } from "viem/chains";

// The chains the web app can talk to, by id. Only the local Hardhat node for now; a testnet or
// mainnet deployment adds its viem chain here.
const SUPPORTED_CHAINS: Readonly<Record<number, Chain>> = { [hardhat.id]: hardhat };

/** The chain with `chainId`, reached through `rpcUrl` (the chain's default RPC is replaced). */
export function resolveChain(chainId: number, rpcUrl: string): Chain {
  const chain = SUPPORTED_CHAINS[chainId];
  if (!chain) {
    const known = Object.keys(SUPPORTED_CHAINS).join(", ");
    throw new Error(`NEXT_PUBLIC_CHAIN_ID ${chainId} is not a supported chain (supported: ${known})`);
  }
  return { ...chain, rpcUrls: { default: { http: [rpcUrl] } } };
}
