import type { Address } from "viem";
import type { CurrencySymbol } from "@/lib/catalogue-terms";
import type { TxPlan } from "@/tx/use-transaction";

export type LicenseTarget = {
  chainId: number;
  licenseId: string;
  assetName: string;
  licenseManager: Address;
  /** The zero address for ETH. */
  currency: Address;
  symbol: CurrencySymbol;
  decimals: number;
  /** The recorded price per seat per period, in the currency's smallest unit. */
  price: string;
  seats: number;
};

// Each plan's checks and calls load when its button is pressed (license-prepare.ts), not with the page.
const load = () => import("./license-prepare");

export function renewPlan(target: LicenseTarget): TxPlan {
  return {
    key: `renew:${target.chainId}:${target.licenseId}`,
    label: `Renew your license to ${target.assetName}`,
    prepare: async (context) => (await load()).prepareRenew(target, context),
  };
}

export function delegatePlan(target: LicenseTarget, account: string): TxPlan {
  return {
    key: `delegate:${target.chainId}:${target.licenseId}`,
    label: `Give a seat on ${target.assetName} to ${account.trim()}`,
    prepare: async (context) => (await load()).prepareDelegate(target, account, context),
  };
}

export function revokePlan(target: LicenseTarget, account: string): TxPlan {
  return {
    key: `revoke:${target.chainId}:${target.licenseId}:${account.toLowerCase()}`,
    label: `Take back the seat of ${account}`,
    prepare: async (context) => (await load()).prepareRevoke(target, account, context),
  };
}

export function transferPlan(target: LicenseTarget, to: string): TxPlan {
  return {
    key: `transfer:${target.chainId}:${target.licenseId}`,
    label: `Transfer your license to ${target.assetName} to ${to.trim()}`,
    prepare: async (context) => (await load()).prepareTransfer(target, to, context),
  };
}
