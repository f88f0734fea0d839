// The royalties dashboard's numbers against the chain: after the seeded sales, a share transfer, a
// claim and more sales, the claimable amount the page computes from the indexed tables equals
// RoyaltyShares.claimable(holder, asset, currency) for every holder, asset and currency; and each
// credit is traced to the sale that paid it (the asset's own, or a derived model's upstream share).
import { royaltySharesAbi } from "@tessera/abi";
import { createWalletClient, http, zeroAddress } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { royaltyPositions, royaltySources } from "../../apps/web/src/server/royalties-sql.ts";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
const contributor = devAccount(DEV_ACCOUNT.contributor);
const newcomer = devAccount(7);

beforeAll(async () => {
  stack = await startStack();
  const wallet = createWalletClient({ account: contributor, chain: hardhat, transport: http(stack.rpcUrl) });
  const send = async (hash: Promise<`0x${string}`>) =>
    stack.publicClient.waitForTransactionReceipt({ hash: await hash });
  await stack.index();
  const earning = await stack.db.assetRevenue.findMany({
    where: {
      chainId: stack.chainId,
      assetId: {
        in: (
          await stack.db.shareHolding.findMany({
            where: { chainId: stack.chainId, holder: contributor.address.toLowerCase() },
          })
        ).map((h) => h.assetId),
      },
    },
    orderBy: { assetId: "asc" },
  });
  const [first, second] = [...new Set(earning.map((r) => r.assetId))];
  if (first === undefined || second === undefined) throw new Error("the seed gave the contributor no shares");
  // A part of one asset's shares changes hands after revenue accrued (both sides settle), and the
  // contributor claims another asset in both currencies: positions with accrued, settled and claimed.
  await send(
    wallet.writeContract({
      address: stack.contracts.RoyaltyShares,
      abi: royaltySharesAbi,
      functionName: "safeTransferFrom",
      args: [contributor.address, newcomer.address, first, 123_457n, "0x"],
    }),
  );
  await send(
    wallet.writeContract({
      address: stack.contracts.RoyaltyShares,
      abi: royaltySharesAbi,
      functionName: "claim",
      args: [[second], [zeroAddress, stack.contracts.Stablecoin], contributor.address],
    }),
  );
  await stack.index();
}, 300_000);
afterAll(() => stack?.stop());

describe("royalties computed from the database", () => {
  it("equal the contract's claimable for every holder, asset and currency", async () => {
    const holders = await stack.db.shareHolding.findMany({
      where: { chainId: stack.chainId },
      distinct: ["holder"],
      select: { holder: true },
    });
    expect(holders.length).toBeGreaterThanOrEqual(3);
    const currencies = [zeroAddress, stack.contracts.Stablecoin.toLowerCase()];
    const assets = await stack.db.asset.findMany({
      where: { chainId: stack.chainId },
      select: { assetId: true },
    });
    let compared = 0;
    let nonZero = 0;
    for (const { holder } of holders) {
      const rows = await royaltyPositions(stack.db, stack.chainId, holder);
      const fromDb = new Map(rows.map((r) => [`${r.assetId}:${r.currency}`, BigInt(r.claimable)]));
      for (const { assetId } of assets) {
        for (const currency of currencies) {
          const onChain = await stack.publicClient.readContract({
            address: stack.contracts.RoyaltyShares,
            abi: royaltySharesAbi,
            functionName: "claimable",
            args: [holder as `0x${string}`, assetId, currency as `0x${string}`],
          });
          expect(fromDb.get(`${assetId}:${currency}`) ?? 0n, `${holder} on #${assetId} in ${currency}`).toBe(
            onChain,
          );
          compared++;
          if (onChain > 0n) nonZero++;
        }
      }
    }
    expect(compared).toBe(holders.length * assets.length * 2);
    expect(nonZero).toBeGreaterThan(5);
  });

  it("counts the claim as claimed and leaves nothing claimable on the claimed asset", async () => {
    const rows = await royaltyPositions(stack.db, stack.chainId, contributor.address);
    const claimed = rows.filter((r) => BigInt(r.claimed) > 0n);
    expect(claimed.length).toBeGreaterThan(0);
    for (const row of claimed) expect(row.claimable).toBe("0");
    // The newcomer starts from its transfer: nothing accrued before it moved with the shares.
    const newcomerRows = await royaltyPositions(stack.db, stack.chainId, newcomer.address);
    expect(newcomerRows.length).toBeGreaterThan(0);
    for (const row of newcomerRows) expect(row.claimable).toBe("0");
  });

  it("traces each credit to the sale that paid it: own sales and upstream shares of derived models", async () => {
    const assets = await stack.db.asset.findMany({
      where: { chainId: stack.chainId },
      select: { assetId: true },
    });
    const sources = await royaltySources(
      stack.db,
      stack.chainId,
      assets.map((a) => a.assetId),
    );
    const own = sources.filter((s) => s.fromAssetId === s.assetId);
    const upstream = sources.filter((s) => s.fromAssetId !== null && s.fromAssetId !== s.assetId);
    expect(own.length).toBeGreaterThan(0);
    expect(upstream.length).toBeGreaterThan(0);
    expect(sources.filter((s) => s.fromAssetId === null)).toEqual([]);
    // Every upstream credit comes from a child that names the credited asset as a parent.
    for (const s of upstream) {
      const link = await stack.db.assetLineage.findFirst({
        where: { chainId: stack.chainId, assetId: s.fromAssetId ?? -1n, parentId: s.assetId },
      });
      expect(link, `#${s.fromAssetId} -> #${s.assetId}`).not.toBeNull();
    }
    // And the sources add up to what the asset was credited.
    for (const revenue of await stack.db.assetRevenue.findMany({ where: { chainId: stack.chainId } })) {
      const sum = sources
        .filter((s) => s.assetId === revenue.assetId && s.currency === revenue.currency)
        .reduce((total, s) => total + BigInt(s.amount), 0n);
      if (sum > 0n) expect(sum).toBe(BigInt(revenue.credited.toFixed()));
    }
  });
});
