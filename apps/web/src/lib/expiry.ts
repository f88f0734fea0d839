import { formatDate } from "./format";

// A license's expiry in words, from the seconds left on the chain's clock (which decides expiry; the
// local hardhat chain's clock can run ahead of the wall clock).

function span(seconds: number): string {
  const s = Math.abs(seconds);
  if (s >= 2 * 86_400) return `${Math.floor(s / 86_400)} days`;
  if (s >= 2 * 3_600) return `${Math.floor(s / 3_600)} hours`;
  const minutes = Math.max(1, Math.floor(s / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function expiryWords(expiresAt: Date | null, secondsLeft: number | null): string {
  if (!expiresAt || secondsLeft === null) return "Never expires.";
  const when = formatDate(expiresAt);
  return secondsLeft > 0
    ? `Expires on ${when}, in ${span(secondsLeft)}.`
    : `Expired on ${when}, ${span(secondsLeft)} ago. Renew to use it again.`;
}
