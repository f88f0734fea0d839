import Link from "next/link";
import type { ReactNode } from "react";
import { assetHref } from "@/lib/asset-href";
import { KIND_LABEL } from "@/lib/asset-view";
import { taskLabel } from "@/lib/catalogue-query";
import { formatStake } from "@/lib/money";
import type { CatalogueItem } from "@/server/catalogue";
import { KindBadge } from "./kind-badge";

// One asset in a listing (home, explore). The title is the link; it stretches over the whole card so
// the card opens the asset page wherever it is clicked, while screen readers hear one link per card.
export function CatalogueCard({ item, chainId }: { item: CatalogueItem; chainId: number }) {
  const titleId = `asset-${item.id}-name`;
  return (
    <article
      data-testid="asset-card"
      aria-labelledby={titleId}
      className="relative flex w-full flex-col rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 transition focus-within:ring-2 focus-within:ring-teal-600 hover:ring-slate-300 dark:bg-slate-900 dark:ring-slate-800 dark:hover:ring-slate-700"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={titleId} className="text-lg font-semibold leading-snug">
          <Link
            href={assetHref(chainId, item.id)}
            data-testid="asset-name"
            className={`outline-none after:absolute after:inset-0 after:rounded-2xl hover:text-teal-800 dark:hover:text-teal-300 ${item.hasCard ? "" : "text-slate-500 dark:text-slate-400"}`}
          >
            {item.name}
          </Link>
        </h3>
        <KindBadge kind={item.kind} />
      </div>
      <p className="mt-2 flex-1 text-sm leading-relaxed text-slate-600 dark:text-slate-300">
        {item.snippet ? (
          <Snippet parts={item.snippet} />
        ) : (
          (item.summary ??
          `No model card has been published for this ${KIND_LABEL[item.kind].toLowerCase()} yet.`)
        )}
      </p>
      <ul className="mt-3 flex flex-wrap gap-1.5 text-xs" aria-label="Facts">
        {item.task ? <Tag>{taskLabel(item.task)}</Tag> : null}
        {item.clinicalUse ? <Tag tone="teal">For clinical use</Tag> : null}
        {item.regulatoryStatus ? <Tag>{item.regulatoryStatus}</Tag> : null}
        {item.openChallenges > 0 ? <Tag tone="amber">Challenged</Tag> : null}
      </ul>
      <dl className="mt-4 grid grid-cols-2 gap-x-4 gap-y-3 border-t border-slate-100 pt-4 text-xs sm:grid-cols-3 dark:border-slate-800">
        <Fact label="From, per seat">
          {item.prices.length === 0 ? (
            <span className="text-slate-500 dark:text-slate-400">No offer</span>
          ) : (
            item.prices.map((price) => (
              <span key={price.currency} className="block truncate" title={price.label}>
                {price.short}
              </span>
            ))
          )}
        </Fact>
        <Fact label="Licenses sold">{item.licenses.toLocaleString("en-GB")}</Fact>
        <Fact label="Staked">{item.totalStake === "0" ? "None" : formatStake(item.totalStake)}</Fact>
      </dl>
    </article>
  );
}

function Snippet({ parts }: { parts: string[] }) {
  // Matched words sit at odd indexes (see splitSnippet); the parts never reorder.
  const pieces = parts.map((text, position) => ({ text, hit: position % 2 === 1, key: `part-${position}` }));
  return (
    <>
      {pieces.map((piece) =>
        piece.hit ? (
          <mark
            key={piece.key}
            className="rounded-sm bg-amber-100 px-0.5 text-slate-900 dark:bg-amber-400/25 dark:text-amber-100"
          >
            {piece.text}
          </mark>
        ) : (
          <span key={piece.key}>{piece.text}</span>
        ),
      )}
    </>
  );
}

const TONES = {
  slate: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  teal: "bg-teal-50 text-teal-800 dark:bg-teal-400/10 dark:text-teal-300",
  amber: "bg-amber-50 text-amber-900 dark:bg-amber-400/10 dark:text-amber-200",
} as const;

function Tag({ children, tone = "slate" }: { children: ReactNode; tone?: keyof typeof TONES }) {
  return <li className={`rounded-md px-2 py-0.5 font-medium ${TONES[tone]}`}>{children}</li>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 font-medium text-slate-800 dark:text-slate-200">{children}</dd>
    </div>
  );
}
