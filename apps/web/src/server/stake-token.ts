import "server-only";
import { testTokenAbi } from "@tessera/abi";
import type { Address } from "viem";
import { chainClient } from "./chain";
import { contracts } from "./deployment";

export type StakeTokenInfo = { stakingPool: Address; stakeToken: Address; symbol: string; decimals: number };

let cached: Promise<StakeTokenInfo> | undefined;

/** The staking pool and its token's symbol and decimals (immutable: read from the chain once). */
export function stakeTokenInfo(): Promise<StakeTokenInfo> {
  cached ??= (async () => {
    const { StakingPool, StakeToken } = await contracts();
    const token = { address: StakeToken, abi: testTokenAbi } as const;
    const [symbol, decimals] = await Promise.all([
      chainClient().readContract({ ...token, functionName: "symbol" }),
      chainClient().readContract({ ...token, functionName: "decimals" }),
    ]);
    return { stakingPool: StakingPool, stakeToken: StakeToken, symbol, decimals };
  })().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
