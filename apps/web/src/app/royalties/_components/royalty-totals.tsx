import { formatAmount } from "@/lib/money";
import type { Royalties } from "@/server/royalties";

/** Per currency: what can be claimed now and what has been claimed so far. */
export function RoyaltyTotals({ totals }: { totals: Royalties["totals"] }) {
  if (totals.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="royalty-totals">
        None of your assets has earned anything yet. Revenue appears here once a license is sold.
      </p>
    );
  }
  return (
    <dl className="grid gap-4 sm:grid-cols-2" data-testid="royalty-totals">
      {totals.map((t) => (
        <div
          key={t.currency}
          className="rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
          data-testid={`total-${t.symbol}`}
        >
          <dt className="text-sm text-slate-600 dark:text-slate-400">Ready to claim in {t.symbol}</dt>
          <dd
            className="mt-1 text-2xl font-semibold"
            data-testid={`claimable-${t.symbol}`}
            data-base={t.claimable}
          >
            {formatAmount(t.claimable, t.symbol, 6)}
          </dd>
          <dd className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Claimed so far:{" "}
            <span data-testid={`claimed-${t.symbol}`}>{formatAmount(t.claimed, t.symbol, 6)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
