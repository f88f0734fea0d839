import type { CardMeta } from "@tessera/db/cards";
import type { ReactNode } from "react";
import { KindBadge } from "@/app/_components/kind-badge";
import { RIGHT_BIT, RIGHT_LABEL, RIGHTS, taskLabel } from "@/lib/catalogue-query";
import { formatDate, shortenHex } from "@/lib/format";
import type { AssetDetail } from "@/server/asset-detail";

// Above the fold: what it is, what a license lets you do, its regulatory status and current version.
export function AssetHeader({ asset, meta }: { asset: AssetDetail; meta: CardMeta | null }) {
  const liveRights = asset.offers.filter((o) => !o.retired).reduce((bits, o) => bits | o.rights, 0);
  const current = asset.versions[0];
  const task = meta?.pipeline_tag ?? meta?.task_categories?.[0];
  return (
    <header>
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Asset #{asset.id} · registered {formatDate(asset.registeredAt)} by{" "}
        <span className="font-mono" title={asset.owner}>
          {shortenHex(asset.owner)}
        </span>
      </p>
      <h1 id="asset-title" className="mt-2 text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
        {asset.name}
      </h1>
      {asset.summary ? (
        <p className="mt-3 max-w-3xl text-lg leading-relaxed text-pretty text-slate-600 dark:text-slate-300">
          {asset.summary}
        </p>
      ) : null}
      <ul
        className="mt-5 flex flex-wrap items-center gap-2 text-xs"
        aria-label="At a glance"
        data-testid="asset-badges"
      >
        <li>
          <KindBadge kind={asset.kind} />
        </li>
        {task ? <Badge>{taskLabel(task)}</Badge> : null}
        {RIGHTS.filter((right) => (liveRights & RIGHT_BIT[right]) !== 0).map((right) => (
          <Badge key={right} tone={right === "clinical" ? "teal" : "slate"}>
            {RIGHT_LABEL[right]}
          </Badge>
        ))}
        {liveRights === 0 ? <Badge>No license on offer</Badge> : null}
        <Badge tone={meta?.regulatory_status ? "indigo" : "slate"}>
          {meta?.regulatory_status
            ? `Regulatory: ${meta.regulatory_status}`
            : "Regulatory status not provided"}
        </Badge>
        {current ? (
          <Badge>
            Version {current.version}
            <span className="sr-only"> (current)</span>
          </Badge>
        ) : null}
        {meta?.license ? <Badge>Card license: {meta.license}</Badge> : null}
      </ul>
    </header>
  );
}

const TONES = {
  slate:
    "bg-slate-100 text-slate-700 ring-slate-300/60 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700",
  teal: "bg-teal-50 text-teal-800 ring-teal-600/20 dark:bg-teal-400/10 dark:text-teal-200 dark:ring-teal-400/30",
  indigo:
    "bg-indigo-50 text-indigo-800 ring-indigo-600/20 dark:bg-indigo-400/10 dark:text-indigo-200 dark:ring-indigo-400/30",
} as const;

function Badge({ children, tone = "slate" }: { children: ReactNode; tone?: keyof typeof TONES }) {
  return (
    <li
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </li>
  );
}
