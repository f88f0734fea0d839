import { formatDate, shortenHex } from "@/lib/format";
import type { AssetDetail } from "@/server/asset-detail";
import { muted, Section } from "./section";

// Each version's artifact hash as recorded on chain: a download is checked against it.
export function VersionsSection({ versions }: { versions: AssetDetail["versions"] }) {
  return (
    <Section id="versions" title="Versions">
      <p className={`text-sm ${muted}`}>
        The sha256 of each version's artifact is recorded on chain; a licensed download is checked against it.
      </p>
      <ol className="mt-3 divide-y divide-slate-100 dark:divide-slate-800" data-testid="versions">
        {versions.map((v, index) => (
          <li
            key={v.version}
            className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm"
          >
            <span className="font-medium">
              Version {v.version}
              {index === 0 ? (
                <span className="ml-2 text-xs font-normal text-teal-700 dark:text-teal-400">current</span>
              ) : null}
            </span>
            <span className="min-w-0 font-mono text-xs break-all" title={v.contentHash}>
              sha256 {shortenHex(v.contentHash, 10, 8)}
            </span>
            <time className={`text-xs ${muted}`} dateTime={v.publishedAt.toISOString()}>
              {formatDate(v.publishedAt)}
            </time>
          </li>
        ))}
      </ol>
    </Section>
  );
}
