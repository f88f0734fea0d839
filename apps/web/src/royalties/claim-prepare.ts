import { royaltySharesAbi } from "@tessera/abi/browser";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import type { ClaimTarget } from "./claim-plan";

/** The claim's checks (loaded when the person presses Claim): the right account, something to claim. */
export async function prepareClaim(target: ClaimTarget, { account }: TxContext): Promise<ContractWrite> {
  if (account.toLowerCase() !== target.holder.toLowerCase()) {
    throw new TxPreconditionError(
      `This page shows the royalties of ${target.holder}, but your wallet has another account selected. Switch your wallet to that account, or sign in again with this one.`,
      { retry: true },
    );
  }
  if (target.assetIds.length === 0 || target.currencies.length === 0) {
    throw new TxPreconditionError("There is nothing to claim right now.");
  }
  return {
    address: target.royaltyShares,
    abi: royaltySharesAbi,
    functionName: "claim",
    args: [target.assetIds.map((id) => BigInt(id)), target.currencies, account],
  };
}
