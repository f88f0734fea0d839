import "server-only";
import { assetRegistryAbi, licenseManagerAbi, stakingPoolAbi } from "@tessera/abi";
import type { Address } from "viem";
import type { SplitRules } from "@/purchase/quote";
import { chainClient } from "./chain";
import { contracts } from "./deployment";

/**
 * How a sale of `assetId` in `currency` is split right now, read from the contracts the split itself
 * reads (fees from LicenseManager, lineage from the registry, the curators' acceptance from the pool).
 */
export async function licenseSplitRules(assetId: bigint, currency: Address): Promise<SplitRules> {
  const { LicenseManager, AssetRegistry, StakingPool } = await contracts();
  const client = chainClient();
  const [protocolFeeBps, curatorBps, parents, curatorsAccept] = await Promise.all([
    client.readContract({ address: LicenseManager, abi: licenseManagerAbi, functionName: "protocolFeeBps" }),
    client.readContract({ address: LicenseManager, abi: licenseManagerAbi, functionName: "curatorBps" }),
    client.readContract({
      address: AssetRegistry,
      abi: assetRegistryAbi,
      functionName: "parentsOf",
      args: [assetId],
    }),
    client.readContract({
      address: StakingPool,
      abi: stakingPoolAbi,
      functionName: "acceptsReward",
      args: [assetId, currency],
    }),
  ]);
  return {
    protocolFeeBps: Number(protocolFeeBps),
    curatorBps: Number(curatorBps),
    parentBps: parents.map((p) => Number(p.bps)),
    curatorsAccept,
  };
}
