import "server-only";
import { stakingPoolAbi } from "@tessera/abi";
import type { PrismaClient } from "@tessera/db";
import { getAddress } from "viem";
import { currencySymbol, formatAmount, formatStake } from "@/lib/money";
import { assetNames } from "./asset-names";
import { chainClient } from "./chain";
import { contracts } from "./deployment";
import { rewardCurrencies, stakeHistory, stakesOf, unbondingOf } from "./stakes-sql";

export type PoolTerms = {
  /** The chain's clock (latest block), not the server's: they differ on a test chain. */
  now: Date;
  unbondingDelaySeconds: number;
  slashBps: number;
};

/** The pool's terms now, read from the chain (an admin can change them; nothing caches them). */
export async function poolTerms(): Promise<PoolTerms> {
  const { StakingPool } = await contracts();
  const client = chainClient();
  const pool = { address: StakingPool, abi: stakingPoolAbi } as const;
  const [block, delay, slash] = await Promise.all([
    client.getBlock({ blockTag: "latest" }),
    client.readContract({ ...pool, functionName: "unbondingDelay" }),
    client.readContract({ ...pool, functionName: "slashBps" }),
  ]);
  return {
    now: new Date(Number(block.timestamp) * 1000),
    unbondingDelaySeconds: Number(delay),
    slashBps: slash,
  };
}

export async function getStakes(db: PrismaClient, chainId: number, staker: string) {
  const [stakes, entries, history] = await Promise.all([
    stakesOf(db, chainId, staker),
    unbondingOf(db, chainId, staker),
    stakeHistory(db, chainId, staker),
  ]);
  const ids = [...new Set([...stakes, ...entries, ...history].map((r) => r.assetId))];
  const [names, currencies] = await Promise.all([
    assetNames(db, chainId, ids),
    rewardCurrencies(
      db,
      chainId,
      stakes.map((s) => s.assetId),
    ),
  ]);
  const name = (id: bigint) => names.get(id.toString())?.name ?? `Asset #${id}`;
  // Pending rewards live in the pool's accumulators (reward debts are not projected): read them from
  // the chain for the few (asset, currency) pairs this staker can have rewards in.
  const { StakingPool, StakeToken } = await contracts();
  // A rejected challenge's bond reaches stakers as a reward in the stake token, besides sales' ETH and tUSD.
  const money = (currency: string, amount: string) =>
    currency.toLowerCase() === StakeToken.toLowerCase()
      ? { symbol: "TSTK", shown: formatStake(amount) }
      : { symbol: currencySymbol(currency), shown: formatAmount(amount, currencySymbol(currency), 6) };
  const pending = await Promise.all(
    currencies.map(async (c) => ({
      ...c,
      pending: await chainClient().readContract({
        address: StakingPool,
        abi: stakingPoolAbi,
        functionName: "pendingRewards",
        args: [c.assetId, getAddress(c.currency), getAddress(staker)],
      }),
    })),
  );
  return {
    stakes: stakes.map((s) => ({
      assetId: s.assetId.toString(),
      name: name(s.assetId),
      shares: s.shares,
      value: s.value,
      frozen: s.openChallenges > 0,
      rewards: pending
        .filter((p) => p.assetId === s.assetId)
        .map((p) => ({
          currency: p.currency,
          pending: p.pending.toString(),
          ...money(p.currency, p.pending.toString()),
        })),
    })),
    entries: entries.map((e) => ({
      entryId: e.entryId,
      assetId: e.assetId.toString(),
      name: name(e.assetId),
      amount: e.amount,
      value: e.value,
      releaseAt: e.releaseAt,
      frozen: e.openChallenges > 0,
    })),
    history: history.map((h) => ({
      at: h.at,
      kind: h.kind,
      assetId: h.assetId.toString(),
      name: name(h.assetId),
      amount: h.amount,
      shown: h.currency ? money(h.currency, h.amount).shown : formatStake(h.amount),
      detail: h.detail,
    })),
    /** Pending rewards per currency, summed over assets: "0.0025 ETH and 12 TSTK". */
    rewardsSummary: summarise(
      pending.map((p) => ({ currency: p.currency, amount: p.pending })),
      money,
    ),
    claim: {
      assetIds: pending.filter((p) => p.pending > 0n).map((p) => p.assetId.toString()),
      currencies: pending.filter((p) => p.pending > 0n).map((p) => getAddress(p.currency)),
    },
  };
}

export type Stakes = Awaited<ReturnType<typeof getStakes>>;

function summarise(
  rows: Array<{ currency: string; amount: bigint }>,
  money: (currency: string, amount: string) => { shown: string },
): string {
  const totals = new Map<string, bigint>();
  for (const r of rows)
    totals.set(r.currency.toLowerCase(), (totals.get(r.currency.toLowerCase()) ?? 0n) + r.amount);
  return [...totals]
    .filter(([, v]) => v > 0n)
    .map(([c, v]) => money(c, v.toString()).shown)
    .join(" and ");
}
