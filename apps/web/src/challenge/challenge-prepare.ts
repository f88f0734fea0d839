import { stakingPoolAbi, testTokenAbi } from "@tessera/abi/browser";
import { type Address, formatUnits } from "viem";
import { readContract } from "wagmi/actions";
import { EVIDENCE_MAX_BYTES } from "@/lib/api/evidence";
import { authorisePayment } from "@/payment/token-payment";
import { parseStakeAmount } from "@/stake/stake-amount";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import type { ChallengeTarget, Evidence } from "./challenge-plans";

// The challenge's checks, evidence upload and the arbiter's verdict, loaded when a button is pressed.

function bondOf(target: ChallengeTarget, bondText: string): bigint {
  const bond = parseStakeAmount(bondText, target.tokenDecimals, "put up as the bond");
  if (!bond.ok) throw new TxPreconditionError(bond.reason);
  if (bond.value < BigInt(target.minBond)) {
    throw new TxPreconditionError(
      `The bond must be at least ${formatUnits(BigInt(target.minBond), target.tokenDecimals)} ${target.tokenSymbol}.`,
    );
  }
  return bond.value;
}

export async function prepareChallenge(
  target: ChallengeTarget,
  bondText: string,
  evidence: Evidence | null,
  context: TxContext,
): Promise<ContractWrite> {
  const { account, chainId, config } = context;
  const bond = bondOf(target, bondText);
  if (!evidence) throw new TxPreconditionError("Attach the evidence document first.");
  const balance = await readContract(config, {
    address: target.stakeToken,
    abi: testTokenAbi,
    functionName: "balanceOf",
    args: [account],
    chainId,
  });
  if (balance < bond) {
    throw new TxPreconditionError(
      `You hold ${formatUnits(balance, target.tokenDecimals)} ${target.tokenSymbol}, less than the bond. Lower the bond or add ${target.tokenSymbol} to this account.`,
    );
  }
  await storeEvidence(evidence);
  const permit = await authorisePayment(context, {
    token: target.stakeToken,
    spender: target.stakingPool,
    amount: bond,
    symbol: target.tokenSymbol,
    decimals: target.tokenDecimals,
    purpose: "as your challenge bond",
  });
  const pool = { address: target.stakingPool, abi: stakingPoolAbi } as const;
  const args = [BigInt(target.assetId), bond, evidence.sha256] as const;
  if (!permit) return { ...pool, functionName: "challenge", args };
  return {
    ...pool,
    functionName: "challengeWithPermit",
    args: [...args, permit.deadline, permit.v, permit.r, permit.s],
  };
}

/** Uploads the document to Tessera's blob store; the server checks it hashes to what goes on chain. */
async function storeEvidence(evidence: Evidence): Promise<void> {
  if (evidence.file.size > EVIDENCE_MAX_BYTES) {
    throw new TxPreconditionError("The evidence document is larger than 2 MB. Attach a smaller file.");
  }
  const response = await fetch(`/api/evidence?sha256=${evidence.sha256}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: evidence.file,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new TxPreconditionError(problem?.detail ?? "The evidence could not be stored. Try again.", {
      retry: true,
    });
  }
}

export async function prepareResolve(
  challenge: { challengeId: string; stakingPool: Address },
  upheld: boolean,
): Promise<ContractWrite> {
  return {
    address: challenge.stakingPool,
    abi: stakingPoolAbi,
    functionName: "resolve",
    args: [BigInt(challenge.challengeId), upheld],
  };
}

export async function prepareLapse(challenge: {
  challengeId: string;
  stakingPool: Address;
}): Promise<ContractWrite> {
  return {
    address: challenge.stakingPool,
    abi: stakingPoolAbi,
    functionName: "lapse",
    args: [BigInt(challenge.challengeId)],
  };
}

/** The document's sha256 as the chain records it (bytes32). */
export async function sha256Of(file: File): Promise<`0x${string}`> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
  return `0x${[...digest].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}
