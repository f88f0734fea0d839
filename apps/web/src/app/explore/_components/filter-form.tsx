import type { ReactNode } from "react";
import {
  type CatalogueQuery,
  CURRENCIES,
  CURRENCY_DECIMALS,
  fromBaseUnits,
  RIGHT_LABEL,
  RIGHTS,
  SORT_LABEL,
  SORTS,
  TASK_LABEL,
} from "@/lib/catalogue-query";

// A plain GET form: it works without JavaScript, and submitting it writes every choice into the URL.
const field =
  "mt-1 block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700";
const label = "block text-sm font-medium text-slate-700 dark:text-slate-300";

export function FilterForm({ query }: { query: CatalogueQuery }) {
  const price = (value: string | null) =>
    value && query.currency ? fromBaseUnits(value, CURRENCY_DECIMALS[query.currency]) : "";
  return (
    <search aria-label="Search and filter the catalogue">
      <form action="/explore" method="get" className="space-y-5">
        <div>
          <label htmlFor="q" className={label}>
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder="e.g. chest x-ray tuberculosis"
            maxLength={200}
            className={field}
          />
        </div>
        {/* One column on a phone: side by side, "Models and datasets" did not fit its half at 375 px. */}
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-1">
          <div>
            <label htmlFor="kind" className={label}>
              Kind
            </label>
            <select id="kind" name="kind" defaultValue={query.kind ?? "all"} className={field}>
              <option value="all">Models and datasets</option>
              <option value="model">Models</option>
              <option value="dataset">Datasets</option>
            </select>
          </div>
          <div>
            <label htmlFor="task" className={label}>
              Task
            </label>
            <select id="task" name="task" defaultValue={query.task ?? "all"} className={field}>
              <option value="all">Any task</option>
              {Object.entries(TASK_LABEL).map(([id, text]) => (
                <option key={id} value={id}>
                  {text}
                </option>
              ))}
              {query.task && !TASK_LABEL[query.task] ? (
                <option value={query.task}>{query.task}</option>
              ) : null}
            </select>
          </div>
        </div>
        <fieldset>
          <legend className={label}>A license must allow</legend>
          <div className="mt-2 space-y-2">
            {RIGHTS.map((right) => (
              <Check key={right} name="rights" value={right} checked={query.rights.includes(right)}>
                {RIGHT_LABEL[right]}
              </Check>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className={label}>Price per seat per period</legend>
          <div className="mt-1 grid grid-cols-3 gap-2">
            <div>
              <label htmlFor="currency" className="sr-only">
                Currency
              </label>
              <select id="currency" name="currency" defaultValue={query.currency ?? "any"} className={field}>
                <option value="any">Any</option>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="minPrice" className="sr-only">
                Minimum price
              </label>
              <input
                id="minPrice"
                name="minPrice"
                inputMode="decimal"
                placeholder="Min"
                defaultValue={price(query.minPrice)}
                className={field}
              />
            </div>
            <div>
              <label htmlFor="maxPrice" className="sr-only">
                Maximum price
              </label>
              <input
                id="maxPrice"
                name="maxPrice"
                inputMode="decimal"
                placeholder="Max"
                defaultValue={price(query.maxPrice)}
                className={field}
              />
            </div>
          </div>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className={label}>Trust</legend>
          <Check name="clinical" value="1" checked={query.clinical}>
            Clinical use allowed
          </Check>
          <Check name="staked" value="1" checked={query.staked}>
            Someone has staked on it
          </Check>
        </fieldset>
        <div>
          <label htmlFor="sort" className={label}>
            Sort by
          </label>
          <select
            id="sort"
            name="sort"
            defaultValue={
              // Browsing is "best match" that falls back to newest, so typing words then ranks them.
              !query.q && query.sort === "newest" ? "relevance" : query.sort
            }
            className={field}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABEL[sort]}
                {sort === "relevance" ? " (newest when not searching)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="submit"
            className="inline-flex h-10 items-center rounded-full bg-teal-700 px-5 text-sm font-medium text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600"
          >
            Show results
          </button>
          <a
            href="/explore"
            className="text-sm font-medium text-slate-600 underline-offset-4 hover:underline dark:text-slate-400"
          >
            Clear all
          </a>
        </div>
      </form>
    </search>
  );
}

function Check({
  name,
  value,
  checked,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        className="size-4 rounded border-slate-300 accent-teal-700"
      />
      {children}
    </label>
  );
}
