// Buckets a holder's daily earnings in one currency for the royalties chart: one bar per day over the
// span (at least a week, so one day of revenue does not fill the chart), or per week past 60 days.
// Heights only need to be proportional, so base units become plain numbers here; the figures people
// read are formatted from the exact decimal strings.

export type EarningsBar = { start: Date; label: string; earned: number; claimed: number };
type Day = { day: Date; earned: string; claimed: string };

const DAY_MS = 86_400_000;
const LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function earningsBars(
  days: readonly Day[],
  decimals: number,
): { bars: EarningsBar[]; unit: "day" | "week" } {
  if (days.length === 0) return { bars: [], unit: "day" };
  const index = days.map((d) => Math.floor(d.day.getTime() / DAY_MS));
  const first = Math.min(...index);
  const last = Math.max(...index, first + 6);
  const unit = last - first + 1 > 60 ? "week" : "day";
  const width = unit === "week" ? 7 : 1;
  const count = Math.floor((last - first) / width) + 1;
  const bars: EarningsBar[] = Array.from({ length: count }, (_, i) => {
    const start = new Date((first + i * width) * DAY_MS);
    return { start, label: LABEL.format(start), earned: 0, claimed: 0 };
  });
  const scale = 10 ** decimals;
  days.forEach((d, i) => {
    const bar = bars[Math.floor(((index[i] ?? first) - first) / width)];
    if (!bar) return;
    bar.earned += Number(d.earned) / scale;
    bar.claimed += Number(d.claimed) / scale;
  });
  return { bars, unit };
}
