import type { ReactNode } from "react";
import { formatStake } from "@/lib/money";
import type { AssetDetail } from "@/server/asset-detail";
import { muted, Section } from "./section";

// Who vouches for it with money at risk. Self-contained: Stake / Challenge controls go in `action`.
export function StakeSection({ stake, action }: { stake: AssetDetail["stake"]; action?: ReactNode }) {
  const none = stake.totalStake === "0";
  return (
    <Section id="stake" title="Stake">
      <p className="text-2xl font-semibold" data-testid="stake-total">
        {none ? "Nothing staked" : formatStake(stake.totalStake)}
      </p>
      <p className={`mt-1 text-sm ${muted}`}>
        {none
          ? "No builder or curator has staked on it yet."
          : `Staked by ${stake.stakers} ${stake.stakers === 1 ? "account that vouches" : "accounts that vouch"} for it; a successful challenge slashes part of it.`}
      </p>
      {stake.openChallenges > 0 ? (
        <p className="mt-2 text-sm font-medium text-amber-800 dark:text-amber-200">
          Frozen while{" "}
          {stake.openChallenges === 1 ? "a challenge is" : `${stake.openChallenges} challenges are`} open.
        </p>
      ) : null}
      {action ? <div className="mt-4">{action}</div> : null}
    </Section>
  );
}
