import { assetRegistryAbi, licenseManagerAbi } from "@tessera/abi/browser";
import { type Address, decodeEventLog, type Hex, zeroAddress } from "viem";
import type { Config } from "wagmi";
import { checkLineage } from "@/lib/publish/lineage";
import { checkOffer } from "@/lib/publish/offer";
import { checkSplit } from "@/lib/publish/split";
import { type ContractWrite, TxPreconditionError } from "@/tx/use-transaction";
import type { PublishDraft } from "./draft";

// The publish transactions, built from a checked draft. Loaded when the builder presses a signing
// button (not with the page): it carries the ABIs.

export type PublishContracts = { assetRegistry: Address; licenseManager: Address; stablecoin: Address };

export function registerWrite(draft: PublishDraft, contracts: PublishContracts): ContractWrite {
  const card = draft.progress.card;
  if (!card)
    throw new TxPreconditionError("The card is not saved yet: wait for it to be saved, then try again.", {
      retry: true,
    });
  if (!draft.artifact) throw new TxPreconditionError("Upload the artifact first (step 2).");
  const split = checkSplit(draft.contributors);
  if (!split.ok) throw new TxPreconditionError(`Contributors: ${split.summary}`);
  const lineage = checkLineage(draft.parents);
  if (!lineage.ok) throw new TxPreconditionError(`Lineage: ${lineage.summary}`);
  return {
    address: contracts.assetRegistry,
    abi: assetRegistryAbi,
    functionName: "register",
    args: [
      draft.kind === "dataset" ? 1 : 0,
      card.metadataURI,
      draft.artifact.sha256 as Hex,
      split.split.holders.map((holder, i) => ({ holder, shares: split.split.shares[i] ?? 0n })),
      lineage.parents.map((p) => ({ assetId: p.assetId, bps: p.bps })),
    ],
  };
}

export function createOfferWrite(
  draft: PublishDraft,
  index: number,
  contracts: PublishContracts,
): ContractWrite {
  const offer = draft.offers[index];
  const termsHash = draft.progress.terms[index];
  const assetId = draft.progress.assetId;
  if (!offer) throw new TxPreconditionError("This offer is no longer in the draft.");
  if (!assetId) throw new TxPreconditionError("Register the asset first: the offer needs its number.");
  if (!termsHash)
    throw new TxPreconditionError("The offer's terms are not saved yet: wait a moment and try again.", {
      retry: true,
    });
  const checked = checkOffer(offer);
  if (!checked.ok)
    throw new TxPreconditionError(checked.problems[0]?.message ?? "The offer is not complete.");
  const t = checked.terms;
  return {
    address: contracts.licenseManager,
    abi: licenseManagerAbi,
    functionName: "createOffer",
    args: [
      BigInt(assetId),
      {
        price: t.price,
        currency: t.currency === "ETH" ? zeroAddress : contracts.stablecoin,
        period: t.period,
        maxLicenses: t.maxLicenses,
        pinnedVersion: t.pinnedVersion,
        rights: t.rights,
        transferable: t.transferable,
        termsHash: termsHash as Hex,
      },
    ],
  };
}

/** The asset number the registration's AssetRegistered event announced. */
export async function assetIdFromReceipt(config: Config, hash: Hex, registry: Address): Promise<string> {
  const { getTransactionReceipt } = await import("wagmi/actions");
  const receipt = await getTransactionReceipt(config, { hash });
  return assetIdFromLogs(receipt.logs, registry);
}

/** The asset number in the registry's AssetRegistered event among `logs` (a receipt's, or a batch's). */
export function assetIdFromLogs(
  logs: readonly { address: Address; data: Hex; topics: readonly Hex[] }[],
  registry: Address,
): string {
  for (const log of logs) {
    if (log.address.toLowerCase() !== registry.toLowerCase()) continue;
    try {
      const event = decodeEventLog({
        abi: assetRegistryAbi,
        data: log.data,
        topics: log.topics as [Hex, ...Hex[]],
      });
      if (event.eventName === "AssetRegistered") return event.args.assetId.toString();
    } catch {
      // Another event of the registry (Transfer, VersionPublished).
    }
  }
  throw new Error("The registration's receipt holds no AssetRegistered event.");
}
