// A seeded random marketplace on a test chain: registrations with splits and lineage, versions,
// offers in ETH and tUSD, purchases, renewals, seats, license and share transfers, royalty claims,
// staking, unstaking and withdrawals, curator reward claims, challenges and their resolutions or lapses, fee
// withdrawals. Every contract event the indexer projects occurs.
//
// Each action has a name and is counted (done / reverted / nothing to do). An action whose
// preconditions fail on chain reverts in viem's simulation before anything is sent, so any seed gives
// a valid history; any other failure (a wrong argument, a node error) is thrown, never swallowed.
// Calls are typed by the generated ABIs, so a misspelt function or argument fails the type check.
// Ids of what an action created are read from its receipt's events, not counted: after a revert of
// the chain the workload's bookkeeping is restored with it (save/restore).
import {
  assetRegistryAbi,
  licenseManagerAbi,
  royaltySharesAbi,
  stakingPoolAbi,
  testTokenAbi,
} from "@tessera/abi";
import {
  type Account,
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  type Hash,
  type PublicClient,
  parseEventLogs,
  type TransactionReceipt,
  type WalletClient,
  zeroAddress,
} from "viem";
import { seededRandom } from "./random.ts";

export type Contracts = {
  assetRegistry: { address: Address };
  royaltyShares: { address: Address };
  licenseManager: { address: Address };
  stakingPool: { address: Address };
  stakeToken: { address: Address };
  stablecoin: { address: Address };
};

type Outcome = "done" | "reverted" | "idle";
export type ActionCounts = Record<Outcome, number>;

type Offer = { id: bigint; currency: Address; price: bigint; periodic: boolean; transferable: boolean };
type License = { id: bigint; offer: Offer; holder: Address; seats: number; delegates: Address[] };
type State = {
  assets: { id: bigint; owner: Address; holders: Address[] }[];
  offers: Offer[];
  licenses: License[];
  entries: { id: bigint; staker: Address }[];
  stakes: { assetId: bigint; staker: number }[];
  challenges: bigint[];
};

export type Workload = {
  /** Runs `count` random actions; returns how many went through. */
  run(count: number): Promise<number>;
  /** Runs one random action that mines at most one block, until one does: a chain exactly one block
   *  longer (for reorganisations of an exact depth). */
  runOneBlock(): Promise<void>;
  /** Per action: done, reverted on chain (skipped), or nothing to do yet. */
  counts(): Record<string, ActionCounts>;
  /** The bookkeeping of what exists on chain, to restore after `evm_revert` to the same point. */
  save(): unknown;
  restore(saved: unknown): void;
};

type Action = {
  name: string;
  weight: number;
  /** Mines at most one block (one transaction, no token approvals or clock moves before it). */
  singleBlock: boolean;
  run(): Promise<Outcome>;
};

