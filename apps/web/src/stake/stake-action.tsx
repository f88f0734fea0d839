import Link from "next/link";
import { ChallengeAction } from "@/challenge/challenge-action";
import { stakeTokenInfo } from "@/server/stake-token";
import { poolTerms } from "@/server/stakes";
import { formatDateTime } from "@/staking/countdown";
import { StakeForm } from "./stake-form";

/** The asset page's Stake control: the form, with the pool's addresses resolved on the server. */
export async function StakeAction({
  chainId,
  assetId,
  assetName,
  openChallenges,
}: {
  chainId: number;
  assetId: string;
  assetName: string;
  openChallenges: number;
}) {
  const [info, terms] = await Promise.all([stakeTokenInfo(), poolTerms()]).catch(() => [null, null] as const);
  if (!info || !terms) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Staking is unavailable right now: Tessera cannot reach the chain. Reload the page in a moment.
      </p>
    );
  }
  return (
    <>
      <StakeForm
        target={{
          chainId,
          assetId,
          assetName,
          stakingPool: info.stakingPool,
          stakeToken: info.stakeToken,
          tokenSymbol: info.symbol,
          tokenDecimals: info.decimals,
        }}
        terms={{
          slashBps: terms.slashBps,
          unbondingDays: Math.round((terms.unbondingDelaySeconds / 86_400) * 10) / 10,
          // The earliest the stake could be back: unstaked in the same block, withdrawn when unbonded.
          unlockAt: formatDateTime(new Date(terms.now.getTime() + terms.unbondingDelaySeconds * 1000)),
        }}
        frozenReason={
          openChallenges > 0
            ? "Staking is paused on this asset while a challenge is open. You can stake again once the arbiter decides."
            : null
        }
      />
      <p className="mt-3 text-sm">
        <Link href="/stakes" className="font-medium text-teal-700 underline dark:text-teal-400">
          Your stakes, rewards and unbonding
        </Link>
      </p>
      <ChallengeAction chainId={chainId} assetId={assetId} assetName={assetName} />
    </>
  );
}
