import { assetRegistryAbi } from "@tessera/abi/browser";
import type { Address } from "viem";
import type { Config } from "wagmi";
import { type ContractWrite, TxPreconditionError } from "@/tx/use-transaction";
import type { PublishDraft } from "./draft";
import { createOfferWrite, type PublishContracts, registerWrite } from "./publish-calls";

// Publishing as one atomic batch: the registration and every offer, signed once. The offers need the
// asset's number before the registration has run, so it is predicted from the registry's count;
// loaded when the builder presses sign.

/** AssetRegistry numbers assets 1, 2, 3…: `register` takes `++assetCount`. */
export function nextAssetId(assetCount: bigint): bigint {
  return assetCount + 1n;
}

/** Register first, then each offer on `assetId`, the number the registration is expected to take. */
export function publishBatchCalls(
  draft: PublishDraft,
  contracts: PublishContracts,
  assetId: bigint,
): ContractWrite[] {
  if (draft.progress.assetId !== null) {
    throw new TxPreconditionError("This asset is already registered: create its offers one by one.");
  }
  const predicted = { ...draft, progress: { ...draft.progress, assetId: assetId.toString() } };
  return [
    registerWrite(draft, contracts),
    ...draft.offers.map((_, index) => createOfferWrite(predicted, index, contracts)),
  ];
}

/** Reads the registry's count just before the wallet opens and builds the batch on the next number. */
export async function preparePublishBatch(
  config: Config,
  draft: PublishDraft,
  contracts: PublishContracts,
  chainId: number,
): Promise<{ calls: ContractWrite[]; meta: { assetId: string } }> {
  const { readContract } = await import("wagmi/actions");
  const count = await readContract(config, {
    address: contracts.assetRegistry,
    abi: assetRegistryAbi,
    functionName: "assetCount",
    chainId,
  });
  const assetId = nextAssetId(count);
  return { calls: publishBatchCalls(draft, contracts, assetId), meta: { assetId: assetId.toString() } };
}

/**
 * Why a publish batch reverted, when it is the race the prediction cannot rule out: another
 * registration landed first and took the number, so the batch's offers named someone else's asset.
 */
export async function explainPublishRevert(
  config: Config,
  {
    account,
    chainId,
    registry,
    assetId,
  }: { account: Address; chainId: number; registry: Address; assetId: string },
): Promise<string | null> {
  const { readContract } = await import("wagmi/actions");
  const id = BigInt(assetId);
  const count = await readContract(config, {
    address: registry,
    abi: assetRegistryAbi,
    functionName: "assetCount",
    chainId,
  });
  if (count < id) return null;
  const owner = await readContract(config, {
    address: registry,
    abi: assetRegistryAbi,
    functionName: "ownerOf",
    args: [id],
    chainId,
  });
  if (owner.toLowerCase() === account.toLowerCase()) return null;
  return `Another asset was registered just before yours and took number #${assetId}, so your batch was undone and none of it was recorded (your wallet paid only the network fee). Press Retry: Tessera will use the next free number.`;
}
