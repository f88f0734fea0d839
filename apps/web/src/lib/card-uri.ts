// An asset's on-chain metadata URI names its model card by content hash:
// `tessera://card/<sha256 hex>`. The card itself lives off chain, in the ModelCard table.

const CARD_URI = /^tessera:\/\/card\/([0-9a-f]{64})$/i;

/** The card's sha256 (64 lower-case hex digits, no 0x) named by `uri`, or null if `uri` names none. */
export function parseCardUri(uri: string): string | null {
  const match = CARD_URI.exec(uri.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

/** The metadata URI that names the card with this sha256. */
export function cardUri(sha256: string): string {
  return `tessera://card/${sha256.toLowerCase()}`;
}
