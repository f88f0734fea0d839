// Display helpers shared by server and client components. Pure and deterministic (fixed locale
// and time zone), so server-rendered HTML and the hydrated client agree.

/** `0xf39Fd6e5…2266`: keeps the first `lead` characters (after any 0x) and the last `tail`. */
export function shortenHex(value: string, lead = 6, tail = 4): string {
  const prefix = value.startsWith("0x") ? "0x" : "";
  const digits = value.slice(prefix.length);
  if (digits.length <= lead + tail + 1) return value;
  return `${prefix}${digits.slice(0, lead)}…${digits.slice(-tail)}`;
}

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** `2 Mar 2026` (UTC). */
export function formatDate(date: Date): string {
  return DATE.format(date);
}

/** "1.2 GB", "340 MB", "512 bytes" (decimal units, as disks and networks count). */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0
    ? `${bytes.toLocaleString("en")} bytes`
    : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}
