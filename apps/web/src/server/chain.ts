import "server-only";
import { type Address, createPublicClient, http, type PublicClient } from "viem";
import { resolveChain } from "@/wallet/chains";
import { serverEnv } from "./env";

const globalForChain = globalThis as typeof globalThis & { __tesseraChain?: PublicClient };

/** The server's read client for the configured chain (one per process). */
export function chainClient(): PublicClient {
  if (!globalForChain.__tesseraChain) {
    const env = serverEnv();
    globalForChain.__tesseraChain = createPublicClient({
      chain: resolveChain(env.TESSERA_CHAIN_ID, env.TESSERA_RPC_URL),
      transport: http(env.TESSERA_RPC_URL, { timeout: 10_000, retryCount: 1 }),
    });
  }
  return globalForChain.__tesseraChain;
}

export type { Address };
