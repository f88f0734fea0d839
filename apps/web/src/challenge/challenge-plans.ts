import type { Address } from "viem";
import type { TxPlan } from "@/tx/use-transaction";

export type ChallengeTarget = {
  chainId: number;
  assetId: string;
  assetName: string;
  stakingPool: Address;
  stakeToken: Address;
  tokenSymbol: string;
  tokenDecimals: number;
  /** The pool's minimum bond, in token units (decimal string). */
  minBond: string;
};

export type Evidence = { file: File; sha256: `0x${string}` };

const load = () => import("./challenge-prepare");

/**
 * Stores the evidence, allows the bond (an EIP-2612 permit signature for exactly the bond, or an
 * exact approval for a token without permit), then opens the challenge with the evidence's sha256.
 */
export function challengePlan(target: ChallengeTarget, bondText: string, evidence: Evidence | null): TxPlan {
  return {
    key: `challenge:${target.chainId}:${target.assetId}`,
    label: `Challenge ${target.assetName} with a ${bondText.trim()} ${target.tokenSymbol} bond`,
    prepare: async (tx) => (await load()).prepareChallenge(target, bondText, evidence, tx),
  };
}

/** The arbiter's verdict on an open challenge (StakingPool.resolve). */
export function resolvePlan(
  challenge: { chainId: number; challengeId: string; assetName: string; stakingPool: Address },
  upheld: boolean,
): TxPlan {
  return {
    key: `resolve:${challenge.chainId}:${challenge.challengeId}:${upheld ? "uphold" : "reject"}`,
    label: `${upheld ? "Uphold" : "Reject"} challenge #${challenge.challengeId} against ${challenge.assetName}`,
    prepare: async () => (await load()).prepareResolve(challenge, upheld),
  };
}

/** Closes a challenge that passed its deadline undecided (StakingPool.lapse); anyone may. */
export function lapsePlan(challenge: {
  chainId: number;
  challengeId: string;
  assetName: string;
  stakingPool: Address;
}): TxPlan {
  return {
    key: `lapse:${challenge.chainId}:${challenge.challengeId}`,
    label: `Close challenge #${challenge.challengeId} against ${challenge.assetName}, past its deadline`,
    prepare: async () => (await load()).prepareLapse(challenge),
  };
}
