import { licenseManagerAbi } from "@tessera/abi/browser";
import { erc20Abi, formatUnits, getAddress, isAddress } from "viem";
import { getBalance, readContract } from "wagmi/actions";
import { authoriseLicensePayment } from "@/payment/token-payment";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import type { LicenseTarget } from "./license-plans";

const lm = (t: LicenseTarget) => ({ address: t.licenseManager, abi: licenseManagerAbi }) as const;

/** One period more, at the license's recorded price × its seats, as LicenseManager.renew charges. */
export async function prepareRenew(target: LicenseTarget, context: TxContext): Promise<ContractWrite> {
  const { account, chainId, config } = context;
  const total = BigInt(target.price) * BigInt(target.seats);
  const fmt = (v: bigint) => `${formatUnits(v, target.decimals)} ${target.symbol}`;
  const held =
    target.symbol === "ETH"
      ? (await getBalance(config, { address: account, chainId })).value
      : await readContract(config, {
          address: target.currency,
          abi: erc20Abi,
          chainId,
          functionName: "balanceOf",
          args: [account],
        });
  if (held < total) {
    throw new TxPreconditionError(
      `Renewing costs ${fmt(total)} and this account holds ${fmt(held)}. Add ${target.symbol} to this account first.`,
    );
  }
  const args = [BigInt(target.licenseId), 1] as const;
  if (target.symbol === "ETH") return { ...lm(target), functionName: "renew", args, value: total };
  const permit = await authoriseLicensePayment(context, target, total, "to renew this license");
  if (!permit) return { ...lm(target), functionName: "renew", args };
  return {
    ...lm(target),
    functionName: "renewWithPermit",
    args: [...args, permit.deadline, permit.v, permit.r, permit.s],
  };
}

export async function prepareDelegate(
  target: LicenseTarget,
  account: string,
  _context: TxContext,
): Promise<ContractWrite> {
  return {
    ...lm(target),
    functionName: "delegateSeat",
    args: [BigInt(target.licenseId), staffAddress(account)],
  };
}

export async function prepareRevoke(
  target: LicenseTarget,
  account: string,
  _context: TxContext,
): Promise<ContractWrite> {
  return {
    ...lm(target),
    functionName: "revokeSeat",
    args: [BigInt(target.licenseId), staffAddress(account)],
  };
}

export async function prepareTransfer(
  target: LicenseTarget,
  to: string,
  { account }: TxContext,
): Promise<ContractWrite> {
  const recipient = staffAddress(to);
  if (recipient === getAddress(account)) {
    throw new TxPreconditionError(
      "That is your own account. Enter the account that should receive the license.",
    );
  }
  return {
    ...lm(target),
    functionName: "transferFrom",
    args: [account, recipient, BigInt(target.licenseId)],
  };
}

function staffAddress(text: string) {
  const trimmed = text.trim();
  if (!isAddress(trimmed, { strict: false })) {
    throw new TxPreconditionError("Enter a wallet address: 0x followed by 40 letters and digits.");
  }
  return getAddress(trimmed);
}
