import { stakeTokenInfo } from "@/server/stake-token";
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
  const info = await stakeTokenInfo().catch(() => null);
  if (!info) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Staking is unavailable right now: Tessera cannot reach the chain. Reload the page in a moment.
      </p>
    );
  }
  return (
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
      frozenReason={
        openChallenges > 0
          ? "Staking is paused on this asset while a challenge is open. You can stake again once the arbiter decides."
          : null
      }
    />
  );
}
