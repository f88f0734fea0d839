// The whole money flow on the contracts as Ignition deploys them, driven with viem the way the web app
// will: register -> offer -> purchase (ETH, and stablecoin with permit) -> claim by several holders
// -> stake -> curator reward -> challenge -> slash.

import { permitTypedData } from "@tessera/abi";
import hre from "hardhat";
import { type Hash, parseEther, parseSignature, zeroAddress } from "viem";
import { beforeAll, describe, expect, it } from "vitest";
import TesseraModule from "../../contracts/ignition/modules/Tessera.ts";

const connection = await hre.network.create();
const { assetRegistry, licenseManager, royaltyShares, stakingPool, stakeToken, stablecoin } =
  await connection.ignition.deploy(TesseraModule, { displayUi: false });
const publicClient = await connection.viem.getPublicClient();
const wallets = await connection.viem.getWalletClients();
const [builder, coAuthor, clinic, curator, challenger] = [0, 1, 2, 3, 4].map((i) => {
  const found = wallets[i];
  if (!found) throw new Error(`missing Hardhat account #${i}`);
  return found;
}) as [NonNullable<(typeof wallets)[number]>, ...NonNullable<(typeof wallets)[number]>[]];

async function mined(hash: Promise<Hash>) {
  const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
  expect(receipt.status).toBe("success");
  return receipt;
}

const price = parseEther("1");
const usdPrice = 200_000_000n; // 200 tUSD
const month = 30 * 24 * 3600;
let model: bigint;

function terms(currency: `0x${string}`, amount: bigint) {
  return {
    price: amount,
    currency,
    period: month,
    maxLicenses: 0,
    pinnedVersion: 0,
    rights: 3,
    transferable: false,
    termsHash: `0x${"ab".repeat(32)}` as const,
  };
}

