import { isAddress } from "viem";

/** The number of shares typed, checked against what the account holds; a sentence when it is wrong. */
export function parseShareAmount(
  text: string,
  held: bigint,
): { ok: true; value: bigint } | { ok: false; reason: string } {
  const trimmed = text.trim().replace(/[,\s]/g, "");
  if (trimmed === "") return { ok: false, reason: "Enter how many shares to transfer." };
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: "Enter a whole number of shares, like 100000." };
  const value = BigInt(trimmed);
  if (value === 0n) return { ok: false, reason: "Enter at least one share." };
  if (value > held) {
    return { ok: false, reason: `You hold ${held.toLocaleString("en-GB")} shares; enter at most that many.` };
  }
  return { ok: true, value };
}

/** The recipient typed; a sentence when it is not an account that can receive the shares. */
export function parseRecipient(
  text: string,
  self: string,
): { ok: true; value: `0x${string}` } | { ok: false; reason: string } {
  const trimmed = text.trim();
  if (trimmed === "")
    return { ok: false, reason: "Enter the address of the account that receives the shares." };
  if (!isAddress(trimmed, { strict: false })) {
    return {
      ok: false,
      reason: "That is not an account address: it starts with 0x and has 40 more characters.",
    };
  }
  if (/^0x0{40}$/i.test(trimmed)) return { ok: false, reason: "Shares cannot be sent to the empty address." };
  if (trimmed.toLowerCase() === self.toLowerCase()) {
    return { ok: false, reason: "That is your own account. Enter someone else's address." };
  }
  return { ok: true, value: trimmed as `0x${string}` };
}
