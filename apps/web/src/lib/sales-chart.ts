// Buckets an asset's daily sales for the chart: one bar per day over the span of its sales (at least a
// week, so a single sale does not fill the chart), or per week when the span passes 60 days.

export type ChartBar = { start: Date; label: string; count: number };
type DailySales = { day: Date; count: number };

const DAY_MS = 86_400_000;
const LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function salesBars(sales: readonly DailySales[]): { bars: ChartBar[]; unit: "day" | "week" } {
  if (sales.length === 0) return { bars: [], unit: "day" };
  const days = sales.map((s) => Math.floor(s.day.getTime() / DAY_MS));
  const first = Math.min(...days);
  const last = Math.max(...days, first + 6);
  const unit = last - first + 1 > 60 ? "week" : "day";
  const width = unit === "week" ? 7 : 1;
  const count = Math.floor((last - first) / width) + 1;
  const bars: ChartBar[] = Array.from({ length: count }, (_, i) => {
    const start = new Date((first + i * width) * DAY_MS);
    return { start, label: LABEL.format(start), count: 0 };
  });
  sales.forEach((s, i) => {
    const bar = bars[Math.floor(((days[i] ?? first) - first) / width)];
    if (bar) bar.count += s.count;
  });
  return { bars, unit };
}
