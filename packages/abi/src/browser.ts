// The part of @tessera/abi a browser bundle may import: ABIs and typed-data builders, nothing that
// reads files (deployment.ts does).
export {
  assetRegistryAbi,
  licenseManagerAbi,
  royaltySharesAbi,
  stakingPoolAbi,
  testSmartWalletAbi,
  testTokenAbi,
} from "./generated.ts";
export { type PermitRequest, permitTypedData } from "./permit.ts";
