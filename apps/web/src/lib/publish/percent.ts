// Percentages typed by people ("33.3333", "12.5") turned into exact integer units, never floats:
// royalty shares are parts of 1,000,000 (1 share = 0.0001 %) and upstream shares are basis points.

/** Parses "12.5" into units where 100 % = `whole`; null when it is not a plain decimal in range. */
export function percentToUnits(text: string, whole: bigint, decimals: number): bigint | null {
  const trimmed = text.trim();
  const match = /^(\d{1,3})(?:\.(\d+))?$/.exec(trimmed);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > decimals) return null;
  const scaled = BigInt(`${match[1]}${fraction.padEnd(decimals, "0")}`);
  // scaled is in units of 10^-decimals percent; whole units = 100 %.
  const units = (scaled * whole) / (100n * 10n ** BigInt(decimals));
  if ((scaled * whole) % (100n * 10n ** BigInt(decimals)) !== 0n) return null;
  return units;
}

/** Units back to a percentage string: 333_333 of 1,000,000 -> "33.3333". */
export function unitsToPercent(units: bigint, whole: bigint): string {
  const scaled = (units * 100n * 10_000n) / whole;
  const int = scaled / 10_000n;
  const frac = (scaled % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return frac ? `${int}.${frac}` : `${int}`;
}
