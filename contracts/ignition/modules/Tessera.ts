// Deploys Tessera's contracts and wires them together. `scripts/dev.ts` runs it against the local
// chain; `hardhat ignition deploy contracts/ignition/modules/Tessera.ts --network testnet` against a
// public one (README: "Deploy to a testnet").
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { keccak256, toHex } from "viem";

const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));

export default buildModule("Tessera", (m) => {
  // The deployer administers the roles until governance takes them over.
  const admin = m.getParameter("admin", m.getAccount(0));
  const royaltyShares = m.contract("RoyaltyShares", [admin]);
  const assetRegistry = m.contract("AssetRegistry", [royaltyShares]);
  m.call(royaltyShares, "grantRole", [MINTER_ROLE, assetRegistry], { id: "GrantRegistryMinter" });
  return { assetRegistry, royaltyShares };
});
