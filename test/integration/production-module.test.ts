// The production Ignition module deploys against tokens that already exist (here: two faucet tokens
// deployed first, standing in for a real stake token and stablecoin) and wires everything exactly
// like the local module, without deploying a token of its own.
import hre from "hardhat";
import { getAddress } from "viem";
import { describe, expect, it } from "vitest";
import TesseraProduction from "../../contracts/ignition/modules/TesseraProduction.ts";

const connection = await hre.network.create();
const [deployer] = await connection.viem.getWalletClients();
if (!deployer) throw new Error("missing Hardhat account #0");
const stakeAddress = getAddress(
  (await connection.viem.deployContract("TestToken", ["Stake", "STK", 18])).address,
);
const stableAddress = getAddress(
  (await connection.viem.deployContract("TestToken", ["USD Coin", "USDC", 6])).address,
);
const treasury = getAddress("0x000000000000000000000000000000000000dEaD");

const deployed = await connection.ignition.deploy(TesseraProduction, {
  displayUi: false,
  parameters: {
    TesseraProduction: {
      treasury,
      stakeToken: stakeAddress,
      stablecoin: stableAddress,
      protocolFeeBps: 100,
    },
  },
});

describe("TesseraProduction module", () => {
  it("uses the given tokens instead of deploying faucets", () => {
    expect(getAddress(deployed.stakeToken.address)).toBe(stakeAddress);
    expect(getAddress(deployed.stablecoin.address)).toBe(stableAddress);
  });

  it("wires the vault, the currency, the pool and the fees", async () => {
    const { royaltyShares, licenseManager, stakingPool, assetRegistry } = deployed;
    expect(await royaltyShares.read.vault()).toBe(licenseManager.address);
    expect(await royaltyShares.read.currencies()).toEqual([
      "0x0000000000000000000000000000000000000000",
      stableAddress,
    ]);
    expect(await licenseManager.read.allowedCurrency([stableAddress])).toBe(true);
    expect(await licenseManager.read.treasury()).toBe(treasury);
    expect(await licenseManager.read.protocolFeeBps()).toBe(100);
    expect(await stakingPool.read.stakeToken()).toBe(stakeAddress);
    const minter = await royaltyShares.read.MINTER_ROLE();
    expect(await royaltyShares.read.hasRole([minter, assetRegistry.address])).toBe(true);
    const notifier = await stakingPool.read.REWARD_NOTIFIER_ROLE();
    expect(await stakingPool.read.hasRole([notifier, licenseManager.address])).toBe(true);
  });
});
