// Seeds a fresh local marketplace through the contracts, as its users would: the builder registers the
// demo catalogue (cards saved off chain, the one thing the app stores itself) with lineage and later
// versions, and offers licenses in ETH and the test stablecoin; the clinic buys licenses day after
// day (the chain's clock is moved forward a day at a time so the sales chart has a history); the
// builder and a curator stake; the clinic challenges one model. Everything else reaches the database
// through the indexer. Runs in `pnpm dev` (Hardhat node) and in every browser test's setup: keep it fast.
import { createHash } from "node:crypto";
import {
  ASSET_KINDS,
  assetRegistryAbi,
  type Deployment,
  licenseManagerAbi,
  stakingPoolAbi,
  testTokenAbi,
} from "@tessera/abi";
import { type PrismaClient, saveModelCard } from "@tessera/db";
import {
  type Address,
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  parseEther,
  parseUnits,
  zeroAddress,
} from "viem";
import { hardhat } from "viem/chains";
import { DEV_ACCOUNT, devAccount } from "../lib/accounts.ts";
import {
  type Currency,
  DEMO_CATALOG,
  type DemoAsset,
  type DemoOffer,
  type Right,
  renderCard,
} from "./catalog.ts";

export type SeedDeps = {
  db: PrismaClient;
  rpcUrl: string;
  contracts: Deployment["contracts"];
  onProgress?: (message: string) => void;
};

const SUPPLY = 1_000_000n;
const DAY = 24 * 3600;
/** Bit values of ILicenseManager's usage rights. */
const RIGHT_BITS: Record<Right, number> = {
  research: 1,
  clinical: 2,
  commercial: 4,
  "derivative-training": 8,
};
/** A realistic challenge bond; the pool's minimum wins if it is higher. */
const CHALLENGE_BOND = parseEther("500");

export function sha256Hex(text: string): Hex {
  return `0x${createHash("sha256").update(text).digest("hex")}`;
}

/** The legal terms text an offer's termsHash commits to (the demo's terms are generated). */
export function termsText(asset: DemoAsset, offer: DemoOffer): string {
  const period = offer.periodDays === 0 ? "perpetual" : `${offer.periodDays} days per period`;
  return `Tessera demo license for "${asset.name}": ${offer.rights.join(", ")}; ${period}; ${
    offer.transferable ? "transferable" : "not transferable"
  }.`;
}

