import { stakingPoolAbi } from "@tessera/abi";
import { formatDate, shortenHex } from "@/lib/format";
import { formatStake } from "@/lib/money";
import { chainClient } from "@/server/chain";
import { challengesOf, stakersOf } from "@/server/challenges";
import { db } from "@/server/db";
import { stakeTokenInfo } from "@/server/stake-token";
import { ChallengeDisclosure } from "./challenge-disclosure";

/**
 * Under the asset's stake: every decided challenge and what it did to the stake (a slash costs every
 * staker the same fraction), then the control to open a new one.
 */
export async function ChallengeAction({
  chainId,
  assetId,
  assetName,
}: {
  chainId: number;
  assetId: string;
  assetName: string;
}) {
  const [info, history] = await Promise.all([stakeTokenInfo(), challengesOf(db(), chainId, BigInt(assetId))]);
  const minBond = await chainClient().readContract({
    address: info.stakingPool,
    abi: stakingPoolAbi,
    functionName: "minBond",
  });
  const open = history.find((c) => c.status === "OPEN");
  const decided = history.filter((c) => c.status !== "OPEN");
  const lastSlash = decided.find((c) => c.status === "UPHELD");
  const stakers = lastSlash ? await stakersOf(db(), chainId, BigInt(assetId)) : [];
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4 dark:border-slate-800">
      {decided.length > 0 ? (
        <div>
          <h3 className="text-sm font-medium">Challenges decided</h3>
          <ul
            className="mt-1 space-y-1 text-sm text-slate-600 dark:text-slate-300"
            data-testid="challenge-history"
          >
            {decided.map((c) => (
              <li key={c.challengeId} data-status={c.status}>
                #{c.challengeId} ({c.resolvedAt ? formatDate(c.resolvedAt) : "closed"}):{" "}
                {c.status === "UPHELD"
                  ? `upheld. ${formatStake(c.slashed ?? "0")} was slashed: every staker lost ${c.slashBps / 100}% of their stake.`
                  : c.status === "REJECTED"
                    ? `rejected. The challenger's bond, ${formatStake(c.toStakers ?? c.bond)}, went to the stakers.`
                    : `lapsed without a decision. The bond, ${formatStake(c.toStakers ?? c.bond)}, went to the stakers.`}
              </li>
            ))}
          </ul>
          {lastSlash && stakers.length > 0 ? (
            <div className="mt-2 text-sm">
              <p className="font-medium">
                What the latest slash (#{lastSlash.challengeId}) did to each stake
              </p>
              <ul className="mt-1 space-y-0.5 text-slate-600 dark:text-slate-300" data-testid="slash-effect">
                {stakers.map((s) => (
                  <li key={`${s.staker}-${s.unbonding}-${s.value}`}>
                    <span className="font-mono" title={s.staker}>
                      {shortenHex(s.staker)}
                    </span>
                    {s.unbonding ? " (unbonding)" : ""}: {formatStake(s.value)} now, about{" "}
                    {formatStake(lostTo(s.value, lastSlash.slashBps))} slashed
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <ChallengeDisclosure
        target={{
          chainId,
          assetId,
          assetName,
          stakingPool: info.stakingPool,
          stakeToken: info.stakeToken,
          tokenSymbol: info.symbol,
          tokenDecimals: info.decimals,
          minBond: minBond.toString(),
        }}
        blocked={
          open
            ? `Challenge #${open.challengeId} is open: an asset has one challenge at a time. Its evidence goes to the arbiter; a new challenge can be opened once it is decided.`
            : null
        }
      />
    </div>
  );
}

/** What a slash of `bps` took from a stake worth `now` after it (before it, the stake was now / (1 - bps)). */
function lostTo(now: string, bps: number): string {
  return ((BigInt(now) * BigInt(bps)) / BigInt(10_000 - bps)).toString();
}
