// Projections of AssetRegistry events. Handlers are pure: a batch of decoded logs in, row changes
// out. They never read the chain or the clock, so re-indexing a range gives identical rows.
import { ASSET_KINDS } from "@tessera/abi";
import type { Prisma } from "@tessera/db";
import type { DecodedLog } from "../logs.ts";

export type AssetRegistryChanges = {
  assets: Prisma.AssetCreateManyInput[];
  /** Owner after each transfer, last one wins: the event carries the post-state. */
  owners: Map<bigint, string>;
};

const ZERO = "0x0000000000000000000000000000000000000000";

export function projectAssetRegistry(chainId: number, logs: readonly DecodedLog[]): AssetRegistryChanges {
  const changes: AssetRegistryChanges = { assets: [], owners: new Map() };
  for (const log of logs) {
    if (log.contract !== "AssetRegistry") continue;
    switch (log.eventName) {
      case "AssetRegistered": {
        const { assetId, owner, contentHash, metadataURI } = log.args;
        const kind = ASSET_KINDS[log.args.kind];
        // The ABI and this table come from the same build; an unknown kind means they drifted.
        if (!kind) throw new Error(`AssetRegistered ${assetId}: unknown kind ${log.args.kind}`);
        changes.assets.push({
          chainId,
          assetId,
          kind,
          owner: owner.toLowerCase(),
          metadataUri: metadataURI,
          contentHash: contentHash.toLowerCase(),
          versionCount: 1,
          blockNumber: log.blockNumber,
          txHash: log.txHash,
          logIndex: log.logIndex,
          registeredAt: new Date(Number(log.blockTimestamp) * 1000),
        });
        break;
      }
      case "Transfer": {
        // A mint's Transfer precedes AssetRegistered, which already names the owner.
        if (log.args.from === ZERO) break;
        changes.owners.set(log.args.tokenId, log.args.to.toLowerCase());
        break;
      }
      default:
        break;
    }
  }
  return changes;
}