/** Registers and trades the demo catalogue; returns the asset names in registration (id) order. */
export async function seedDemoCatalog({ db, rpcUrl, contracts, onProgress }: SeedDeps): Promise<string[]> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 20 });
  const testClient = createTestClient({ chain: hardhat, transport, mode: "hardhat" });
  const walletOf = (index: number) =>
    createWalletClient({ chain: hardhat, transport, account: devAccount(index) });
  const builder = walletOf(DEV_ACCOUNT.builder);
  const clinic = walletOf(DEV_ACCOUNT.clinic);
  // The contributor holds 30% of every model's shares and also curates (stakes on) a few.
  const curator = walletOf(DEV_ACCOUNT.contributor);

  // Every write waits for its receipt: later steps read ids the earlier ones created.
  async function send(hash: Promise<Hex>, what: string): Promise<void> {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash, pollingInterval: 20 });
    if (receipt.status !== "success") throw new Error(`seed: ${what} reverted`);
  }
  /** Mints `amount` of a faucet token to the wallet and lets `spender` take all of it. */
  async function approveFaucet(owner: typeof builder, token: Address, spender: Address, amount: bigint) {
    const address = owner.account.address;
    await send(
      owner.writeContract({
        address: token,
        abi: testTokenAbi,
        functionName: "mint",
        args: [address, amount],
      }),
      "minting test tokens",
    );
    await send(
      owner.writeContract({
        address: token,
        abi: testTokenAbi,
        functionName: "approve",
        args: [spender, amount],
      }),
      "approving test tokens",
    );
  }
  const currencyAddress: Record<Currency, Address> = { ETH: zeroAddress, tUSD: contracts.Stablecoin };
  const units = (currency: Currency, amount: string) =>
    currency === "ETH" ? parseEther(amount) : parseUnits(amount, 6);

  // 1. Cards and registrations (asset ids are sequential from 1, in catalogue order).
  const idByName = new Map<string, bigint>();
  for (const asset of DEMO_CATALOG) {
    const versions = 1 + (asset.laterVersions ?? 0);
    const uris: string[] = [];
    for (let version = 1; version <= versions; version++) {
      const card = renderCard(asset, version);
      const hash = sha256Hex(card).slice(2);
      await saveModelCard(db, { sha256: hash, name: asset.name, summary: asset.summary, body: card });
      uris.push(`tessera://card/${hash}`);
    }
    const split =
      asset.kind === "MODEL"
        ? [
            { holder: builder.account.address, shares: (SUPPLY * 7n) / 10n },
            { holder: curator.account.address, shares: (SUPPLY * 3n) / 10n },
          ]
        : [{ holder: builder.account.address, shares: SUPPLY }];
    const parents = (asset.parents ?? []).map(({ name, bps }) => {
      const assetId = idByName.get(name);
      if (assetId === undefined) throw new Error(`seed: ${asset.name} names unknown parent ${name}`);
      return { assetId, bps };
    });
    await send(
      builder.writeContract({
        address: contracts.AssetRegistry,
        abi: assetRegistryAbi,
        functionName: "register",
        // The artifact arrives with the blob store; until then its hash stands for a fixed file.
        args: [
          ASSET_KINDS.indexOf(asset.kind),
          uris[0] ?? "",
          sha256Hex(`${asset.name} artifact v1`),
          split,
          parents,
        ],
      }),
      `registering ${asset.name}`,
    );
    const assetId = BigInt(idByName.size + 1);
    idByName.set(asset.name, assetId);
    for (let version = 2; version <= versions; version++) {
      await send(
        builder.writeContract({
          address: contracts.AssetRegistry,
          abi: assetRegistryAbi,
          functionName: "publishVersion",
          args: [assetId, sha256Hex(`${asset.name} artifact v${version}`), uris[version - 1] ?? ""],
        }),
        `publishing ${asset.name} v${version}`,
      );
    }
    onProgress?.(`registered ${asset.name}`);
  }

  // 2. Offers (offer ids are sequential from 1 across the whole LicenseManager).
  const offerIds = new Map<string, bigint[]>();
  let offerCount = await publicClient.readContract({
    address: contracts.LicenseManager,
    abi: licenseManagerAbi,
    functionName: "offerCount",
  });
  for (const asset of DEMO_CATALOG) {
    const ids: bigint[] = [];
    for (const offer of asset.offers ?? []) {
      const rights = offer.rights.reduce((bits, right) => bits | RIGHT_BITS[right], 0);
      // The terms document is stored before the offer commits to its hash, as the publish wizard does.
      const terms = termsText(asset, offer);
      await db.termsDocument.upsert({
        where: { sha256: sha256Hex(terms) },
        create: { sha256: sha256Hex(terms), body: terms },
        update: {},
      });
      await send(
        builder.writeContract({
          address: contracts.LicenseManager,
          abi: licenseManagerAbi,
          functionName: "createOffer",
          args: [
            idByName.get(asset.name) ?? 0n,
            {
              price: units(offer.currency, offer.price),
              currency: currencyAddress[offer.currency],
              period: offer.periodDays * DAY,
              maxLicenses: offer.maxLicenses ?? 0,
              pinnedVersion: 0,
              rights,
              transferable: offer.transferable,
              termsHash: sha256Hex(terms),
            },
          ],
        }),
        `offering ${asset.name}`,
      );
      ids.push(++offerCount);
    }
    offerIds.set(asset.name, ids);
  }
  onProgress?.(`created ${offerCount} offers`);

  // 3. Stakes, before any challenge freezes an asset.
  const stakers = [
    ["builder", builder],
    ["curator", curator],
  ] as const;
  for (const [role, staker] of stakers) {
    const amounts = DEMO_CATALOG.flatMap((asset) => {
      const amount = asset.stakes?.[role];
      return amount ? [{ assetId: idByName.get(asset.name) ?? 0n, amount: parseEther(amount) }] : [];
    });
    const total = amounts.reduce((sum, { amount }) => sum + amount, 0n);
    if (total === 0n) continue;
    await approveFaucet(staker, contracts.StakeToken, contracts.StakingPool, total);
    for (const { assetId, amount } of amounts) {
      await send(
        staker.writeContract({
          address: contracts.StakingPool,
          abi: stakingPoolAbi,
          functionName: "stake",
          args: [assetId, amount],
        }),
        `staking on #${assetId}`,
      );
    }
  }
  onProgress?.("staked");

  // 4. Sales, a day at a time (the chain's clock moves a day between them, so the chart has a
  // history; days rather than weeks keep the local chain's clock near the wall clock).
  await approveFaucet(clinic, contracts.Stablecoin, contracts.LicenseManager, parseUnits("100000", 6));
  const sales = DEMO_CATALOG.flatMap((asset) =>
    (asset.sales ?? []).map((sale) => {
      const offer = asset.offers?.[sale.offer];
      const offerId = offerIds.get(asset.name)?.[sale.offer];
      if (!offer || offerId === undefined) throw new Error(`seed: ${asset.name} sells an unknown offer`);
      return { ...sale, offer, offerId };
    }),
  );
  const lastDay = Math.max(0, ...sales.map((sale) => sale.day));
  for (let day = 0; day <= lastDay; day++) {
    for (const sale of sales.filter((s) => s.day === day)) {
      const periods = sale.periods ?? 1;
      const total = units(sale.offer.currency, sale.offer.price) * BigInt(sale.seats * periods);
      await send(
        clinic.writeContract({
          address: contracts.LicenseManager,
          abi: licenseManagerAbi,
          functionName: "purchase",
          args: [sale.offerId, sale.seats, periods, clinic.account.address, total],
          value: sale.offer.currency === "ETH" ? total : 0n,
        }),
        `buying offer ${sale.offerId}`,
      );
    }
    if (day < lastDay) {
      await testClient.increaseTime({ seconds: DAY });
      await testClient.mine({ blocks: 1 });
    }
  }
  onProgress?.(`sold ${sales.length} licenses`);

  // 5. One open challenge, bonded generously (never below the pool's minimum).
  for (const asset of DEMO_CATALOG.filter((a) => a.challenge)) {
    const minBond = await publicClient.readContract({
      address: contracts.StakingPool,
      abi: stakingPoolAbi,
      functionName: "minBond",
    });
    // biome-ignore lint/complexity/useMathMinMax: bigints (Math.max takes numbers)
    const bond = minBond > CHALLENGE_BOND ? minBond : CHALLENGE_BOND;
    await approveFaucet(clinic, contracts.StakeToken, contracts.StakingPool, bond);
    await send(
      clinic.writeContract({
        address: contracts.StakingPool,
        abi: stakingPoolAbi,
        functionName: "challenge",
        args: [idByName.get(asset.name) ?? 0n, bond, sha256Hex(asset.challenge ?? "")],
      }),
      `challenging ${asset.name}`,
    );
    onProgress?.(`challenged ${asset.name}`);
  }
  return DEMO_CATALOG.map((asset) => asset.name);
}
