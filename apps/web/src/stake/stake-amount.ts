import { parseUnits } from "viem";

/**
 * The amount the person typed, in token units; a sentence when it is not a positive number.
 * `doing` names what the amount is for in that sentence ("stake", "unstake", "put up as the bond").
 */
export function parseStakeAmount(
  text: string,
  decimals: number,
  doing = "stake",
): { ok: true; value: bigint } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: `Enter how much to ${doing}.` };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, reason: "Enter a number, like 100 or 12.5." };
  const [, fraction = ""] = trimmed.split(".");
  if (fraction.length > decimals) return { ok: false, reason: `Use at most ${decimals} decimal places.` };
  const value = parseUnits(trimmed, decimals);
  if (value === 0n) return { ok: false, reason: "Enter an amount above zero." };
  return { ok: true, value };
}
