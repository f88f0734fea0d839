import type { Asset, AssetKind, ModelCard } from "@tessera/db";
import { parseCardUri } from "./card-uri";

// What a listing shows about an asset: the chain's record joined with its off-chain model card.
// The join happens in code because the card is named inside a URI, not by a foreign key.

export type AssetRow = Pick<
  Asset,
  "assetId" | "kind" | "owner" | "metadataUri" | "contentHash" | "registeredAt"
>;
export type CardRow = Pick<ModelCard, "sha256" | "name" | "summary">;

export type AssetView = {
  /** Token id, as a decimal string (bigint does not cross into client components). */
  id: string;
  kind: AssetKind;
  name: string;
  /** The card's summary; null when the card is missing. */
  summary: string | null;
  hasCard: boolean;
  owner: string;
  contentHash: string;
  registeredAt: Date;
};

export const KIND_LABEL: Record<AssetKind, string> = { MODEL: "Model", DATASET: "Dataset" };

/** The distinct card hashes the rows name, to fetch their cards in one query. */
export function cardHashesOf(rows: readonly AssetRow[]): string[] {
  const hashes = new Set<string>();
  for (const row of rows) {
    const hash = parseCardUri(row.metadataUri);
    if (hash) hashes.add(hash);
  }
  return [...hashes];
}

export function untitledName(kind: AssetKind, id: string): string {
  return `Untitled ${KIND_LABEL[kind].toLowerCase()} #${id}`;
}

/** Joins rows with their cards, keeping the rows' order. */
export function toAssetViews(rows: readonly AssetRow[], cards: readonly CardRow[]): AssetView[] {
  const cardsByHash = new Map(cards.map((card) => [card.sha256, card]));
  return rows.map((row) => {
    const id = row.assetId.toString();
    const hash = parseCardUri(row.metadataUri);
    const card = hash ? cardsByHash.get(hash) : undefined;
    return {
      id,
      kind: row.kind,
      name: card?.name || untitledName(row.kind, id),
      summary: card?.summary || null,
      hasCard: card !== undefined,
      owner: row.owner,
      contentHash: row.contentHash,
      registeredAt: row.registeredAt,
    };
  });
}
