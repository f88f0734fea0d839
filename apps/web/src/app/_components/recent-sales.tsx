import Link from "next/link";
import { assetHref } from "@/lib/asset-href";
import { formatDate } from "@/lib/format";
import type { RecentSale } from "@/server/recent-sales";

export function RecentSales({ sales, chainId }: { sales: readonly RecentSale[]; chainId: number }) {
  return (
    <section aria-labelledby="sales-title" className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <h2 id="sales-title" className="text-2xl font-semibold tracking-tight">
        Recent sales
      </h2>
      {sales.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
          No licenses sold yet. Open a model from the catalogue to see its offers.
        </p>
      ) : (
        <ul
          className="mt-4 divide-y divide-slate-200 rounded-2xl bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800"
          data-testid="recent-sales"
        >
          {sales.map((sale) => (
            <li
              key={sale.id}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 py-3 text-sm"
            >
              <Link
                href={assetHref(chainId, sale.assetId)}
                className="font-medium text-teal-700 underline-offset-4 hover:underline dark:text-teal-400"
              >
                {sale.name}
              </Link>
              <span className="text-slate-600 dark:text-slate-400">
                {sale.renewal ? "Renewed" : "Licensed"} for {sale.amount} ·{" "}
                <time dateTime={sale.soldAt.toISOString()}>{formatDate(sale.soldAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
