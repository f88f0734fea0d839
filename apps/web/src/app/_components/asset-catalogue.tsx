import type { AssetView } from "@/lib/asset-view";
import { AssetCard } from "./asset-card";
import { EmptyCatalogue } from "./empty-catalogue";

export function AssetCatalogue({ assets, total }: { assets: readonly AssetView[]; total: number }) {
  return (
    <section aria-labelledby="catalogue-title" className="mx-auto max-w-6xl px-4 py-12 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="catalogue-title" className="text-2xl font-semibold tracking-tight">
          Registered assets
        </h2>
        {total > 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {total > assets.length
              ? `Newest ${assets.length} of ${total}`
              : `${total} ${total === 1 ? "asset" : "assets"}, newest first`}
          </p>
        ) : null}
      </div>
      {assets.length === 0 ? (
        <EmptyCatalogue />
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {assets.map((asset) => (
            <li key={asset.id} className="flex">
              <AssetCard asset={asset} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
