// Deploys Tessera on a local chain or a public testnet: the core contracts (../lib/core.ts) plus two
// faucet tokens anyone can mint, a stake token and a 6-decimal test stablecoin. `scripts/dev.ts` and
// the tests run it; `admin`, `treasury` and the fees are parameters (README: "Deploy to a testnet").
// Mainnets use TesseraProduction.ts, which takes existing tokens instead.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { deployCore } from "../lib/core.ts";

export default buildModule("Tessera", (m) => {
  const stakeToken = m.contract("TestToken", ["Tessera Stake", "TSTK", 18], { id: "StakeToken" });
  const stablecoin = m.contract("TestToken", ["Test USD", "tUSD", 6], { id: "Stablecoin" });
  return { ...deployCore(m, stakeToken, [stablecoin]), stakeToken, stablecoin };
});
