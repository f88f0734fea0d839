import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getAddress } from "viem";
import { assetHref } from "@/lib/asset-href";
import { formatDate } from "@/lib/format";
import { formatStake } from "@/lib/money";
import { RefreshOnSignIn } from "@/royalties/refresh-on-sign-in";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";
import { stakeTokenInfo } from "@/server/stake-token";
import { getStakes, poolTerms } from "@/server/stakes";
import { formatDateTime, timeLeft } from "@/staking/countdown";
import { ClaimRewardsButton, UnstakeForm, WithdrawButton } from "@/staking/staking-controls";
import type { StakerContext } from "@/staking/staking-plans";

export const metadata: Metadata = { title: "Stakes" };

const card = "rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";
const muted = "text-slate-600 dark:text-slate-400";

export default async function StakesPage() {
  await connection();
  const session = await currentSession(db());
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:px-6">
      <RefreshOnSignIn renderedFor={session?.address.toLowerCase() ?? null} />
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Stakes</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">
          The models you vouch for with stake: what it is worth, the rewards it earned, and stake on its way
          out.
        </p>
      </header>
      {session ? (
        <Dashboard staker={getAddress(session.address)} />
      ) : (
        <p className={`${card} text-slate-700 dark:text-slate-200`} data-testid="stakes-sign-in">
          Sign in to see your stakes: connect your wallet at the top right, then choose “Sign in” in its menu.
          Signing in is free and sends nothing.
        </p>
      )}
    </div>
  );
}

async function Dashboard({ staker }: { staker: `0x${string}` }) {
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const [stakes, terms, token] = await Promise.all([
    getStakes(db(), chainId, staker),
    poolTerms(),
    stakeTokenInfo(),
  ]);
  const ctx: StakerContext = {
    chainId,
    stakingPool: token.stakingPool,
    staker,
    tokenSymbol: token.symbol,
    tokenDecimals: token.decimals,
  };
  const summary = stakes.rewardsSummary;
  return (
    <>
      <p className={`text-sm ${muted}`}>
        Signed in as <span className="font-mono break-all">{staker}</span>. Chain time now:{" "}
        {formatDateTime(terms.now)}.
      </p>
      <section aria-labelledby="active-title" className="space-y-4">
        <h2 id="active-title" className="text-lg font-semibold tracking-tight">
          Active stake
        </h2>
        <div className="space-y-2">
          <p className="text-sm" data-testid="rewards-summary">
            {summary
              ? `Curator rewards ready to claim: ${summary}.`
              : "No curator rewards to claim right now."}
          </p>
          <ClaimRewardsButton ctx={ctx} pairs={stakes.claim} summary={summary || "rewards"} />
        </div>
        {stakes.stakes.length === 0 ? (
          <p className={`text-sm ${muted}`}>
            You have no active stake. Stake on a model from its page to vouch for it and share its curator
            rewards.
          </p>
        ) : (
          <ul className="space-y-4">
            {stakes.stakes.map((s) => (
              <li key={s.assetId} className={card} data-testid={`stake-${s.assetId}`}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="font-semibold">
                    <Link href={assetHref(chainId, s.assetId)} className="hover:underline">
                      {s.name}
                    </Link>
                  </h3>
                  <p className="text-sm" data-testid="stake-value" data-base={s.value}>
                    {formatStake(s.value)} staked
                  </p>
                </div>
                <p className={`mt-1 text-sm ${muted}`}>
                  {s.rewards.length === 0
                    ? "No rewards yet: this asset has not paid curators."
                    : `Rewards ready: ${s.rewards.map((r) => r.shown).join(", ")}.`}{" "}
                  A challenge upheld against it slashes {terms.slashBps / 100}% of it.
                </p>
                <div className="mt-3">
                  <UnstakeForm
                    ctx={ctx}
                    asset={{ assetId: s.assetId, name: s.name, value: s.value, shown: formatStake(s.value) }}
                  />
                  <p className={`mt-2 text-xs ${muted}`}>
                    Unstaked stake stops earning at once, stays at risk while it unbonds, and can be withdrawn{" "}
                    {timeLeft(new Date(0), new Date(terms.unbondingDelaySeconds * 1000))} later: unstaking
                    now, on{" "}
                    {formatDateTime(new Date(terms.now.getTime() + terms.unbondingDelaySeconds * 1000))}.
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="unbonding-title" className="space-y-4">
        <h2 id="unbonding-title" className="text-lg font-semibold tracking-tight">
          Unbonding
        </h2>
        {stakes.entries.length === 0 ? (
          <p className={`text-sm ${muted}`}>Nothing is unbonding.</p>
        ) : (
          <ul className="space-y-4">
            {stakes.entries.map((e) => {
              const ready = e.releaseAt.getTime() <= terms.now.getTime();
              const reason = e.frozen
                ? "This asset is under challenge: withdrawals wait until the arbiter decides, so stake cannot escape a slash."
                : ready
                  ? null
                  : `It unlocks on ${formatDateTime(e.releaseAt)}.`;
              return (
                <li key={e.entryId} className={card} data-testid={`entry-${e.entryId}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-semibold">{e.name}</h3>
                    <p className="text-sm" data-testid="entry-status">
                      {ready ? "Ready to withdraw" : `Unlocks in ${timeLeft(terms.now, e.releaseAt)}`}
                    </p>
                  </div>
                  <p className={`mt-1 text-sm ${muted}`}>
                    {formatStake(e.value)} now (you unstaked {formatStake(e.amount)}).{" "}
                    {ready ? "" : "Still at risk: a challenge upheld before you withdraw slashes it too."}
                  </p>
                  <div className="mt-3">
                    <WithdrawButton
                      ctx={ctx}
                      entry={{ entryId: e.entryId, name: e.name, shown: formatStake(e.value) }}
                      disabledReason={reason}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-lg font-semibold tracking-tight">
          History
        </h2>
        {stakes.history.length === 0 ? (
          <p className={`text-sm ${muted}`}>No claims, withdrawals or challenge decisions yet.</p>
        ) : (
          <ul className={`space-y-1 text-sm ${muted}`} data-testid="stake-history">
            {stakes.history.map((h) => (
              <li key={`${h.kind}-${h.assetId}-${h.at?.toISOString() ?? ""}-${h.amount}`} data-kind={h.kind}>
                {h.at ? `${formatDate(h.at)}: ` : ""}
                {h.kind === "CLAIMED"
                  ? `claimed ${h.shown} of rewards from ${h.name}`
                  : h.kind === "WITHDRAWN"
                    ? `withdrew ${formatStake(h.amount)} from ${h.name}`
                    : h.kind === "SLASHED"
                      ? `a challenge against ${h.name} was upheld: ${formatStake(h.amount)} of its stake was slashed (${Number(h.detail) / 100}% of every stake on it, yours included)`
                      : `a challenge against ${h.name} was rejected: its bond, ${formatStake(h.amount)}, went to the stakers`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
