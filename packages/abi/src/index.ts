// @tessera/abi: the one place the TypeScript side learns about the contracts.
export {
  CONTRACT_NAMES,
  type ContractName,
  type Deployment,
  DeploymentError,
  deploymentDir,
  IGNITION_MODULE,
  IGNITION_MODULES,
  parseDeployment,
  readDeployment,
  startBlockOf,
} from "./deployment.ts";
export {
  assetRegistryAbi,
  licenseManagerAbi,
  royaltySharesAbi,
  stakingPoolAbi,
  testTokenAbi,
} from "./generated.ts";

/** The AssetRegistry's `AssetKind` enum, in Solidity's order. */
export const ASSET_KINDS = ["MODEL", "DATASET"] as const;
export type AssetKindName = (typeof ASSET_KINDS)[number];
export { type PermitRequest, permitTypedData } from "./permit.ts";
