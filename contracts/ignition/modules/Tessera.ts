// Deploys Tessera's contracts and wires them together. `scripts/dev.ts` runs it against the local
// chain; `hardhat ignition deploy contracts/ignition/modules/Tessera.ts --network testnet` against a
// public one (README: "Deploy to a testnet").
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

export default buildModule("Tessera", (m) => {
  const assetRegistry = m.contract("AssetRegistry");
  return { assetRegistry };
});
