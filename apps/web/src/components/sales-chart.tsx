import { type ChartBar, salesBars } from "@/lib/sales-chart";

// Payments over time: an SVG drawn on the server (no chart library, no client JavaScript), with the
// same figures as a table for screen readers and copy-paste. Used by the asset page and the studio.
const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 8, bottom: 28, left: 28 };
const muted = "text-slate-600 dark:text-slate-400";

export function SalesChart({ sales }: { sales: ReadonlyArray<{ day: Date; count: number }> }) {
  const { bars, unit } = salesBars(sales);
  if (bars.length === 0) return null;
  return (
    <figure>
      <Chart bars={bars} unit={unit} />
      <figcaption className={`mt-2 text-xs ${muted}`}>
        Payments per {unit}, every currency counted (purchases and renewals).
      </figcaption>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer font-medium text-teal-700 dark:text-teal-400">
          Show as a table
        </summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th scope="col" className="py-1 font-medium">
                {unit === "day" ? "Day" : "Week of"}
              </th>
              <th scope="col" className="py-1 font-medium">
                Payments
              </th>
            </tr>
          </thead>
          <tbody>
            {bars
              .filter((b) => b.count > 0)
              .map((b) => (
                <tr key={b.label}>
                  <td className="py-0.5">{b.label}</td>
                  <td className="py-0.5">{b.count}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function Chart({ bars, unit }: { bars: ChartBar[]; unit: "day" | "week" }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / bars.length;
  const barW = Math.max(2, step * 0.7);
  const ticks = [0, Math.ceil(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const labelEvery = Math.ceil(bars.length / 6);
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full text-slate-400 dark:text-slate-500"
      role="img"
      aria-label={`${total} payments over ${bars.length} ${unit}s, at most ${max} in one ${unit}, from ${bars[0]?.label} to ${bars.at(-1)?.label}.`}
      data-testid="sales-chart"
    >
      {ticks.map((tick) => {
        const y = PAD.top + innerH - (tick / max) * innerH;
        return (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y}
              y2={y}
              stroke="currentColor"
              strokeOpacity="0.3"
            />
            <text x={PAD.left - 6} y={y + 4} textAnchor="end" fontSize="11" fill="currentColor">
              {tick}
            </text>
          </g>
        );
      })}
      {bars.map((bar, i) => {
        const h = (bar.count / max) * innerH;
        const x = PAD.left + i * step + (step - barW) / 2;
        return (
          <g key={bar.label}>
            {bar.count > 0 ? (
              <rect
                x={x}
                y={PAD.top + innerH - h}
                width={barW}
                height={h}
                rx="2"
                className="fill-teal-600 dark:fill-teal-400"
              >
                <title>{`${bar.label}: ${bar.count} ${bar.count === 1 ? "payment" : "payments"}`}</title>
              </rect>
            ) : null}
            {i % labelEvery === 0 ? (
              <text x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="11" fill="currentColor">
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
