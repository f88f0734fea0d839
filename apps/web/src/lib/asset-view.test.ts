import { describe, expect, it } from "vitest";
import { type AssetRow, type CardRow, cardHashesOf, toAssetViews } from "./asset-view";

const HASH_A = "a".repeat(64);
const HASH_B = "b".repeat(64);

function row(assetId: bigint, metadataUri: string, kind: AssetRow["kind"] = "MODEL"): AssetRow {
  return {
    assetId,
    kind,
    owner: "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
    metadataUri,
    contentHash: `0x${"c".repeat(64)}`,
    registeredAt: new Date("2026-03-01T10:00:00Z"),
  };
}

const cards: CardRow[] = [{ sha256: HASH_A, name: "CXR Triage", summary: "Flags chest X-rays." }];

describe("cardHashesOf", () => {
  it("lists each card hash once and skips URIs that name no card", () => {
    const rows = [
      row(1n, `tessera://card/${HASH_A}`),
      row(2n, `tessera://card/${HASH_A}`),
      row(3n, "ipfs://x"),
    ];
    expect(cardHashesOf(rows)).toEqual([HASH_A]);
  });
});

describe("toAssetViews", () => {
  it("takes the name and summary from the card the metadata URI names", () => {
    const [view] = toAssetViews([row(7n, `tessera://card/${HASH_A.toUpperCase()}`)], cards);
    expect(view).toMatchObject({
      id: "7",
      name: "CXR Triage",
      summary: "Flags chest X-rays.",
      hasCard: true,
    });
  });

  it("names an asset whose card is missing by its kind and id", () => {
    const views = toAssetViews([row(8n, `tessera://card/${HASH_B}`), row(9n, "not a uri", "DATASET")], cards);
    expect(views.map((v) => [v.name, v.summary, v.hasCard])).toEqual([
      ["Untitled model #8", null, false],
      ["Untitled dataset #9", null, false],
    ]);
  });

  it("keeps the order of the rows", () => {
    const views = toAssetViews([row(3n, "x"), row(1n, `tessera://card/${HASH_A}`), row(2n, "y")], cards);
    expect(views.map((v) => v.id)).toEqual(["3", "1", "2"]);
  });
});