describe("the marketplace's money flow on deployed contracts", () => {
  beforeAll(async () => {
    await mined(
      assetRegistry.write.register(
        [
          0,
          "tessera://card/flow",
          `0x${"11".repeat(32)}`,
          [
            { holder: builder!.account.address, shares: 600_000n },
            { holder: coAuthor!.account.address, shares: 400_000n },
          ],
          [],
        ],
        { account: builder!.account },
      ),
    );
    model = await assetRegistry.read.assetCount();
  });

  it("splits an ETH sale between treasury, curators and the two shareholders", async () => {
    await mined(
      stakeToken.write.mint([curator!.account.address, parseEther("1000")], { account: curator!.account }),
    );
    await mined(
      stakeToken.write.approve([stakingPool.address, parseEther("1000")], { account: curator!.account }),
    );
    await mined(stakingPool.write.stake([model, parseEther("500")], { account: curator!.account }));

    await mined(
      licenseManager.write.createOffer([model, terms(zeroAddress, price)], { account: builder!.account }),
    );
    const offerId = await licenseManager.read.offerCount();
    await mined(
      licenseManager.write.purchase([offerId, 1, 1, clinic!.account.address, price], {
        account: clinic!.account,
        value: price,
      }),
    );

    const fee = (price * BigInt(await licenseManager.read.protocolFeeBps())) / 10_000n;
    const curators = (price * BigInt(await licenseManager.read.curatorBps())) / 10_000n;
    const toShares = price - fee - curators;
    expect(await licenseManager.read.accruedProtocolFees([zeroAddress])).toBe(fee);
    expect(await stakingPool.read.pendingRewards([model, zeroAddress, curator!.account.address])).toBe(
      curators,
    );
    expect(await royaltyShares.read.claimable([builder!.account.address, model, zeroAddress])).toBe(
      (toShares * 6n) / 10n,
    );
    expect(await royaltyShares.read.claimable([coAuthor!.account.address, model, zeroAddress])).toBe(
      (toShares * 4n) / 10n,
    );
    expect(await licenseManager.read.isValid([1n, clinic!.account.address])).toBe(true);
  });

  it("sells for the stablecoin with a permit in one transaction", async () => {
    await mined(
      licenseManager.write.createOffer([model, terms(stablecoin.address, usdPrice)], {
        account: builder!.account,
      }),
    );
    const offerId = await licenseManager.read.offerCount();
    await mined(stablecoin.write.mint([clinic!.account.address, usdPrice], { account: clinic!.account }));
    const deadline = BigInt((await publicClient.getBlock()).timestamp + 3600n);
    const signature = await clinic!.signTypedData({
      account: clinic!.account,
      ...permitTypedData({
        tokenName: "Test USD",
        token: stablecoin.address,
        chainId: await publicClient.getChainId(),
        owner: clinic!.account.address,
        spender: licenseManager.address,
        value: usdPrice,
        nonce: 0n,
        deadline,
      }),
    });
    const { r, s, v } = parseSignature(signature);
    await mined(
      licenseManager.write.purchaseWithPermit(
        [offerId, 1, 1, clinic!.account.address, usdPrice, deadline, Number(v), r, s],
        { account: clinic!.account },
      ),
    );
    expect(await stablecoin.read.balanceOf([clinic!.account.address])).toBe(0n);
    expect(
      await royaltyShares.read.claimable([coAuthor!.account.address, model, stablecoin.address]),
    ).toBeGreaterThan(0n);
  });

  it("pays each shareholder in both currencies with one claim each", async () => {
    for (const holder of [builder!, coAuthor!]) {
      const ethOwed = await royaltyShares.read.claimable([holder.account.address, model, zeroAddress]);
      const usdOwed = await royaltyShares.read.claimable([holder.account.address, model, stablecoin.address]);
      const usdBefore = await stablecoin.read.balanceOf([holder.account.address]);
      const ethBefore = await publicClient.getBalance({ address: holder.account.address });
      const receipt = await mined(
        royaltyShares.write.claim([[model], [zeroAddress, stablecoin.address], holder.account.address], {
          account: holder.account,
        }),
      );
      const gasCost = receipt.gasUsed * receipt.effectiveGasPrice;
      expect(await publicClient.getBalance({ address: holder.account.address })).toBe(
        ethBefore + ethOwed - gasCost,
      );
      expect(await stablecoin.read.balanceOf([holder.account.address])).toBe(usdBefore + usdOwed);
      expect(await royaltyShares.read.claimable([holder.account.address, model, zeroAddress])).toBe(0n);
    }
  });

  it("pays the curator its reward, then slashes its stake when a challenge is upheld", async () => {
    const reward = await stakingPool.read.pendingRewards([model, zeroAddress, curator!.account.address]);
    await mined(
      stakingPool.write.claimRewards([[model], [zeroAddress], curator!.account.address], {
        account: curator!.account,
      }),
    );
    expect(await stakingPool.read.pendingRewards([model, zeroAddress, curator!.account.address])).toBe(0n);
    expect(reward).toBeGreaterThan(0n);

    // The deployment sets a minimum bond (a challenge freezes the asset, so it must cost real money).
    const bond = await stakingPool.read.minBond();
    expect(bond).toBeGreaterThan(0n);
    await mined(stakeToken.write.mint([challenger!.account.address, bond], { account: challenger!.account }));
    await mined(stakeToken.write.approve([stakingPool.address, bond], { account: challenger!.account }));
    await mined(
      stakingPool.write.challenge([model, bond, `0x${"ee".repeat(32)}`], { account: challenger!.account }),
    );
    const stakeBefore = await stakingPool.read.stakeOf([model, curator!.account.address]);
    // The deployer holds the arbiter role on a local deployment.
    await mined(stakingPool.write.resolve([1n, true], { account: builder!.account }));
    const stakeAfter = await stakingPool.read.stakeOf([model, curator!.account.address]);
    const slashBps = BigInt(await stakingPool.read.slashBps());
    expect(stakeAfter).toBe(stakeBefore - (stakeBefore * slashBps) / 10_000n);
    expect(await stakeToken.read.balanceOf([challenger!.account.address])).toBeGreaterThan(bond);
  });
});
