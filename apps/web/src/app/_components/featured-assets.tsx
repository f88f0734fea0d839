import Link from "next/link";
import type { CatalogueItem } from "@/server/catalogue";
import { CatalogueCard } from "./catalogue-card";
import { EmptyCatalogue } from "./empty-catalogue";

export function FeaturedAssets({ items, chainId }: { items: readonly CatalogueItem[]; chainId: number }) {
  return (
    <section aria-labelledby="featured-title" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="featured-title" className="text-2xl font-semibold tracking-tight">
          Most staked models
        </h2>
        <Link
          href="/explore"
          className="text-sm font-medium text-teal-700 underline-offset-4 hover:underline dark:text-teal-400"
        >
          Explore every model and dataset →
        </Link>
      </div>
      {items.length === 0 ? (
        <EmptyCatalogue />
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {items.map((item) => (
            <li key={item.id} className="flex">
              <CatalogueCard item={item} chainId={chainId} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
