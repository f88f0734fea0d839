// The royalties dashboard's numbers against the chain: after the seeded sales, a share transfer, a
// claim and more sales, the claimable amount the page computes from the indexed tables equals
// RoyaltyShares.claimable(holder, asset, currency) for every holder, asset and currency; and each
// credit is traced to the sale that paid it (the asset's own, or a derived model's upstream share).
import { createHash } from "node:crypto";
import { royaltySharesAbi } from "@tessera/abi";
import { createWalletClient, http, zeroAddress } from "viem";
import { hardhat } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { royaltyPositions, royaltySources } from "../../apps/web/src/server/royalties-sql.ts";
import { DEV_ACCOUNT, devAccount } from "../../scripts/lib/accounts.ts";
import { signInOverHttp } from "../support/session.ts";
import { type Stack, startStack } from "../support/stack.ts";

let stack: Stack;
let web: string;
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
  web = await stack.startWeb();
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

describe("the evidence API (a challenge's document in the blob store)", () => {
  const doc = Buffer.from("Audit: sensitivity 61% on 340 local images, not the 94% claimed.\n");
  const hash = `0x${createHash("sha256").update(doc).digest("hex")}`;
  const post = (query: string, body: Uint8Array, cookie?: string) =>
    fetch(`${web}/api/evidence${query}`, {
      method: "POST",
      headers: { origin: web, "content-type": "application/octet-stream", ...(cookie ? { cookie } : {}) },
      body,
    });
  const stored = async (sha256: string) => (await fetch(`${web}/api/evidence/${sha256}`)).status;

  it("refuses bad input with problem+json and a sentence, and stores nothing", async () => {
    const anonymous = await post(`?sha256=${hash}`, doc);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(((await anonymous.json()) as { detail: string }).detail).toMatch(/Sign in/);

    const cookie = await signInOverHttp(web, contributor);
    const badQuery = await post("?sha256=abc", doc, cookie);
    expect(badQuery.status).toBe(400);
    const other = `0x${"ab".repeat(32)}`;
    const mismatch = await post(`?sha256=${other}`, doc, cookie);
    expect(mismatch.status).toBe(422);
    expect((await mismatch.json()) as { code: string; detail: string }).toMatchObject({
      code: "EVIDENCE_HASH_MISMATCH",
      detail: expect.stringMatching(/Attach it again/),
    });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    const bigHash = `0x${createHash("sha256").update(big).digest("hex")}`;
    const tooLarge = await post(`?sha256=${bigHash}`, big, cookie);
    expect(tooLarge.status).toBe(413);
    expect(await stored(hash)).toBe(404);
    expect(await stored(other)).toBe(404);
    expect(await stored(bigHash)).toBe(404);
    expect(await stored("not-a-hash")).toBe(404);
  });

  it("stores the document under its sha256 and serves exactly those bytes", async () => {
    const cookie = await signInOverHttp(web, contributor);
    const response = await post(`?sha256=${hash}`, doc, cookie);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ sha256: hash, size: doc.length });
    const read = await fetch(`${web}/api/evidence/${hash}`);
    expect(Buffer.from(await read.arrayBuffer()).equals(doc)).toBe(true);
  });
});
