import Link from "next/link";
import { assetHref } from "@/lib/asset-href";
import { taskLabel } from "@/lib/catalogue-query";
import { formatDate } from "@/lib/format";
import type { CatalogueItem } from "@/server/catalogue";
import { KindBadge } from "./kind-badge";

// The latest registrations, compact: each row opens its asset page.
export function NewestAssets({ items, chainId }: { items: readonly CatalogueItem[]; chainId: number }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="newest-title" className="mx-auto max-w-6xl px-4 pb-16 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="newest-title" className="text-2xl font-semibold tracking-tight">
          New in the catalogue
        </h2>
        <Link
          href="/explore?sort=newest"
          className="text-sm font-medium text-teal-700 underline-offset-4 hover:underline dark:text-teal-400"
        >
          See all, newest first →
        </Link>
      </div>
      <ul
        className="mt-4 divide-y divide-slate-200 rounded-2xl bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800"
        data-testid="newest-assets"
      >
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-5 py-3 text-sm">
            <KindBadge kind={item.kind} />
            <Link
              href={assetHref(chainId, item.id)}
              data-testid="newest-name"
              className={`font-medium underline-offset-4 hover:underline ${item.hasCard ? "text-teal-700 dark:text-teal-400" : "text-slate-600 dark:text-slate-400"}`}
            >
              {item.name}
            </Link>
            {item.task ? (
              <span className="text-slate-600 dark:text-slate-400">{taskLabel(item.task)}</span>
            ) : null}
            <time
              className="ml-auto text-xs text-slate-500 dark:text-slate-400"
              dateTime={item.registeredAt.toISOString()}
            >
              {formatDate(item.registeredAt)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
