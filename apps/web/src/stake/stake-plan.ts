import { permitTypedData, stakingPoolAbi, testTokenAbi } from "@tessera/abi/browser";
import { type Address, formatUnits, parseSignature, parseUnits } from "viem";
import { getBlock, readContract } from "wagmi/actions";
import { type TxPlan, TxPreconditionError } from "@/tx/use-transaction";

export type StakeTarget = {
  chainId: number;
  assetId: string;
  assetName: string;
  stakingPool: Address;
  stakeToken: Address;
  tokenSymbol: string;
  tokenDecimals: number;
};

/** How long the permit signature stays usable: long enough to confirm, short enough to be harmless. */
const PERMIT_LIFETIME_S = 30 * 60;

/** The amount the person typed, in token units; a sentence when it is not a positive number. */
export function parseStakeAmount(
  text: string,
  decimals: number,
): { ok: true; value: bigint } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: "Enter how much to stake." };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, reason: "Enter a number, like 100 or 12.5." };
  const [, fraction = ""] = trimmed.split(".");
  if (fraction.length > decimals) return { ok: false, reason: `Use at most ${decimals} decimal places.` };
  const value = parseUnits(trimmed, decimals);
  if (value === 0n) return { ok: false, reason: "Enter an amount above zero." };
  return { ok: true, value };
}

/**
 * Stake with one free signature and one transaction: an EIP-2612 permit lets the pool take the
 * tokens in the same transaction that stakes them (no separate approval).
 */
export function stakePlan(target: StakeTarget, amountText: string): TxPlan {
  return {
    key: `stake:${target.chainId}:${target.assetId}`,
    label: `Stake ${amountText.trim()} ${target.tokenSymbol} on ${target.assetName}`,
    async prepare({ account, chainId, config, signTypedData }) {
      const amount = parseStakeAmount(amountText, target.tokenDecimals);
      if (!amount.ok) throw new TxPreconditionError(amount.reason, { retry: false });
      const token = { address: target.stakeToken, abi: testTokenAbi, chainId } as const;
      const [balance, tokenName, nonce, head] = await Promise.all([
        readContract(config, { ...token, functionName: "balanceOf", args: [account] }),
        readContract(config, { ...token, functionName: "name" }),
        readContract(config, { ...token, functionName: "nonces", args: [account] }),
        getBlock(config, { chainId }),
      ]);
      if (balance < amount.value) {
        const held = formatUnits(balance, target.tokenDecimals);
        throw new TxPreconditionError(
          `You hold ${held} ${target.tokenSymbol}, less than the ${amountText.trim()} you want to stake. Stake less, or add ${target.tokenSymbol} to this account first.`,
        );
      }
      // The chain's clock, not the computer's: they can differ (a wrong PC clock, a test chain).
      const deadline = head.timestamp + BigInt(PERMIT_LIFETIME_S);
      const signature = await signTypedData(
        `Allow the staking pool to take ${amountText.trim()} ${target.tokenSymbol}`,
        permitTypedData({
          tokenName,
          token: target.stakeToken,
          chainId,
          owner: account,
          spender: target.stakingPool,
          value: amount.value,
          nonce,
          deadline,
        }),
      );
      const { v, r, s } = parseSignature(signature);
      return {
        address: target.stakingPool,
        abi: stakingPoolAbi,
        functionName: "stakeWithPermit",
        args: [BigInt(target.assetId), amount.value, deadline, Number(v ?? 27n), r, s],
      };
    },
  };
}
