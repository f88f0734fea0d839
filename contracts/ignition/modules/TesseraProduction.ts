// Deploys Tessera against existing tokens, with no faucet: `stakeToken` (an ERC-20 with permit) and
// `stablecoin` (the ERC-20 offers are priced in besides ETH) are required parameters, as are `admin`
// and `treasury` in practice. See contracts/ignition/parameters.production.example.json.
import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { erc20Abi } from "viem";
import { deployCore } from "../lib/core.ts";

// Only project sources get artifacts; an existing token needs nothing but the ERC-20 ABI.
const erc20 = {
  _format: "hh3-artifact-1",
  contractName: "IERC20",
  sourceName: "@openzeppelin/contracts/token/ERC20/IERC20.sol",
  abi: erc20Abi,
  bytecode: "0x",
  deployedBytecode: "0x",
  linkReferences: {},
  deployedLinkReferences: {},
} as const;

export default buildModule("TesseraProduction", (m) => {
  const stakeToken = m.contractAt("StakeToken", erc20, m.getParameter<string>("stakeToken"));
  const stablecoin = m.contractAt("Stablecoin", erc20, m.getParameter<string>("stablecoin"));
  return { ...deployCore(m, stakeToken, [stablecoin]), stakeToken, stablecoin };
});
