import type { Address } from "viem";
import type { TxPlan } from "@/tx/use-transaction";

export type TransferTarget = {
  chainId: number;
  royaltyShares: Address;
  holder: Address;
  assetId: string;
  assetName: string;
  /** Shares the holder has now (decimal string). */
  held: string;
};

/** Moves royalty shares (ERC-1155 safeTransferFrom); the contract settles both sides first. */
export function transferPlan(target: TransferTarget, recipient: string, amount: string): TxPlan {
  return {
    key: `shares:${target.chainId}:${target.assetId}:${target.holder.toLowerCase()}`,
    label: `Transfer ${amount.trim()} shares of ${target.assetName}`,
    prepare: async (context) =>
      (await import("./transfer-prepare")).prepareTransfer(target, recipient, amount, context),
  };
}
