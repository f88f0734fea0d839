import { permitTypedData, stakingPoolAbi, testTokenAbi } from "@tessera/abi/browser";
import { formatUnits, parseSignature } from "viem";
import { getBlock, readContract } from "wagmi/actions";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import { parseStakeAmount } from "./stake-amount";
import type { StakeTarget } from "./stake-plan";

/** How long the permit signature stays usable: long enough to confirm, short enough to be harmless. */
const PERMIT_LIFETIME_S = 30 * 60;

/**
 * The stake's checks and its permit signature (loaded when the person presses Stake): the balance
 * first, then one EIP-2612 signature, then the `stakeWithPermit` call to simulate and send.
 */
export async function prepareStake(
  target: StakeTarget,
  amountText: string,
  { account, chainId, config, signTypedData }: TxContext,
): Promise<ContractWrite> {
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
}
