import { permitTypedData, testTokenAbi } from "@tessera/abi/browser";
import { type Address, erc20Abi, formatUnits, type Hex, parseSignature } from "viem";
import { getBlock, readContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import type { TxContext } from "@/tx/use-transaction";

// Paying a contract in an ERC-20 token (loaded with a purchase's or renewal's checks, not with the
// page). Where the token has EIP-2612 permit, one signature allows exactly the amount and the
// contract's *WithPermit function spends it in the same transaction; otherwise the token is approved
// for exactly the amount, never an unlimited allowance.

/** How long the permit signature stays usable: long enough to confirm, short enough to be harmless. */
const PERMIT_LIFETIME_S = 30 * 60;

export type Permit = { deadline: bigint; v: number; r: Hex; s: Hex };

export type TokenPayment = {
  token: Address;
  spender: Address;
  amount: bigint;
  symbol: string;
  decimals: number;
  /** What the allowance is for, as the wallet's signing request says it: "for this license". */
  purpose: string;
};

/**
 * A permit for exactly `amount`, signed in the wallet; or, for a token without permit, an exact
 * approval sent and confirmed first (null: call the plain function).
 */
export async function authorisePayment(context: TxContext, payment: TokenPayment): Promise<Permit | null> {
  const permit = await permitSupport(context, payment.token);
  if (!permit) {
    await approveExactly(context, payment);
    return null;
  }
  const { account, chainId, config } = context;
  const head = await getBlock(config, { chainId });
  // The chain's clock, not the computer's: they can differ (a wrong PC clock, a test chain).
  const deadline = head.timestamp + BigInt(PERMIT_LIFETIME_S);
  const signature = await context.signTypedData(
    `Allow Tessera to take ${formatUnits(payment.amount, payment.decimals)} ${payment.symbol} ${payment.purpose}`,
    permitTypedData({
      tokenName: permit.name,
      token: payment.token,
      chainId,
      owner: account,
      spender: payment.spender,
      value: payment.amount,
      nonce: permit.nonce,
      deadline,
    }),
  );
  const { v, r, s } = parseSignature(signature);
  return { deadline, v: Number(v ?? 27n), r, s };
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

/** Approves exactly the amount unless the allowance already covers it, and waits for it. */
async function approveExactly({ account, chainId, config }: TxContext, payment: TokenPayment) {
  const allowance = await readContract(config, {
    address: payment.token,
    abi: erc20Abi,
    chainId,
    functionName: "allowance",
    args: [account, payment.spender],
  });
  if (allowance >= payment.amount) return;
  const hash = await writeContract(config, {
    address: payment.token,
    abi: erc20Abi,
    chainId,
    account,
    functionName: "approve",
    args: [payment.spender, payment.amount],
  });
  await waitForTransactionReceipt(config, { hash, chainId });
}

/** Authorises a payment to the LicenseManager in an offer's token (a purchase or a renewal). */
export function authoriseLicensePayment(
  context: TxContext,
  target: { currency: Address; licenseManager: Address; symbol: string; decimals: number },
  amount: bigint,
  purpose: string,
): Promise<Permit | null> {
  return authorisePayment(context, {
    token: target.currency,
    spender: target.licenseManager,
    amount,
    symbol: target.symbol,
    decimals: target.decimals,
    purpose,
  });
}
