import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { Address } from "viem";
import { LapseButton } from "@/challenge/lapse-button";
import { ResolveButtons } from "@/challenge/resolve-buttons";
import { assetHref } from "@/lib/asset-href";
import { formatDate, shortenHex } from "@/lib/format";
import { formatStake } from "@/lib/money";
import { RefreshOnSignIn } from "@/royalties/refresh-on-sign-in";
import { currentSession } from "@/server/auth/sessions";
import { challengeClock, openChallenges } from "@/server/challenges";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";
import { isArbiter } from "@/server/roles";
import { stakeTokenInfo } from "@/server/stake-token";
import { formatDateTime } from "@/staking/countdown";

export const metadata: Metadata = { title: "Arbiter" };

const card = "rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

export default async function ArbiterPage() {
  await connection();
  const session = await currentSession(db());
  const arbiter = session ? await isArbiter(session.address) : false;
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:px-6">
      <RefreshOnSignIn renderedFor={session?.address.toLowerCase() ?? null} />
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Arbiter</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">
          Challenges waiting for a decision. Read the evidence, then uphold (part of the stake is slashed) or
          reject (the bond goes to the stakers).
        </p>
      </header>
      {!session ? (
        <p className={card} data-testid="arbiter-sign-in">
          Sign in with the arbiter's account to decide challenges: connect your wallet at the top right, then
          choose “Sign in” in its menu.
        </p>
      ) : !arbiter ? (
        <p className={card} data-testid="arbiter-not-allowed">
          The signed-in account does not hold the arbiter role on chain, so it cannot decide challenges. Sign
          in with an arbiter's account; the contract refuses verdicts from any other.
        </p>
      ) : (
        <Queue />
      )}
    </div>
  );
}

async function Queue() {
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const [challenges, token] = await Promise.all([openChallenges(db(), chainId), stakeTokenInfo()]);
  const clock = await challengeClock(challenges.map((c) => c.challengeId));
  if (challenges.length === 0) {
    return (
      <p className={card} data-testid="arbiter-empty">
        No challenge is waiting for a decision.
      </p>
    );
  }
  return (
    <ul className="space-y-4" data-testid="arbiter-queue">
      {challenges.map((c) => (
        <li key={c.challengeId} className={card} data-testid={`challenge-${c.challengeId}`}>
          <h2 className="font-semibold">
            Challenge #{c.challengeId} against{" "}
            <Link href={assetHref(chainId, c.assetId)} className="underline">
              {c.assetName}
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            Opened {formatDate(c.openedAt)} by <span className="font-mono">{shortenHex(c.challenger)}</span>{" "}
            with a bond of {formatStake(c.bond)}. Upholding slashes {c.slashBps / 100}% of the{" "}
            {formatStake(c.totalStake)} staked on it.
          </p>
          <p className="mt-1 text-sm">
            <a
              className="font-medium text-teal-700 underline dark:text-teal-400"
              href={`/api/evidence/${c.evidenceHash}`}
            >
              Download the evidence
            </a>{" "}
            <span className="break-all font-mono text-xs text-slate-500">(sha256 {c.evidenceHash})</span>
          </p>
          <Verdict
            deadline={clock.deadlines.get(c.challengeId)}
            now={clock.now}
            challenge={{
              chainId,
              challengeId: c.challengeId,
              assetName: c.assetName,
              stakingPool: token.stakingPool,
            }}
          />
        </li>
      ))}
    </ul>
  );
}

/** The verdict buttons while the deadline is ahead; once it has passed, only closing is possible. */
function Verdict({
  deadline,
  now,
  challenge,
}: {
  deadline: Date | undefined;
  now: Date;
  challenge: { chainId: number; challengeId: string; assetName: string; stakingPool: Address };
}) {
  if (deadline && deadline <= now) {
    return (
      <div className="mt-3 space-y-2">
        <p className="text-sm" data-testid="challenge-deadline">
          The deadline, {formatDateTime(deadline)}, has passed: the contract no longer accepts a verdict.
          Close it instead: nothing is slashed and the bond goes to the stakers (to Tessera's treasury if
          nobody stakes).
        </p>
        <LapseButton challenge={challenge} />
      </div>
    );
  }
  return (
    <div className="mt-3 space-y-2">
      {deadline ? (
        <p className="text-sm" data-testid="challenge-deadline">
          Decide by {formatDateTime(deadline)}; after that it can only be closed without a verdict.
        </p>
      ) : null}
      <ResolveButtons challenge={challenge} />
    </div>
  );
}
