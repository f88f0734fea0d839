import type { Address } from "viem";
import type { CurrencySymbol } from "@/lib/catalogue-terms";
import type { TxPlan } from "@/tx/use-transaction";
import type { SplitRules } from "./quote";

export type PurchaseTarget = {
  chainId: number;
  assetId: string;
  assetName: string;
  offerId: string;
  licenseManager: Address;
  /** The zero address for ETH. */
  currency: Address;
  symbol: CurrencySymbol;
  decimals: number;
  /** Per seat per period, in the currency's smallest unit. */
  price: string;
  /** Seconds; "0" for a perpetual license. */
  period: string;
  rules: SplitRules;
};

export type PurchaseOrder = { seats: number; periods: number };

/**
 * Buy a license: ETH in one transaction; the stablecoin with one free permit signature and one
 * transaction (or, for a token without permit, an approval of the exact total first). The checks
 * and the signing code load when the person presses Buy.
 */
export function purchasePlan(target: PurchaseTarget, order: PurchaseOrder | null): TxPlan {
  return {
    key: purchaseKey(target),
    label: `Buy a license to ${target.assetName}`,
    prepare: async (context) => (await import("./purchase-prepare")).preparePurchase(target, order, context),
  };
}

/** Where a pending purchase from this offer is stored (see tx/pending-store). */
export function purchaseKey(target: Pick<PurchaseTarget, "chainId" | "offerId">): string {
  return `purchase:${target.chainId}:${target.offerId}`;
}
