import type { AssetKind } from "@tessera/db";
import { KIND_LABEL } from "@/lib/asset-view";

const KIND_STYLE: Record<AssetKind, string> = {
  MODEL:
    "bg-teal-50 text-teal-800 ring-teal-600/20 dark:bg-teal-400/10 dark:text-teal-300 dark:ring-teal-400/30",
  DATASET:
    "bg-indigo-50 text-indigo-800 ring-indigo-600/20 dark:bg-indigo-400/10 dark:text-indigo-300 dark:ring-indigo-400/30",
};

export function KindBadge({ kind }: { kind: AssetKind }) {
  return (
    <span
      data-testid="asset-kind"
      className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${KIND_STYLE[kind]}`}
    >
      {KIND_LABEL[kind]}
    </span>
  );
}
