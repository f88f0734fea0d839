import { isAddress } from "viem";

/** Why a typed account cannot be used yet, or null when it is a well-formed address. */
export function addressProblem(text: string, { self, taken }: { self?: string; taken?: string[] } = {}) {
  const trimmed = text.trim();
  if (trimmed === "") return "Enter the staff member's wallet address.";
  if (!isAddress(trimmed, { strict: false }))
    return "Enter a wallet address: 0x followed by 40 letters and digits.";
  const lower = trimmed.toLowerCase();
  if (self && lower === self.toLowerCase())
    return "That is the holder's own account, which already has a seat.";
  if (taken?.some((a) => a.toLowerCase() === lower)) return "That account already has a seat.";
  return null;
}
