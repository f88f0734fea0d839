import "server-only";
import { stakingPoolAbi } from "@tessera/abi";
import { getAddress, keccak256, toHex } from "viem";
import { chainClient } from "./chain";
import { contracts } from "./deployment";

export const ARBITER_ROLE = keccak256(toHex("ARBITER_ROLE"));

/**
 * Whether the account holds the arbiter role, asked of the chain itself (roles are not projected:
 * the page shows arbiter controls only to whom the contract would accept them from).
 */
export async function isArbiter(account: string): Promise<boolean> {
  const { StakingPool } = await contracts();
  return chainClient().readContract({
    address: StakingPool,
    abi: stakingPoolAbi,
    functionName: "hasRole",
    args: [ARBITER_ROLE, getAddress(account)],
  });
}
