import type { Route } from "next";
import Link from "next/link";
import { CatalogueCard } from "@/app/_components/catalogue-card";
import { type CatalogueQuery, exploreHref, SORT_LABEL, toSearchParams } from "@/lib/catalogue-query";
import type { CataloguePage } from "@/server/catalogue";
import { ActiveFilters } from "./active-filters";

export function Results({
  query,
  page,
  notices,
  chainId,
}: {
  query: CatalogueQuery;
  page: CataloguePage;
  notices: string[];
  chainId: number;
}) {
  const firstPage = exploreHref(query, { cursor: null }) as Route;
  return (
    <section aria-labelledby="results-title" className="min-w-0">
      <h2 id="results-title" className="sr-only">
        Results
      </h2>
      {notices.length > 0 ? (
        <div
          role="status"
          data-testid="query-notices"
          className="mb-4 rounded-xl bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-400/10 dark:text-amber-100 dark:ring-amber-400/30"
        >
          <ul className="list-disc space-y-1 pl-5">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="results-summary">
          {page.items.length === 0
            ? "No matches"
            : `${query.cursor ? "More results" : `${page.items.length}${page.nextCursor ? "+" : ""} ${page.items.length === 1 ? "result" : "results"}`}, ${SORT_LABEL[query.sort].toLowerCase()} first`}
        </p>
        <ActiveFilters query={query} />
      </div>
      {page.items.length === 0 ? (
        <div
          data-testid="empty-results"
          className="mt-4 rounded-2xl border border-dashed border-slate-300 px-6 py-12 text-center dark:border-slate-700"
        >
          <h3 className="text-base font-semibold">Nothing matches all of these</h3>
          <p className="mx-auto mt-2 max-w-md text-sm leading-relaxed text-slate-600 dark:text-slate-400">
            Try fewer words, or remove a filter above. Price filters compare one currency at a time.
          </p>
          <Link
            href="/explore"
            className="mt-4 inline-block text-sm font-medium text-teal-700 underline-offset-4 hover:underline dark:text-teal-400"
          >
            Start again with every asset
          </Link>
        </div>
      ) : (
        <ul className="mt-4 grid gap-4 xl:grid-cols-2">
          {page.items.map((item) => (
            <li key={item.id} className="flex">
              <CatalogueCard item={item} chainId={chainId} />
            </li>
          ))}
        </ul>
      )}
      {query.cursor || page.nextCursor ? (
        <nav
          aria-label="Pages"
          className="mt-6 flex flex-wrap items-center justify-between gap-4 text-sm font-medium"
        >
          <div className="flex flex-wrap items-center gap-4">
            {page.prevCursor ? (
              <Link
                href={pageHref(query, page.prevCursor)}
                rel="prev"
                data-testid="previous-page"
                className={pageButton}
              >
                ← Previous page
              </Link>
            ) : null}
            {query.cursor ? (
              <Link
                href={firstPage}
                data-testid="first-page"
                className="text-teal-700 underline-offset-4 hover:underline dark:text-teal-400"
              >
                First page
              </Link>
            ) : null}
          </div>
          {page.nextCursor ? (
            <Link
              href={pageHref(query, page.nextCursor)}
              rel="next"
              data-testid="next-page"
              className={pageButton}
            >
              Next results →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

const pageButton =
  "rounded-full bg-white px-4 py-2 text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700";

/** The same search and filters, at the page this cursor names (forward or back). */
function pageHref(query: CatalogueQuery, cursor: string): Route {
  const params = toSearchParams(query, { cursor: null });
  params.set("cursor", cursor);
  return `/explore?${params}` as Route;
}
