import type { Route } from "next";
import Link from "next/link";
import {
  type CatalogueQuery,
  CURRENCY_DECIMALS,
  exploreHref,
  fromBaseUnits,
  RIGHT_LABEL,
  taskLabel,
} from "@/lib/catalogue-query";

// The filters in force, each a link that removes it: the URL is the state, so removing is a link.
export function ActiveFilters({ query }: { query: CatalogueQuery }) {
  const base = { ...query, cursor: null };
  const chips: Array<{ label: string; href: string }> = [];
  if (query.q) chips.push({ label: `“${query.q}”`, href: exploreHref(base, { q: null }) });
  if (query.kind)
    chips.push({
      label: query.kind === "model" ? "Models" : "Datasets",
      href: exploreHref(base, { kind: null }),
    });
  if (query.task) chips.push({ label: taskLabel(query.task), href: exploreHref(base, { task: null }) });
  for (const right of query.rights) {
    chips.push({
      label: RIGHT_LABEL[right],
      href: exploreHref(base, { rights: query.rights.filter((r) => r !== right) }),
    });
  }
  if (query.currency) {
    const d = CURRENCY_DECIMALS[query.currency];
    const range =
      query.minPrice || query.maxPrice
        ? ` ${query.minPrice ? fromBaseUnits(query.minPrice, d) : "0"}–${query.maxPrice ? fromBaseUnits(query.maxPrice, d) : "any"}`
        : "";
    chips.push({
      label: `${query.currency}${range}`,
      href: exploreHref(base, {
        currency: null,
        minPrice: null,
        maxPrice: null,
        sort: query.sort === "price" ? "newest" : query.sort,
      }),
    });
  }
  if (query.clinical) chips.push({ label: "Clinical use", href: exploreHref(base, { clinical: false }) });
  if (query.staked) chips.push({ label: "Staked", href: exploreHref(base, { staked: false }) });
  if (chips.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Filters in force">
      {chips.map((chip) => (
        <li key={chip.label}>
          <Link
            href={chip.href as Route}
            className="inline-flex items-center gap-1 rounded-full bg-teal-50 px-3 py-1 text-xs font-medium text-teal-900 ring-1 ring-teal-600/20 hover:bg-teal-100 dark:bg-teal-400/10 dark:text-teal-200"
          >
            {chip.label}
            <span aria-hidden="true">×</span>
            <span className="sr-only">(remove this filter)</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
