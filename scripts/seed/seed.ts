// Seeds a fresh local marketplace: model cards into the database (off-chain content, the one thing
// the app stores itself) and asset registrations on chain (everything else arrives via the indexer).
import { createHash } from "node:crypto";
import { ASSET_KINDS, assetRegistryAbi } from "@tessera/abi";
import { type PrismaClient, saveModelCard } from "@tessera/db";
import type { Address, Hex, PublicClient, WalletClient } from "viem";
import { DEMO_CATALOG, renderCard } from "./catalog.ts";

export type SeedDeps = {
  db: PrismaClient;
  publicClient: PublicClient;
  wallet: WalletClient;
  registry: Address;
  /** Receives 30% of every model's revenue shares (a data provider / co-author). */
  contributor: Address;
  onProgress?: (done: number, total: number, name: string) => void;
};

const SUPPLY = 1_000_000n;
/** Models name the first dataset as their parent; it earns this part of their sales. */
const DATASET_UPSTREAM_BPS = 1_000;

function sha256(text: string): Hex {
  return `0x${createHash("sha256").update(text).digest("hex")}`;
}

/** Registers the demo catalogue; returns the card names in registration order. */
export async function seedDemoCatalog({
  db,
  publicClient,
  wallet,
  registry,
  contributor,
  onProgress,
}: SeedDeps): Promise<string[]> {
  const account = wallet.account;
  if (!account) throw new Error("seed: the wallet client has no account");
  const names: string[] = [];
  for (const [index, asset] of DEMO_CATALOG.entries()) {
    const card = renderCard(asset);
    const cardHash = sha256(card).slice(2);
    await saveModelCard(db, { sha256: cardHash, name: asset.name, summary: asset.summary, body: card });
    // The artifact itself arrives with the blob store; until then its hash stands for a fixed file.
    const contentHash = sha256(`${asset.name} artifact v1`);
    const hash = await wallet.writeContract({
      address: registry,
      abi: assetRegistryAbi,
      functionName: "register",
      args: [
        ASSET_KINDS.indexOf(asset.kind),
        `tessera://card/${cardHash}`,
        contentHash,
        asset.kind === "MODEL"
          ? [
              { holder: account.address, shares: (SUPPLY * 7n) / 10n },
              { holder: contributor, shares: (SUPPLY * 3n) / 10n },
            ]
          : [{ holder: account.address, shares: SUPPLY }],
        // Asset 1 is the seed's dataset: every model was trained on it.
        asset.kind === "MODEL" && index > 0 ? [{ assetId: 1n, bps: DATASET_UPSTREAM_BPS }] : [],
      ],
      account,
      chain: wallet.chain,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`seed: registering ${asset.name} reverted`);
    names.push(asset.name);
    onProgress?.(index + 1, DEMO_CATALOG.length, asset.name);
  }
  return names;
}
