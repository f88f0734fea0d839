import Link from "next/link";
import { assetHref } from "@/lib/asset-href";
import { formatAmount } from "@/lib/money";
import { TransferDisclosure } from "@/royalties/transfer-disclosure";
import type { RoyaltyAsset, RoyaltySource } from "@/server/royalties";

const muted = "text-slate-600 dark:text-slate-400";

/** Each asset the account holds shares in: its part, per currency what is claimable and claimed, and
 *  where the asset's revenue came from. */
export function RoyaltyAssets({
  chainId,
  assets,
  royaltyShares,
  holder,
}: {
  chainId: number;
  assets: RoyaltyAsset[];
  royaltyShares: `0x${string}`;
  holder: `0x${string}`;
}) {
  return (
    <ul className="space-y-4" data-testid="royalty-assets">
      {assets.map((asset) => (
        <li
          key={asset.assetId}
          data-testid={`royalty-asset-${asset.assetId}`}
          className="rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-base font-semibold">
              <Link
                href={assetHref(chainId, asset.assetId)}
                className="hover:underline focus-visible:outline-2 focus-visible:outline-teal-600"
              >
                {asset.name}
              </Link>
            </h3>
            <p className={`text-sm ${muted}`} data-testid="royalty-shares">
              {asset.shares === "0"
                ? "You no longer hold shares"
                : `You hold ${asset.percent}% (${Number(asset.shares).toLocaleString("en-GB")} shares)`}
            </p>
          </div>
          {asset.amounts.length === 0 ? (
            <p className={`mt-2 text-sm ${muted}`}>No revenue yet: nothing has been sold.</p>
          ) : (
            <table className="mt-3 w-full text-left text-sm">
              <thead className={muted}>
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Currency
                  </th>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Ready to claim
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Claimed
                  </th>
                </tr>
              </thead>
              <tbody>
                {asset.amounts.map((a) => (
                  <tr key={a.currency} data-testid={`royalty-row-${asset.assetId}-${a.symbol}`}>
                    <td className="py-1 pr-2">{a.symbol}</td>
                    <td className="py-1 pr-2 font-medium" data-base={a.claimable}>
                      {formatAmount(a.claimable, a.symbol, 6)}
                    </td>
                    <td className="py-1" data-base={a.claimed}>
                      {formatAmount(a.claimed, a.symbol, 6)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {asset.sources.length > 0 ? <Sources chainId={chainId} sources={asset.sources} /> : null}
          {asset.shares !== "0" ? (
            <TransferDisclosure
              target={{
                chainId,
                royaltyShares,
                holder,
                assetId: asset.assetId,
                assetName: asset.name,
                held: asset.shares,
              }}
              settles={settlesText(asset)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Sources({ chainId, sources }: { chainId: number; sources: RoyaltySource[] }) {
  return (
    <div className="mt-3 border-t border-slate-100 pt-3 text-sm dark:border-slate-800">
      <p className="font-medium">Where it came from</p>
      <ul className={`mt-1 space-y-1 ${muted}`} data-testid="royalty-sources">
        {sources.map((s) => (
          <li key={`${s.currency}-${s.fromAssetId ?? "other"}`} data-kind={s.kind}>
            {s.kind === "sale" ? (
              <>{plural(s.credits, "sale")} of this asset</>
            ) : s.kind === "upstream" && s.fromAssetId ? (
              <>
                Upstream share of {plural(s.credits, "sale")} of{" "}
                <Link href={assetHref(chainId, s.fromAssetId)} className="underline">
                  {s.fromName}
                </Link>
                , built on this asset
              </>
            ) : (
              plural(s.credits, "other credit")
            )}
            : {formatAmount(s.amount, s.symbol, 6)} to all shareholders, about{" "}
            {formatAmount(s.yours, s.symbol, 6)} of it yours
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "0.035 ETH and 35 tUSD": what a transfer settles to the sender first. */
function settlesText(asset: RoyaltyAsset): string {
  const parts = asset.amounts.map((a) => formatAmount(a.claimable, a.symbol, 6));
  return parts.length > 0 ? parts.join(" and ") : "nothing yet (no revenue so far)";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
