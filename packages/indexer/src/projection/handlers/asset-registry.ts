// AssetRegistry (ERC-721, one token per asset): Asset rows, their versions and lineage.
import { ASSET_KINDS } from "@tessera/abi";
import { rowId } from "../ids.ts";
import {
  type ContractHandlers,
  factId,
  type IgnoredEvents,
  lower,
  ProjectionDivergedError,
  required,
  ZERO,
} from "./shared.ts";

export const assetRegistryHandlers: ContractHandlers<"AssetRegistry"> = {
  "AssetRegistry:AssetRegistered": {
    touches: (event, ctx) => [["Asset", rowId.asset(ctx.chainId, event.args.assetId)]],
    apply(event, { ws, ctx, at }) {
      const c = ctx.chainId;
      const block = event.blockNumber;
      const { assetId, owner, kind, contentHash, metadataURI, parentIds, parentBps } = event.args;
      const kindName = ASSET_KINDS[kind];
      if (!kindName) throw new ProjectionDivergedError(`AssetRegistered ${assetId}: unknown kind ${kind}`);
      ws.put(
        "Asset",
        {
          id: rowId.asset(c, assetId),
          chainId: c,
          assetId,
          kind: kindName,
          owner: lower(owner),
          metadataUri: metadataURI,
          contentHash,
          versionCount: 0,
          parentCount: parentIds.length,
          blockNumber: block,
          txHash: event.txHash,
          logIndex: event.logIndex,
          registeredAt: at,
          updatedBlock: block,
        },
        block,
      );
      parentIds.forEach((parentId, i) => {
        ws.fact("AssetLineage", {
          id: factId(ctx, event, i),
          chainId: c,
          assetId,
          parentId,
          bps: parentBps[i] ?? 0,
          blockNumber: block,
        });
      });
    },
  },

  "AssetRegistry:VersionPublished": {
    touches: (event, ctx) => [["Asset", rowId.asset(ctx.chainId, event.args.assetId)]],
    apply(event, { ws, ctx, at }) {
      const c = ctx.chainId;
      const block = event.blockNumber;
      const { assetId, version, contentHash, metadataURI } = event.args;
      const asset = required(ws, event, "Asset", rowId.asset(c, assetId));
      ws.put(
        "Asset",
        { ...asset, versionCount: version, contentHash, metadataUri: metadataURI, updatedBlock: block },
        block,
      );
      ws.fact("AssetVersion", {
        id: `${rowId.asset(c, assetId)}:${version}`,
        chainId: c,
        assetId,
        version,
        contentHash,
        metadataUri: metadataURI,
        blockNumber: block,
        txHash: event.txHash,
        publishedAt: at,
      });
    },
  },

  "AssetRegistry:Transfer": {
    touches: (event, ctx) => [["Asset", rowId.asset(ctx.chainId, event.args.tokenId)]],
    apply(event, { ws, ctx }) {
      // The mint's Transfer precedes AssetRegistered, which carries the owner.
      if (event.args.from === ZERO) return;
      const asset = required(ws, event, "Asset", rowId.asset(ctx.chainId, event.args.tokenId));
      ws.put(
        "Asset",
        { ...asset, owner: lower(event.args.to), updatedBlock: event.blockNumber },
        event.blockNumber,
      );
    },
  },
};

export const assetRegistryIgnored: IgnoredEvents<"AssetRegistry"> = {
  "AssetRegistry:Approval": "token approvals are not marketplace state",
  "AssetRegistry:ApprovalForAll": "operator approvals are not marketplace state",
};
