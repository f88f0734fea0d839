// A seeded random marketplace on a test chain: registrations with splits and lineage, versions,
// offers in ETH and tUSD, purchases, renewals, seats, license and share transfers, claims, staking,
// unstaking and withdrawals, challenges and their resolutions, fee withdrawals. Every contract event
// the indexer projects occurs. An action whose preconditions fail on chain is skipped (viem's gas
// estimate reverts before anything is sent), so any seed gives a valid history.
import type { Address, Hash, PublicClient, WalletClient } from "viem";
import { zeroAddress } from "viem";
import { seededRandom } from "./random.ts";

export type Contracts = {
  assetRegistry: { address: Address };
  royaltyShares: { address: Address };
  licenseManager: { address: Address };
  stakingPool: { address: Address };
  stakeToken: { address: Address };
  stablecoin: { address: Address };
};

type Abis = {
  assetRegistry: readonly unknown[];
  royaltyShares: readonly unknown[];
  licenseManager: readonly unknown[];
  stakingPool: readonly unknown[];
  token: readonly unknown[];
};

export type Workload = {
  /** Runs `count` random actions; returns how many went through. */
  run(count: number): Promise<number>;
};

export function createWorkload(options: {
  seed: number;
  publicClient: PublicClient;
  wallets: WalletClient[];
  contracts: Contracts;
  abis: Abis;
  /** Advances the chain's clock (unbonding, expiry). */
  increaseTime: (seconds: number) => Promise<void>;
}): Workload {
  const { publicClient, wallets, contracts, abis } = options;
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const amount = (max: number) => BigInt(1 + Math.floor(random() * max));
  const accounts = wallets.map((w) => w.account?.address as Address);

  const assets: { id: bigint; owner: Address; holders: Set<Address> }[] = [];
  const offers: { id: bigint; currency: Address; price: bigint; periodic: boolean; transferable: boolean }[] =
    [];
  const licenses: {
    id: bigint;
    offer: (typeof offers)[number];
    holder: Address;
    seats: number;
    delegates: Address[];
  }[] = [];
  const entries: { id: bigint; staker: Address }[] = [];
  const stakes: { assetId: bigint; staker: number }[] = [];
  const challenges: bigint[] = [];
  let assetCount = 0n;
  let offerCount = 0n;
  let licenseCount = 0n;
  let challengeCount = 0n;

  async function send(
    walletIndex: number,
    address: Address,
    abi: readonly unknown[],
    functionName: string,
    args: readonly unknown[],
    value = 0n,
  ): Promise<boolean> {
    const wallet = wallets[walletIndex] as WalletClient;
    try {
      const { request } = await publicClient.simulateContract({
        account: wallet.account as NonNullable<WalletClient["account"]>,
        address,
        abi: abi as never,
        functionName: functionName as never,
        args: args as never,
        value,
      } as never);
      const hash: Hash = await wallet.writeContract(request as never);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      return receipt.status === "success";
    } catch {
      return false;
    }
  }
  const indexOf = (account: Address) => accounts.indexOf(account);
  const token = async (which: "stake" | "usd", walletIndex: number, spender: Address, value: bigint) => {
    const address = which === "stake" ? contracts.stakeToken.address : contracts.stablecoin.address;
    await send(walletIndex, address, abis.token, "mint", [accounts[walletIndex], value]);
    await send(walletIndex, address, abis.token, "approve", [spender, value]);
  };

  const actions: Array<[weight: number, action: () => Promise<boolean>]> = [
    [
      4,
      async () => {
        const builder = Math.floor(random() * 4);
        const holders = [...new Set([accounts[builder] as Address, pick(accounts.slice(0, 8))])];
        const split = holders.map((holder, i) => ({
          holder,
          shares: i === 0 ? 1_000_000n - BigInt(holders.length - 1) * 250_000n : 250_000n,
        }));
        const parents = assets.length > 0 && chance(0.4) ? [{ assetId: pick(assets).id, bps: 500 }] : [];
        const hash = `0x${Math.floor(random() * 2 ** 32)
          .toString(16)
          .padStart(64, "0")}` as const;
        const ok = await send(builder, contracts.assetRegistry.address, abis.assetRegistry, "register", [
          chance(0.3) ? 1 : 0,
          `tessera://card/${hash.slice(2, 10)}`,
          hash,
          split,
          parents,
        ]);
        if (ok)
          assets.push({ id: ++assetCount, owner: accounts[builder] as Address, holders: new Set(holders) });
        return ok;
      },
    ],
    [
      1,
      async () => {
        if (assets.length === 0) return false;
        const asset = pick(assets);
        return send(
          indexOf(asset.owner),
          contracts.assetRegistry.address,
          abis.assetRegistry,
          "publishVersion",
          [asset.id, `0x${"ab".repeat(32)}`, "tessera://card/v2"],
        );
      },
    ],
    [
      3,
      async () => {
        if (assets.length === 0) return false;
        const asset = pick(assets);
        const currency = chance(0.5) ? zeroAddress : contracts.stablecoin.address;
        const price = currency === zeroAddress ? amount(1e6) * 1_000_000_000n : amount(1e9);
        const periodic = chance(0.6);
        const transferable = chance(0.5);
        const ok = await send(
          indexOf(asset.owner),
          contracts.licenseManager.address,
          abis.licenseManager,
          "createOffer",
          [
            asset.id,
            {
              price,
              currency,
              period: periodic ? 30 * 24 * 3600 : 0,
              maxLicenses: 0,
              pinnedVersion: 0,
              rights: 3,
              transferable,
              termsHash: `0x${"11".repeat(32)}`,
            },
          ],
        );
        if (ok) offers.push({ id: ++offerCount, currency, price, periodic, transferable });
        return ok;
      },
    ],
    [
      6,
      async () => {
        if (offers.length === 0) return false;
        const offer = pick(offers);
        const buyer = 8 + Math.floor(random() * 6);
        const seats = 1 + Math.floor(random() * 3);
        const total = offer.price * BigInt(seats);
        if (offer.currency !== zeroAddress)
          await token("usd", buyer, contracts.licenseManager.address, total);
        const ok = await send(
          buyer,
          contracts.licenseManager.address,
          abis.licenseManager,
          "purchase",
          [offer.id, seats, 1, accounts[buyer], total],
          offer.currency === zeroAddress ? total : 0n,
        );
        if (ok)
          licenses.push({
            id: ++licenseCount,
            offer,
            holder: accounts[buyer] as Address,
            seats,
            delegates: [],
          });
        return ok;
      },
    ],
    [
      1,
      async () => {
        const license = licenses.find((l) => l.offer.periodic && chance(0.5));
        if (!license) return false;
        const payer = indexOf(license.holder);
        const total = license.offer.price * BigInt(license.seats);
        if (license.offer.currency !== zeroAddress)
          await token("usd", payer, contracts.licenseManager.address, total);
        return send(
          payer,
          contracts.licenseManager.address,
          abis.licenseManager,
          "renew",
          [license.id, 1],
          license.offer.currency === zeroAddress ? total : 0n,
        );
      },
    ],
    [
      2,
      async () => {
        if (licenses.length === 0) return false;
        const license = pick(licenses);
        if (license.delegates.length > 0 && chance(0.4)) {
          const account = license.delegates.pop() as Address;
          return send(
            indexOf(license.holder),
            contracts.licenseManager.address,
            abis.licenseManager,
            "revokeSeat",
            [license.id, account],
          );
        }
        const account = pick(accounts.slice(14));
        const ok = await send(
          indexOf(license.holder),
          contracts.licenseManager.address,
          abis.licenseManager,
          "delegateSeat",
          [license.id, account],
        );
        if (ok) license.delegates.push(account);
        return ok;
      },
    ],
    [
      1,
      async () => {
        const license = licenses.find((l) => l.offer.transferable && chance(0.5));
        if (!license) return false;
        const to = pick(accounts.slice(8, 14));
        const ok = await send(
          indexOf(license.holder),
          contracts.licenseManager.address,
          abis.licenseManager,
          "transferFrom",
          [license.holder, to, license.id],
        );
        if (ok) {
          license.holder = to;
          license.delegates = [];
        }
        return ok;
      },
    ],
    [
      2,
      async () => {
        if (assets.length === 0) return false;
        const asset = pick(assets);
        const from = pick([...asset.holders]);
        const to = pick(accounts.slice(0, 8));
        const ok = await send(
          indexOf(from),
          contracts.royaltyShares.address,
          abis.royaltyShares,
          "safeTransferFrom",
          [from, to, asset.id, amount(100_000), "0x"],
        );
        if (ok) asset.holders.add(to);
        return ok;
      },
    ],
    [
      3,
      async () => {
        if (assets.length === 0) return false;
        const holder = pick(accounts.slice(0, 8));
        const mine = assets.filter((a) => a.holders.has(holder)).map((a) => a.id);
        if (mine.length === 0) return false;
        return send(indexOf(holder), contracts.royaltyShares.address, abis.royaltyShares, "claim", [
          mine.slice(0, 4),
          [zeroAddress, contracts.stablecoin.address],
          holder,
        ]);
      },
    ],
    [
      2,
      async () => {
        if (assets.length === 0) return false;
        const staker = 4 + Math.floor(random() * 4);
        const value = amount(1_000) * 10n ** 18n;
        const assetId = pick(assets).id;
        await token("stake", staker, contracts.stakingPool.address, value);
        const ok = await send(staker, contracts.stakingPool.address, abis.stakingPool, "stake", [
          assetId,
          value,
        ]);
        if (ok) stakes.push({ assetId, staker });
        return ok;
      },
    ],
    [
      1,
      async () => {
        if (stakes.length === 0) return false;
        const { assetId, staker } = pick(stakes);
        const before = await publicClient.getBlockNumber();
        const ok = await send(staker, contracts.stakingPool.address, abis.stakingPool, "unstake", [
          assetId,
          amount(100) * 10n ** 18n,
        ]);
        if (ok) {
          const logs = await publicClient.getLogs({
            address: contracts.stakingPool.address,
            fromBlock: before + 1n,
          });
          const entryId = logs.at(-1)?.topics[1];
          if (entryId) entries.push({ id: BigInt(entryId), staker: accounts[staker] as Address });
        }
        return ok;
      },
    ],
    [
      1,
      async () => {
        const entry = entries.shift();
        if (!entry) return false;
        await options.increaseTime(8 * 24 * 3600);
        return send(indexOf(entry.staker), contracts.stakingPool.address, abis.stakingPool, "withdraw", [
          entry.id,
        ]);
      },
    ],
    [
      1,
      async () => {
        if (assets.length === 0) return false;
        if (challenges.length > 0 && chance(0.6)) {
          return send(0, contracts.stakingPool.address, abis.stakingPool, "resolve", [
            challenges.shift() as bigint,
            chance(0.5),
          ]);
        }
        const challenger = 14 + Math.floor(random() * 4);
        const bond = 100n * 10n ** 18n;
        await token("stake", challenger, contracts.stakingPool.address, bond);
        const ok = await send(challenger, contracts.stakingPool.address, abis.stakingPool, "challenge", [
          pick(assets).id,
          bond,
          `0x${"ee".repeat(32)}`,
        ]);
        // Challenge ids are sequential from 1.
        if (ok) challenges.push(++challengeCount);
        return ok;
      },
    ],
    [
      1,
      async () =>
        send(0, contracts.licenseManager.address, abis.licenseManager, "withdrawProtocolFees", [
          chance(0.5) ? zeroAddress : contracts.stablecoin.address,
        ]),
    ],
  ];
  const totalWeight = actions.reduce((sum, [weight]) => sum + weight, 0);

  return {
    async run(count) {
      let done = 0;
      for (let i = 0; i < count; i++) {
        const roll = random() * totalWeight;
        let cumulative = 0;
        const action =
          actions.find(([weight]) => {
            cumulative += weight;
            return roll < cumulative;
          })?.[1] ?? (actions[0] as (typeof actions)[0])[1];
        if (await action()) done++;
      }
      return done;
    },
  };
}
