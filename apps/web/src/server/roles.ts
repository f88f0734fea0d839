import "server-only";
import { licenseManagerAbi, stakingPoolAbi } from "@tessera/abi";
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

export const FEE_MANAGER_ROLE = keccak256(toHex("FEE_MANAGER_ROLE"));
export const PAUSER_ROLE = keccak256(toHex("PAUSER_ROLE"));

/** The protocol roles the account holds on the LicenseManager, asked of the chain. */
export async function protocolRoles(account: string): Promise<{ feeManager: boolean; pauser: boolean }> {
  const { LicenseManager } = await contracts();
  const has = (role: `0x${string}`) =>
    chainClient().readContract({
      address: LicenseManager,
      abi: licenseManagerAbi,
      functionName: "hasRole",
      args: [role, getAddress(account)],
    });
  const [feeManager, pauser] = await Promise.all([has(FEE_MANAGER_ROLE), has(PAUSER_ROLE)]);
  return { feeManager, pauser };
}
