import type { ReactNode } from "react";
import { type AssetView, KIND_LABEL } from "@/lib/asset-view";
import { formatDate, shortenHex } from "@/lib/format";
import { KindBadge } from "./kind-badge";

export function AssetCard({ asset }: { asset: AssetView }) {
  return (
    <article
      data-testid="asset-card"
      aria-labelledby={`asset-${asset.id}-name`}
      className="flex w-full flex-col rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 transition hover:ring-slate-300 dark:bg-slate-900 dark:ring-slate-800 dark:hover:ring-slate-700"
    >
      <div className="flex items-start justify-between gap-3">
        <h3
          id={`asset-${asset.id}-name`}
          data-testid="asset-name"
          className={`text-lg font-semibold leading-snug ${asset.hasCard ? "" : "text-slate-500 dark:text-slate-400"}`}
        >
          {asset.name}
        </h3>
        <KindBadge kind={asset.kind} />
      </div>
      <p className="mt-2 flex-1 text-sm leading-relaxed text-slate-600 dark:text-slate-300">
        {asset.summary ??
          (asset.hasCard
            ? "The model card has no summary."
            : `No model card has been published for this ${KIND_LABEL[asset.kind].toLowerCase()} yet.`)}
      </p>
      <dl className="mt-5 grid grid-cols-2 gap-x-4 gap-y-3 border-t border-slate-100 pt-4 text-xs sm:grid-cols-4 dark:border-slate-800">
        <Fact label="Asset">#{asset.id}</Fact>
        <Fact label="Owner">
          <span className="font-mono" title={asset.owner}>
            {shortenHex(asset.owner, 4, 4)}
          </span>
        </Fact>
        <Fact label="Content hash">
          <span className="font-mono" title={asset.contentHash}>
            {shortenHex(asset.contentHash, 4, 4)}
          </span>
        </Fact>
        <Fact label="Registered">
          <time dateTime={asset.registeredAt.toISOString()}>{formatDate(asset.registeredAt)}</time>
        </Fact>
      </dl>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 truncate font-medium text-slate-800 dark:text-slate-200">{children}</dd>
    </div>
  );
}
