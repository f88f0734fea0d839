import Link from "next/link";
import { KindBadge } from "@/app/_components/kind-badge";
import { assetHref } from "@/lib/asset-href";
import type { LinkedAsset } from "@/server/asset-detail";
import { muted, Section } from "./section";

const percent = (bps: number) => `${(bps / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;

// Where it came from and what was built on it; each upstream asset is paid its share of every sale.
export function LineageSection({
  chainId,
  builtOn,
  usedBy,
}: {
  chainId: number;
  builtOn: LinkedAsset[];
  usedBy: LinkedAsset[];
}) {
  return (
    <Section id="lineage" title="Lineage">
      <div className="grid gap-6 sm:grid-cols-2">
        <LinkList
          title="Built on"
          empty="No upstream assets: nothing else is paid from its sales."
          items={builtOn}
          chainId={chainId}
          share={(a) => `receives ${percent(a.bps)} of each sale`}
        />
        <LinkList
          title="Used by"
          empty="Nothing registered builds on it yet."
          items={usedBy}
          chainId={chainId}
          share={(a) => `pays it ${percent(a.bps)} of each sale`}
        />
      </div>
    </Section>
  );
}

function LinkList({
  title,
  empty,
  items,
  chainId,
  share,
}: {
  title: string;
  empty: string;
  items: LinkedAsset[];
  chainId: number;
  share: (asset: LinkedAsset) => string;
}) {
  return (
    <div className="min-w-0">
      <h3 className="text-sm font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className={`mt-2 text-sm ${muted}`}>{empty}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {items.map((item) => (
            <li key={item.id} className="flex items-start gap-2 text-sm">
              <KindBadge kind={item.kind} />
              <span className="min-w-0">
                <Link
                  href={assetHref(chainId, item.id)}
                  className="font-medium text-teal-700 underline-offset-4 hover:underline dark:text-teal-400"
                >
                  {item.name}
                </Link>
                <span className={`block text-xs ${muted}`}>{share(item)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
