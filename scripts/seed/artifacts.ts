// The demo catalogue's artifact bytes: each asset version's content hash, as the seed registers it,
// is the sha256 of the text "<name> artifact v<version>", so storing exactly that text makes every
// demo license downloadable (and hash-verifiable) in `pnpm dev` and in the test stack.
import { DEMO_CATALOG } from "./catalog.ts";
import { sha256Hex } from "./seed.ts";

/** What a blob store needs to offer here (structurally @tessera/storage's BlobStore.put). */
export type ArtifactSink = {
  put(source: AsyncIterable<Uint8Array>): Promise<{ sha256: string }>;
};

export function demoArtifactText(name: string, version: number): string {
  return `${name} artifact v${version}`;
}

/**
 * Puts every demo version's artifact in `blobs`, and the evidence document of the seeded challenge
 * (its sha256 is the challenge's evidenceHash, so the asset page's evidence link opens it); returns
 * how many files it stored.
 */
export async function seedArtifacts(blobs: ArtifactSink): Promise<number> {
  let stored = 0;
  for (const asset of DEMO_CATALOG) {
    for (let version = 1; version <= 1 + (asset.laterVersions ?? 0); version++) {
      const text = demoArtifactText(asset.name, version);
      const { sha256 } = await blobs.put(once(Buffer.from(text)));
      // The seed registered sha256Hex(text) on chain: the stored blob must be that very file.
      if (sha256 !== sha256Hex(text)) throw new Error(`seed: ${asset.name} v${version} stored as ${sha256}`);
      stored++;
    }
    if (asset.challenge) {
      const { sha256 } = await blobs.put(once(Buffer.from(asset.challenge)));
      if (sha256 !== sha256Hex(asset.challenge))
        throw new Error(`seed: ${asset.name}'s evidence stored as ${sha256}`);
      stored++;
    }
  }
  return stored;
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