export function createWorkload(options: {
  seed: number;
  publicClient: PublicClient;
  wallets: WalletClient[];
  contracts: Contracts;
  /** Advances the chain's clock (unbonding, expiry); mines a block. */
  increaseTime: (seconds: number) => Promise<void>;
}): Workload {
  const { publicClient, wallets, contracts } = options;
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const amount = (max: number) => BigInt(1 + Math.floor(random() * max));
  const accounts = wallets.map((w) => w.account?.address as Address);
  const accountOf = (index: number) => wallets[index]?.account as Account;
  const indexOf = (account: Address) => accounts.indexOf(account);
  let state: State = { assets: [], offers: [], licenses: [], entries: [], stakes: [], challenges: [] };
  const counts: Record<string, ActionCounts> = {};

  /** Sends a simulated call; null when the contract reverts it (a precondition the random walk missed). */
  async function send(
    walletIndex: number,
    simulate: (account: Account) => Promise<{ request: unknown }>,
  ): Promise<TransactionReceipt | null> {
    const wallet = wallets[walletIndex] as WalletClient;
    let request: unknown;
    try {
      ({ request } = await simulate(accountOf(walletIndex)));
    } catch (error) {
      if (error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError))
        return null;
      throw error;
    }
    // simulateContract's request is exactly writeContract's parameters.
    const hash: Hash = await wallet.writeContract(request as Parameters<WalletClient["writeContract"]>[0]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success")
      throw new Error(`transaction ${hash} reverted after its simulation passed`);
    return receipt;
  }
  const outcome = (receipt: TransactionReceipt | null): Outcome => (receipt ? "done" : "reverted");

  /** Mints `value` of a faucet token to the wallet and lets `spender` take it (two blocks). */
  async function fund(which: "stake" | "usd", walletIndex: number, spender: Address, value: bigint) {
    const address = which === "stake" ? contracts.stakeToken.address : contracts.stablecoin.address;
    const minted = await send(walletIndex, (account) =>
      publicClient.simulateContract({
        account,
        address,
        abi: testTokenAbi,
        functionName: "mint",
        args: [accounts[walletIndex] as Address, value],
      }),
    );
    const approved = await send(walletIndex, (account) =>
      publicClient.simulateContract({
        account,
        address,
        abi: testTokenAbi,
        functionName: "approve",
        args: [spender, value],
      }),
    );
    if (!minted || !approved) throw new Error(`faucet ${which} refused to mint or approve`);
  }

  async function purchase(usd: boolean): Promise<Outcome> {
    const offers = state.offers.filter((o) => (o.currency !== zeroAddress) === usd);
    if (offers.length === 0) return "idle";
    const offer = pick(offers);
    const buyer = 8 + Math.floor(random() * 6);
    const seats = 1 + Math.floor(random() * 3);
    const total = offer.price * BigInt(seats);
    if (usd) await fund("usd", buyer, contracts.licenseManager.address, total);
    const receipt = await send(buyer, (account) =>
      publicClient.simulateContract({
        account,
        address: contracts.licenseManager.address,
        abi: licenseManagerAbi,
        functionName: "purchase",
        args: [offer.id, seats, 1, accounts[buyer] as Address, total],
        value: usd ? 0n : total,
      }),
    );
    for (const { args } of receipt
      ? parseEventLogs({ abi: licenseManagerAbi, eventName: "LicensePurchased", logs: receipt.logs })
      : []) {
      const { licenseId } = args;
      state.licenses.push({ id: licenseId, offer, holder: accounts[buyer] as Address, seats, delegates: [] });
    }
    return outcome(receipt);
  }

  async function renew(usd: boolean): Promise<Outcome> {
    const license = state.licenses.find(
      (l) => l.offer.periodic && (l.offer.currency !== zeroAddress) === usd && chance(0.5),
    );
    if (!license) return "idle";
    const payer = indexOf(license.holder);
    const total = license.offer.price * BigInt(license.seats);
    if (usd) await fund("usd", payer, contracts.licenseManager.address, total);
    return outcome(
      await send(payer, (account) =>
        publicClient.simulateContract({
          account,
          address: contracts.licenseManager.address,
          abi: licenseManagerAbi,
          functionName: "renew",
          args: [license.id, 1],
          value: usd ? 0n : total,
        }),
      ),
    );
  }

  const actions: Action[] = [
    {
      name: "register",
      weight: 4,
      singleBlock: true,
      async run() {
        const builder = Math.floor(random() * 4);
        const holders = [...new Set([accounts[builder] as Address, pick(accounts.slice(0, 8))])];
        const split = holders.map((holder, i) => ({
          holder,
          shares: i === 0 ? 1_000_000n - BigInt(holders.length - 1) * 250_000n : 250_000n,
        }));
        const parents =
          state.assets.length > 0 && chance(0.4) ? [{ assetId: pick(state.assets).id, bps: 500 }] : [];
        const hash = `0x${Math.floor(random() * 2 ** 32)
          .toString(16)
          .padStart(64, "0")}` as const;
        const kind = chance(0.3) ? 1 : 0;
        const receipt = await send(builder, (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.assetRegistry.address,
            abi: assetRegistryAbi,
            functionName: "register",
            args: [kind, `tessera://card/${hash.slice(2, 10)}`, hash, split, parents],
          }),
        );
        for (const { args } of receipt
          ? parseEventLogs({ abi: assetRegistryAbi, eventName: "AssetRegistered", logs: receipt.logs })
          : []) {
          const { assetId } = args;
          state.assets.push({ id: assetId, owner: accounts[builder] as Address, holders });
        }
        return outcome(receipt);
      },
    },
    {
      name: "publishVersion",
      weight: 1,
      singleBlock: true,
      async run() {
        if (state.assets.length === 0) return "idle";
        const asset = pick(state.assets);
        return outcome(
          await send(indexOf(asset.owner), (account) =>
            publicClient.simulateContract({
              account,
              address: contracts.assetRegistry.address,
              abi: assetRegistryAbi,
              functionName: "publishVersion",
              args: [asset.id, `0x${"ab".repeat(32)}`, "tessera://card/v2"],
            }),
          ),
        );
      },
    },
    {
      name: "createOffer",
      weight: 3,
      singleBlock: true,
      async run() {
        if (state.assets.length === 0) return "idle";
        const asset = pick(state.assets);
        const currency = chance(0.5) ? zeroAddress : contracts.stablecoin.address;
        const price = currency === zeroAddress ? amount(1e6) * 1_000_000_000n : amount(1e9);
        const periodic = chance(0.6);
        const transferable = chance(0.5);
        const receipt = await send(indexOf(asset.owner), (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.licenseManager.address,
            abi: licenseManagerAbi,
            functionName: "createOffer",
            args: [
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
          }),
        );
        for (const { args } of receipt
          ? parseEventLogs({ abi: licenseManagerAbi, eventName: "OfferCreated", logs: receipt.logs })
          : []) {
          const { offerId } = args;
          state.offers.push({ id: offerId, currency, price, periodic, transferable });
        }
        return outcome(receipt);
      },
    },
    { name: "purchaseEth", weight: 3, singleBlock: true, run: () => purchase(false) },
    { name: "purchaseUsd", weight: 3, singleBlock: false, run: () => purchase(true) },
    { name: "renewEth", weight: 0.5, singleBlock: true, run: () => renew(false) },
    { name: "renewUsd", weight: 0.5, singleBlock: false, run: () => renew(true) },
    {
      name: "delegateOrRevokeSeat",
      weight: 2,
      singleBlock: true,
      async run() {
        if (state.licenses.length === 0) return "idle";
        const license = pick(state.licenses);
        if (license.delegates.length > 0 && chance(0.4)) {
          const seat = license.delegates.at(-1) as Address;
          const receipt = await send(indexOf(license.holder), (account) =>
            publicClient.simulateContract({
              account,
              address: contracts.licenseManager.address,
              abi: licenseManagerAbi,
              functionName: "revokeSeat",
              args: [license.id, seat],
            }),
          );
          if (receipt) license.delegates.pop();
          return outcome(receipt);
        }
        const seat = pick(accounts.slice(14));
        const receipt = await send(indexOf(license.holder), (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.licenseManager.address,
            abi: licenseManagerAbi,
            functionName: "delegateSeat",
            args: [license.id, seat],
          }),
        );
        if (receipt) license.delegates.push(seat);
        return outcome(receipt);
      },
    },
    {
      name: "transferLicense",
      weight: 1,
      singleBlock: true,
      async run() {
        const license = state.licenses.find((l) => l.offer.transferable && chance(0.5));
        if (!license) return "idle";
        const to = pick(accounts.slice(8, 14));
        const receipt = await send(indexOf(license.holder), (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.licenseManager.address,
            abi: licenseManagerAbi,
            functionName: "transferFrom",
            args: [license.holder, to, license.id],
          }),
        );
        if (receipt) {
          license.holder = to;
          license.delegates = [];
        }
        return outcome(receipt);
      },
    },
    {
      name: "transferShares",
      weight: 2,
      singleBlock: true,
      async run() {
        if (state.assets.length === 0) return "idle";
        const asset = pick(state.assets);
        const from = pick(asset.holders);
        const to = pick(accounts.slice(0, 8));
        const receipt = await send(indexOf(from), (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.royaltyShares.address,
            abi: royaltySharesAbi,
            functionName: "safeTransferFrom",
            args: [from, to, asset.id, amount(100_000), "0x"],
          }),
        );
        if (receipt && !asset.holders.includes(to)) asset.holders.push(to);
        return outcome(receipt);
      },
    },
    {
      name: "claimRoyalties",
      weight: 3,
      singleBlock: true,
      async run() {
        const holder = pick(accounts.slice(0, 8));
        const mine = state.assets.filter((a) => a.holders.includes(holder)).map((a) => a.id);
        if (mine.length === 0) return "idle";
        return outcome(
          await send(indexOf(holder), (account) =>
            publicClient.simulateContract({
              account,
              address: contracts.royaltyShares.address,
              abi: royaltySharesAbi,
              functionName: "claim",
              args: [mine.slice(0, 4), [zeroAddress, contracts.stablecoin.address], holder],
            }),
          ),
        );
      },
    },
    {
      name: "stake",
      weight: 2,
      singleBlock: false,
      async run() {
        if (state.assets.length === 0) return "idle";
        const staker = 4 + Math.floor(random() * 4);
        const value = amount(1_000) * 10n ** 18n;
        const assetId = pick(state.assets).id;
        await fund("stake", staker, contracts.stakingPool.address, value);
        const receipt = await send(staker, (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.stakingPool.address,
            abi: stakingPoolAbi,
            functionName: "stake",
            args: [assetId, value],
          }),
        );
        if (receipt) state.stakes.push({ assetId, staker });
        return outcome(receipt);
      },
    },
    {
      name: "unstake",
      weight: 1,
      singleBlock: true,
      async run() {
        if (state.stakes.length === 0) return "idle";
        const { assetId, staker } = pick(state.stakes);
        const receipt = await send(staker, (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.stakingPool.address,
            abi: stakingPoolAbi,
            functionName: "unstake",
            args: [assetId, amount(100) * 10n ** 18n],
          }),
        );
        for (const { args } of receipt
          ? parseEventLogs({ abi: stakingPoolAbi, eventName: "UnstakeStarted", logs: receipt.logs })
          : []) {
          const { entryId } = args;
          state.entries.push({ id: entryId, staker: accounts[staker] as Address });
        }
        return outcome(receipt);
      },
    },
    {
      name: "withdrawUnbonded",
      weight: 1,
      singleBlock: false,
      async run() {
        const entry = state.entries.shift();
        if (!entry) return "idle";
        await options.increaseTime(8 * 24 * 3600);
        return outcome(
          await send(indexOf(entry.staker), (account) =>
            publicClient.simulateContract({
              account,
              address: contracts.stakingPool.address,
              abi: stakingPoolAbi,
              functionName: "withdraw",
              args: [entry.id],
            }),
          ),
        );
      },
    },
    {
      name: "claimCuratorRewards",
      weight: 1,
      singleBlock: true,
      async run() {
        if (state.stakes.length === 0) return "idle";
        const { staker } = pick(state.stakes);
        const assetIds = [...new Set(state.stakes.filter((s) => s.staker === staker).map((s) => s.assetId))];
        return outcome(
          await send(staker, (account) =>
            publicClient.simulateContract({
              account,
              address: contracts.stakingPool.address,
              abi: stakingPoolAbi,
              functionName: "claimRewards",
              args: [
                assetIds.slice(0, 4),
                [zeroAddress, contracts.stablecoin.address],
                accounts[staker] as Address,
              ],
            }),
          ),
        );
      },
    },
    {
      name: "challengeOrResolve",
      weight: 1,
      singleBlock: false,
      async run() {
        if (state.assets.length === 0) return "idle";
        if (state.challenges.length > 0 && chance(0.6)) {
          const challengeId = state.challenges.shift() as bigint;
          const { deadline } = await publicClient.readContract({
            address: contracts.stakingPool.address,
            abi: stakingPoolAbi,
            functionName: "challengeOf",
            args: [challengeId],
          });
          // Sometimes the arbiter lets the deadline pass, and then anyone can lapse the challenge. Close
          // to the deadline it always does, so that no resolution simulated before the deadline is
          // mined after it.
          const { timestamp } = await publicClient.getBlock();
          const lapsed = timestamp + 60n >= deadline || chance(0.3);
          if (lapsed && timestamp < deadline) await options.increaseTime(Number(deadline - timestamp));
          return outcome(
            await send(0, (account) =>
              lapsed
                ? publicClient.simulateContract({
                    account,
                    address: contracts.stakingPool.address,
                    abi: stakingPoolAbi,
                    functionName: "lapse",
                    args: [challengeId],
                  })
                : publicClient.simulateContract({
                    account,
                    address: contracts.stakingPool.address,
                    abi: stakingPoolAbi,
                    functionName: "resolve",
                    args: [challengeId, chance(0.5)],
                  }),
            ),
          );
        }
        const challenger = 14 + Math.floor(random() * 4);
        const bond = 100n * 10n ** 18n;
        await fund("stake", challenger, contracts.stakingPool.address, bond);
        const receipt = await send(challenger, (account) =>
          publicClient.simulateContract({
            account,
            address: contracts.stakingPool.address,
            abi: stakingPoolAbi,
            functionName: "challenge",
            args: [pick(state.assets).id, bond, `0x${"ee".repeat(32)}`],
          }),
        );
        for (const { args } of receipt
          ? parseEventLogs({ abi: stakingPoolAbi, eventName: "ChallengeOpened", logs: receipt.logs })
          : []) {
          state.challenges.push(args.challengeId);
        }
        return outcome(receipt);
      },
    },
    {
      name: "withdrawProtocolFees",
      weight: 1,
      singleBlock: true,
      async run() {
        const currency = chance(0.5) ? zeroAddress : contracts.stablecoin.address;
        return outcome(
          await send(0, (account) =>
            publicClient.simulateContract({
              account,
              address: contracts.licenseManager.address,
              abi: licenseManagerAbi,
              functionName: "withdrawProtocolFees",
              args: [currency],
            }),
          ),
        );
      },
    },
  ];
  for (const action of actions) counts[action.name] = { done: 0, reverted: 0, idle: 0 };

  async function runOne(pool: readonly Action[]): Promise<Outcome> {
    const total = pool.reduce((sum, a) => sum + a.weight, 0);
    const roll = random() * total;
    let cumulative = 0;
    const action =
      pool.find((a) => {
        cumulative += a.weight;
        return cumulative > roll;
      }) ?? (pool[0] as Action);
    const result = await action.run();
    (counts[action.name] as ActionCounts)[result]++;
    return result;
  }

  return {
    async run(count) {
      let done = 0;
      for (let i = 0; i < count; i++) if ((await runOne(actions)) === "done") done++;
      return done;
    },
    async runOneBlock() {
      const single = actions.filter((a) => a.singleBlock);
      while ((await runOne(single)) !== "done");
    },
    counts: () => structuredClone(counts),
    save: () => structuredClone(state),
    restore(saved) {
      state = structuredClone(saved as State);
    },
  };
}

/** `name done/reverted/idle` per action, for a test's output. */
export function formatCounts(counts: Record<string, ActionCounts>): string {
  return Object.entries(counts)
    .map(([name, c]) => `${name} ${c.done}/${c.reverted}/${c.idle}`)
    .join(", ");
}
