import { licenseManagerAbi, permitTypedData, testTokenAbi } from "@tessera/abi/browser";
import { type Address, erc20Abi, formatUnits, parseSignature } from "viem";
import { getBalance, getBlock, readContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import type { PurchaseOrder, PurchaseTarget } from "./purchase-plan";
import { quoteLicense } from "./quote";

/** How long the permit signature stays usable: long enough to confirm, short enough to be harmless. */
const PERMIT_LIFETIME_S = 30 * 60;

/**
 * The purchase's checks and, for the stablecoin, its permit (loaded when the person presses Buy).
 * The wallet is asked for exactly the total the page showed: maxTotal = total, and for ETH the value.
 */
export async function preparePurchase(
  target: PurchaseTarget,
  order: PurchaseOrder | null,
  context: TxContext,
): Promise<ContractWrite> {
  if (!order) throw new TxPreconditionError("Enter the seats and periods you want first.");
  const { account, chainId, config } = context;
  const { total } = quoteLicense(BigInt(target.price), order.seats, order.periods, target.rules);
  const args = [BigInt(target.offerId), order.seats, order.periods, account, total] as const;
  const lm = { address: target.licenseManager, abi: licenseManagerAbi } as const;

  if (target.symbol === "ETH") {
    const balance = await getBalance(config, { address: account, chainId });
    if (balance.value < total) throw shortfall(target, balance.value, total);
    return { ...lm, functionName: "purchase", args, value: total };
  }

  const token = { address: target.currency, abi: testTokenAbi, chainId } as const;
  const balance = await readContract(config, { ...token, functionName: "balanceOf", args: [account] });
  if (balance < total) throw shortfall(target, balance, total);
  const permit = await permitSupport(context, target.currency);
  if (!permit) {
    await approveExactly(context, target, total);
    return { ...lm, functionName: "purchase", args };
  }
  const head = await getBlock(config, { chainId });
  // The chain's clock, not the computer's: they can differ (a wrong PC clock, a test chain).
  const deadline = head.timestamp + BigInt(PERMIT_LIFETIME_S);
  const signature = await context.signTypedData(
    `Allow Tessera to take ${formatUnits(total, target.decimals)} ${target.symbol} for this license`,
    permitTypedData({
      tokenName: permit.name,
      token: target.currency,
      chainId,
      owner: account,
      spender: target.licenseManager,
      value: total,
      nonce: permit.nonce,
      deadline,
    }),
  );
  const { v, r, s } = parseSignature(signature);
  return {
    ...lm,
    functionName: "purchaseWithPermit",
    args: [...args, deadline, Number(v ?? 27n), r, s],
  };
}

/** The token's name and the account's permit nonce, or null when the token has no EIP-2612 permit. */
async function permitSupport(
  { account, chainId, config }: TxContext,
  token: Address,
): Promise<{ name: string; nonce: bigint } | null> {
  const t = { address: token, abi: testTokenAbi, chainId } as const;
  try {
    const [name, nonce] = await Promise.all([
      readContract(config, { ...t, functionName: "name" }),
      readContract(config, { ...t, functionName: "nonces", args: [account] }),
      readContract(config, { ...t, functionName: "DOMAIN_SEPARATOR" }),
    ]);
    return { name, nonce };
  } catch {
    return null;
  }
}

/**
 * A token without permit: approve exactly the total (never an unlimited allowance), unless the
 * allowance already covers it, and wait for it before the purchase is simulated.
 */
async function approveExactly(
  { account, chainId, config }: TxContext,
  target: PurchaseTarget,
  total: bigint,
) {
  const allowance = await readContract(config, {
    address: target.currency,
    abi: erc20Abi,
    chainId,
    functionName: "allowance",
    args: [account, target.licenseManager],
  });
  if (allowance >= total) return;
  const hash = await writeContract(config, {
    address: target.currency,
    abi: erc20Abi,
    chainId,
    account,
    functionName: "approve",
    args: [target.licenseManager, total],
  });
  await waitForTransactionReceipt(config, { hash, chainId });
}

function shortfall(target: PurchaseTarget, held: bigint, total: bigint): TxPreconditionError {
  const fmt = (v: bigint) => `${formatUnits(v, target.decimals)} ${target.symbol}`;
  return new TxPreconditionError(
    `This license costs ${fmt(total)} and this account holds ${fmt(held)}. Add ${target.symbol} to this account, or buy fewer seats or periods.`,
  );
}
