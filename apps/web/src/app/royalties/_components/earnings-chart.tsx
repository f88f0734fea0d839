import { CURRENCY_DECIMALS, type CurrencySymbol } from "@/lib/catalogue-query";
import { type EarningsBar, earningsBars } from "@/royalties/earnings-bars";
import type { RoyaltyDay } from "@/server/royalties";

// Earnings over time, one small chart per currency (amounts in different currencies do not share an
// axis): an SVG drawn on the server, no client JavaScript, with a table for screen readers.
const WIDTH = 640;
const HEIGHT = 160;
const PAD = { top: 12, right: 8, bottom: 28, left: 48 };
const muted = "text-slate-600 dark:text-slate-400";

export function EarningsCharts({ days }: { days: RoyaltyDay[] }) {
  const symbols = [...new Set(days.map((d) => d.symbol))].sort();
  if (symbols.length === 0) return null;
  return (
    <section
      aria-labelledby="earnings-title"
      className="rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <h2 id="earnings-title" className="text-lg font-semibold tracking-tight">
        Earned over time
      </h2>
      <p className={`mt-1 text-sm ${muted}`}>
        Your part of the revenue credited to your assets (at the shares you hold now), and what you claimed.
      </p>
      <div className="mt-4 grid gap-6 lg:grid-cols-2">
        {symbols.map((symbol) => (
          <CurrencyChart key={symbol} symbol={symbol} days={days.filter((d) => d.symbol === symbol)} />
        ))}
      </div>
    </section>
  );
}

function CurrencyChart({ symbol, days }: { symbol: CurrencySymbol; days: RoyaltyDay[] }) {
  const { bars, unit } = earningsBars(days, CURRENCY_DECIMALS[symbol]);
  return (
    <figure>
      <figcaption className="text-sm font-medium">In {symbol}</figcaption>
      <Chart bars={bars} unit={unit} symbol={symbol} />
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
                Earned ({symbol})
              </th>
              <th scope="col" className="py-1 font-medium">
                Claimed ({symbol})
              </th>
            </tr>
          </thead>
          <tbody>
            {bars
              .filter((b) => b.earned > 0 || b.claimed > 0)
              .map((b) => (
                <tr key={b.label}>
                  <td className="py-0.5">{b.label}</td>
                  <td className="py-0.5">{number(b.earned)}</td>
                  <td className="py-0.5">{number(b.claimed)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const number = (value: number) => value.toLocaleString("en-GB", { maximumSignificantDigits: 4 });

function Chart({ bars, unit, symbol }: { bars: EarningsBar[]; unit: "day" | "week"; symbol: string }) {
  const max = Math.max(Number.MIN_VALUE, ...bars.map((b) => Math.max(b.earned, b.claimed)));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = innerW / bars.length;
  const barW = Math.max(2, step * 0.35);
  const labelEvery = Math.ceil(bars.length / 6);
  const earned = bars.reduce((sum, b) => sum + b.earned, 0);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-auto w-full text-slate-400 dark:text-slate-500"
      role="img"
      aria-label={`${number(earned)} ${symbol} earned over ${bars.length} ${unit}s, from ${bars[0]?.label} to ${bars.at(-1)?.label}; teal bars are earnings, grey bars claims.`}
      data-testid={`earnings-chart-${symbol}`}
    >
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke="currentColor"
            strokeOpacity="0.3"
          />
          <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="currentColor">
            {number(tick)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const x = PAD.left + i * step + step / 2 - barW;
        return (
          <g key={bar.label}>
            {bar.earned > 0 ? (
              <rect
                x={x}
                y={y(bar.earned)}
                width={barW}
                height={y(0) - y(bar.earned)}
                rx="2"
                className="fill-teal-600 dark:fill-teal-400"
              >
                <title>{`${bar.label}: earned ${number(bar.earned)} ${symbol}`}</title>
              </rect>
            ) : null}
            {bar.claimed > 0 ? (
              <rect
                x={x + barW}
                y={y(bar.claimed)}
                width={barW}
                height={y(0) - y(bar.claimed)}
                rx="2"
                className="fill-slate-400 dark:fill-slate-500"
              >
                <title>{`${bar.label}: claimed ${number(bar.claimed)} ${symbol}`}</title>
              </rect>
            ) : null}
            {i % labelEvery === 0 ? (
              <text x={x + barW} y={HEIGHT - 8} textAnchor="middle" fontSize="11" fill="currentColor">
                {bar.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
