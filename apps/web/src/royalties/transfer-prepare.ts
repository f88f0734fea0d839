import { royaltySharesAbi } from "@tessera/abi/browser";
import { type ContractWrite, type TxContext, TxPreconditionError } from "@/tx/use-transaction";
import { parseRecipient, parseShareAmount } from "./share-amount";
import type { TransferTarget } from "./transfer-plan";

/** The transfer's checks, loaded on press: the signed-in account, a recipient, an amount it holds. */
export async function prepareTransfer(
  target: TransferTarget,
  recipientText: string,
  amountText: string,
  { account }: TxContext,
): Promise<ContractWrite> {
  if (account.toLowerCase() !== target.holder.toLowerCase()) {
    throw new TxPreconditionError(
      `These shares belong to ${target.holder}, but your wallet has another account selected. Switch to that account.`,
      { retry: true },
    );
  }
  const recipient = parseRecipient(recipientText, account);
  if (!recipient.ok) throw new TxPreconditionError(recipient.reason);
  const amount = parseShareAmount(amountText, BigInt(target.held));
  if (!amount.ok) throw new TxPreconditionError(amount.reason);
  return {
    address: target.royaltyShares,
    abi: royaltySharesAbi,
    functionName: "safeTransferFrom",
    args: [account, recipient.value, BigInt(target.assetId), amount.value, "0x"],
  };
}
