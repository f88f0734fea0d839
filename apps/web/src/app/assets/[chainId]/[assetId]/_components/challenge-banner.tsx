import { LapseButton } from "@/challenge/lapse-button";
import { formatDate, shortenHex } from "@/lib/format";
import { formatStake } from "@/lib/money";
import type { AssetDetail } from "@/server/asset-detail";
import { challengeClock } from "@/server/challenges";
import { contracts } from "@/server/deployment";
import { formatDateTime } from "@/staking/countdown";

export async function ChallengeBanner({
  chainId,
  assetName,
  challenges,
}: {
  chainId: number;
  assetName: string;
  challenges: AssetDetail["openChallenges"];
}) {
  const [clock, { StakingPool }] = await Promise.all([
    challengeClock(challenges.map((c) => c.id)),
    contracts(),
  ]);
  return (
    <div
      role="alert"
      data-testid="challenge-banner"
      className="mt-6 rounded-2xl bg-amber-50 p-5 text-amber-950 ring-1 ring-amber-300 dark:bg-amber-400/10 dark:text-amber-100 dark:ring-amber-400/40"
    >
      <h2 className="font-semibold">
        {challenges.length === 1 ? "This asset is being challenged" : `${challenges.length} open challenges`}
      </h2>
      <p className="mt-1 text-sm leading-relaxed">
        Someone has posted a bond claiming a problem with it. Until an arbiter decides, its stake is frozen;
        if the challenge is upheld, part of the stake is slashed. Read the evidence before you rely on it.
      </p>
      <ul className="mt-3 space-y-1 text-sm">
        {challenges.map((c) => (
          <li key={c.id}>
            Challenge #{c.id}, opened {formatDate(c.openedAt)} by{" "}
            <span className="font-mono" title={c.challenger}>
              {shortenHex(c.challenger)}
            </span>{" "}
            with a bond of {formatStake(c.bond)};{" "}
            <a className="underline" href={`/api/evidence/${c.evidenceHash}`}>
              evidence
            </a>{" "}
            (sha256{" "}
            <span className="font-mono break-all" title={c.evidenceHash}>
              {shortenHex(c.evidenceHash, 8, 6)}
            </span>
            ). <Deadline deadline={clock.deadlines.get(c.id)} now={clock.now} />
            {isPast(clock.deadlines.get(c.id), clock.now) ? (
              <div className="mt-2">
                <LapseButton
                  challenge={{ chainId, challengeId: c.id, assetName, stakingPool: StakingPool }}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

const isPast = (deadline: Date | undefined, now: Date) => deadline !== undefined && deadline <= now;

/** When the arbiter must decide by, and what happens once that has passed. */
function Deadline({ deadline, now }: { deadline: Date | undefined; now: Date }) {
  if (!deadline) return null;
  if (!isPast(deadline, now)) {
    return (
      <span data-testid="challenge-deadline">
        An arbiter must decide by {formatDateTime(deadline)}; after that anyone can close it.
      </span>
    );
  }
  return (
    <span data-testid="challenge-deadline">
      Its deadline, {formatDateTime(deadline)}, passed with no decision. Anyone can now close it: nothing is
      slashed, the bond goes to the asset's stakers (to Tessera's treasury if nobody stakes), and the stake is
      free to move again.
    </span>
  );
}
