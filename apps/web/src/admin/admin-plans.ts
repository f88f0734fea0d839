import type { Address } from "viem";
import type { TxPlan } from "@/tx/use-transaction";

export type AdminWrite =
  | { kind: "fees"; protocolPercent: string; curatorPercent: string }
  | { kind: "treasury"; treasury: string }
  | { kind: "currency"; currency: string; allowed: boolean }
  | { kind: "pause"; pause: boolean }
  | { kind: "withdraw"; currency: Address; symbol: string };

const LABELS: Record<AdminWrite["kind"], string> = {
  fees: "Set the protocol fee and curator share",
  treasury: "Change the treasury",
  currency: "Change an accepted currency",
  pause: "Pause or resume Tessera",
  withdraw: "Withdraw protocol fees to the treasury",
};

/** One protocol setting changed in one transaction on the LicenseManager. */
export function adminPlan(chainId: number, licenseManager: Address, write: AdminWrite): TxPlan {
  return {
    key: `admin:${chainId}:${write.kind}${write.kind === "withdraw" ? `:${write.currency}` : ""}`,
    label: LABELS[write.kind],
    prepare: async () => (await import("./admin-prepare")).prepareAdmin(licenseManager, write),
  };
}
