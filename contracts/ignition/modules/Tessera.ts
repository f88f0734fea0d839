// Deploys Tessera's contracts and wires their roles. `scripts/dev.ts` and the tests run it against a
// local chain. It also deploys two faucet tokens (a stake token and a 6-decimal test stablecoin that
// anyone can mint), which suits local chains and public testnets; a production module taking real
// token addresses is still to come. `admin`, `treasury` and the fee settings are parameters
// (README: "Deploy to a testnet").
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { keccak256, toHex } from "viem";

const role = (name: string) => keccak256(toHex(name));

export default buildModule("Tessera", (m) => {
  const admin = m.getParameter("admin", m.getAccount(0));
  const treasury = m.getParameter("treasury", m.getAccount(0));
  const protocolFeeBps = m.getParameter("protocolFeeBps", 250);
  const curatorBps = m.getParameter("curatorBps", 500);
  const unbondingDelay = m.getParameter("unbondingDelaySeconds", 7 * 24 * 3600);
  const slashBps = m.getParameter("slashBps", 2_000);

  const stakeToken = m.contract("TestToken", ["Tessera Stake", "TSTK", 18], { id: "StakeToken" });
  const stablecoin = m.contract("TestToken", ["Test USD", "tUSD", 6], { id: "Stablecoin" });

  const royaltyShares = m.contract("RoyaltyShares", [admin]);
  const assetRegistry = m.contract("AssetRegistry", [royaltyShares]);
  const stakingPool = m.contract("StakingPool", [admin, stakeToken, treasury, unbondingDelay, slashBps]);
  const licenseManager = m.contract("LicenseManager", [
    admin,
    assetRegistry,
    royaltyShares,
    stakingPool,
    treasury,
    protocolFeeBps,
    curatorBps,
  ]);

  m.call(royaltyShares, "grantRole", [role("MINTER_ROLE"), assetRegistry], { id: "GrantRegistryMinter" });
  m.call(royaltyShares, "grantRole", [role("DEPOSITOR_ROLE"), licenseManager], {
    id: "GrantLicencesDepositor",
  });
  m.call(stakingPool, "grantRole", [role("REWARD_NOTIFIER_ROLE"), licenseManager], {
    id: "GrantLicencesNotifier",
  });
  m.call(stakingPool, "grantRole", [role("ARBITER_ROLE"), admin], { id: "GrantAdminArbiter" });
  m.call(licenseManager, "setCurrencyAllowed", [stablecoin, true], { id: "AllowStablecoin" });

  return { assetRegistry, royaltyShares, licenseManager, stakingPool, stakeToken, stablecoin };
});
