import { licenseManagerAbi, testTokenAbi } from "@tessera/abi/browser";
import { formatUnits } from "viem";
import { getBalance, readContract } from "wagmi/actions";
import { authoriseLicensePayment } from "@/payment/token-payment";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import type { PurchaseOrder, PurchaseTarget } from "./purchase-plan";
import { quoteLicense } from "./quote";

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
  const permit = await authoriseLicensePayment(context, target, total, "for this license");
  if (!permit) return { ...lm, functionName: "purchase", args };
  return {
    ...lm,
    functionName: "purchaseWithPermit",
    args: [...args, permit.deadline, permit.v, permit.r, permit.s],
  };
}

function shortfall(target: PurchaseTarget, held: bigint, total: bigint): TxPreconditionError {
  const fmt = (v: bigint) => `${formatUnits(v, target.decimals)} ${target.symbol}`;
  return new TxPreconditionError(
    `This license costs ${fmt(total)} and this account holds ${fmt(held)}. Add ${target.symbol} to this account, or buy fewer seats or periods.`,
  );
}
