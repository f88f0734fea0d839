import { isAddress } from "viem";

/** "2.5" (percent) -> 250 basis points; a sentence when it is not a percentage up to `maxPercent`. */
export function parsePercent(
  text: string,
  maxPercent: number,
): { ok: true; bps: number } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) {
    return { ok: false, reason: "Enter a percentage with at most two decimals, like 2.5." };
  }
  const bps = Math.round(Number(trimmed) * 100);
  if (bps > maxPercent * 100) return { ok: false, reason: `The contract allows at most ${maxPercent}%.` };
  return { ok: true, bps };
}

export function parseAccount(
  text: string,
): { ok: true; value: `0x${string}` } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (!isAddress(trimmed, { strict: false })) {
    return { ok: false, reason: "Enter an address: 0x followed by 40 hex characters." };
  }
  if (/^0x0{40}$/i.test(trimmed)) return { ok: false, reason: "The empty address cannot be used here." };
  return { ok: true, value: trimmed as `0x${string}` };
}
