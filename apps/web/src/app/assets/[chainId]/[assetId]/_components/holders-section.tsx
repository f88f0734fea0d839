import { shortenHex } from "@/lib/format";
import type { AssetDetail } from "@/server/asset-detail";
import { muted, Section } from "./section";

// Who is paid from its sales: revenue shares (transferable), largest first.
export function HoldersSection({
  holders,
  holderCount,
  totalShares,
}: {
  holders: AssetDetail["holders"];
  holderCount: number;
  totalShares: string;
}) {
  const total = BigInt(totalShares);
  const percent = (balance: string) =>
    total === 0n ? "0%" : `${(Number((BigInt(balance) * 10_000n) / total) / 100).toLocaleString("en-GB")}%`;
  return (
    <Section id="holders" title="Revenue shares">
      <p className={`text-sm ${muted}`}>
        What reaches this asset's shareholders after fees is split by these shares.
      </p>
      {holders.length === 0 ? (
        <p className={`mt-3 text-sm ${muted}`}>No shares have been indexed yet.</p>
      ) : (
        <ul className="mt-3 space-y-2 text-sm" data-testid="holders">
          {holders.map((h) => (
            <li key={h.holder} className="flex items-center justify-between gap-3">
              <span className="font-mono text-xs" title={h.holder}>
                {shortenHex(h.holder)}
              </span>
              <span className="font-medium">{percent(h.balance)}</span>
            </li>
          ))}
        </ul>
      )}
      {holderCount > holders.length ? (
        <p className={`mt-2 text-xs ${muted}`}>and {holderCount - holders.length} more holders</p>
      ) : null}
    </Section>
  );
}
