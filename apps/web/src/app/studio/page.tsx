import type { Metadata, Route } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { SignInPrompt } from "@/auth/sign-in-prompt";
import { SalesChart } from "@/components/sales-chart";
import { assetHref } from "@/lib/asset-href";
import { KIND_LABEL } from "@/lib/asset-view";
import { RIGHT_BIT, RIGHT_LABEL, RIGHTS } from "@/lib/catalogue-query";
import { formatDate, shortenHex } from "@/lib/format";
import { formatAmount, formatPrice, formatStake } from "@/lib/money";
import { termsHref } from "@/lib/publish/terms-api";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { contracts } from "@/server/deployment";
import { serverEnv } from "@/server/env";
import { getStudio, type StudioAsset } from "@/server/studio";
import { RetireOffer } from "@/studio/retire-offer";

export const metadata: Metadata = { title: "Studio" };

const panel =
  "rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";
const muted = "text-slate-600 dark:text-slate-400";

export default async function StudioPage() {
  await connection();
  const session = await currentSession(db());
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-10 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Studio</h1>
          <p className={`mt-2 max-w-2xl ${muted}`}>
            Your models and datasets, their offers and how they sell.
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href={"/uploads" as Route}
            className="text-sm text-teal-700 underline underline-offset-2 dark:text-teal-400"
          >
            My uploads
          </Link>
          <Link
            href={"/publish" as Route}
            className="inline-flex h-10 items-center rounded-full bg-teal-700 px-5 text-sm font-semibold text-white hover:bg-teal-800"
          >
            Publish a model or dataset
          </Link>
        </div>
      </div>
      {session ? (
        <StudioBody owner={session.address} />
      ) : (
        <SignInPrompt purpose="to see the assets you own and their sales" />
      )}
    </div>
  );
}

async function StudioBody({ owner }: { owner: string }) {
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const [studio, deployed] = await Promise.all([
    getStudio(db(), chainId, owner),
    contracts().catch(() => null),
  ]);
  if (studio.assets.length === 0) {
    return (
      <p className={`${panel} text-sm ${muted}`} data-testid="studio-empty">
        {shortenHex(owner)} owns no assets on Tessera yet. Publish one, and its offers and sales appear here.
      </p>
    );
  }
  return (
    <>
      <section
        aria-labelledby="summary-title"
        className="grid gap-4 sm:grid-cols-3"
        data-testid="studio-summary"
      >
        <h2 id="summary-title" className="sr-only">
          Summary
        </h2>
        <div className={panel}>
          <p className={`text-sm ${muted}`}>Revenue (paid by clinics)</p>
          {studio.revenue.length === 0 ? (
            <p className="mt-1 text-lg font-semibold">No sales yet</p>
          ) : (
            <ul className="mt-1 space-y-1" data-testid="studio-revenue">
              {studio.revenue.map((r) => (
                <li key={r.currency}>
                  <span className="text-lg font-semibold">{formatAmount(r.total, r.currency)}</span>
                  <span className={`block text-xs ${muted}`}>
                    {r.sales} {r.sales === 1 ? "sale" : "sales"}; {formatAmount(r.toShareholders, r.currency)}{" "}
                    to shareholders after fees, upstream and curators
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className={panel}>
          <p className={`text-sm ${muted}`}>License holders now</p>
          <p className="mt-1 text-lg font-semibold" data-testid="studio-holders">
            {studio.activeHolders.toLocaleString("en-GB")}
          </p>
          <p className={`text-xs ${muted}`}>accounts holding a license that has not expired</p>
        </div>
        <div className={panel}>
          <p className={`text-sm ${muted}`}>Assets</p>
          <p className="mt-1 text-lg font-semibold">{studio.assets.length.toLocaleString("en-GB")}</p>
          <p className={`text-xs ${muted}`}>owned by {shortenHex(owner)}</p>
        </div>
      </section>
      {studio.salesByDay.length > 0 ? (
        <section aria-labelledby="chart-title" className={panel}>
          <h2 id="chart-title" className="mb-4 text-lg font-semibold tracking-tight">
            Sales over time
          </h2>
          <SalesChart sales={studio.salesByDay} />
        </section>
      ) : null}
      <section aria-labelledby="assets-title" className="space-y-4">
        <h2 id="assets-title" className="text-lg font-semibold tracking-tight">
          Your assets
        </h2>
        {studio.assets.map((asset) => (
          <AssetPanel
            key={asset.id}
            asset={asset}
            chainId={chainId}
            licenseManager={deployed?.LicenseManager ?? null}
          />
        ))}
      </section>
      <section aria-labelledby="sales-title" className={panel}>
        <h2 id="sales-title" className="text-lg font-semibold tracking-tight">
          Recent sales
        </h2>
        {studio.recentSales.length === 0 ? (
          <p className={`mt-3 text-sm ${muted}`}>No licenses sold yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full min-w-[36rem] text-left text-sm" data-testid="studio-sales">
              <thead className={muted}>
                <tr>
                  <th scope="col" className="py-2 font-medium">
                    Date
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Asset
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    What
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Buyer
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Paid
                  </th>
                </tr>
              </thead>
              <tbody>
                {studio.recentSales.map((sale) => (
                  <tr
                    key={`${sale.txHash}:${sale.assetId}`}
                    className="border-t border-slate-100 dark:border-slate-800"
                  >
                    <td className="py-2">{formatDate(sale.soldAt)}</td>
                    <td className="py-2">
                      <Link
                        href={assetHref(chainId, sale.assetId)}
                        className="text-teal-700 underline-offset-2 hover:underline dark:text-teal-400"
                      >
                        {sale.assetName}
                      </Link>
                    </td>
                    <td className="py-2">{sale.kind === "RENEWAL" ? "Renewal" : "Purchase"}</td>
                    <td className="py-2 font-mono text-xs" title={sale.payer}>
                      {shortenHex(sale.payer)}
                    </td>
                    <td className="py-2 text-right">{formatAmount(sale.total, sale.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function AssetPanel({
  asset,
  chainId,
  licenseManager,
}: {
  asset: StudioAsset;
  chainId: number;
  licenseManager: `0x${string}` | null;
}) {
  return (
    <article className={panel} data-testid="studio-asset" data-asset-id={asset.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">
          <Link href={assetHref(chainId, asset.id)} className="hover:underline">
            {asset.name}
          </Link>
        </h3>
        <p className={`text-sm ${muted}`}>
          {KIND_LABEL[asset.kind]} #{asset.id} · version {asset.versionCount} · {asset.licensesSold}{" "}
          {asset.licensesSold === 1 ? "license" : "licenses"} sold · {asset.activeHolders} current{" "}
          {asset.activeHolders === 1 ? "holder" : "holders"} · {formatStake(asset.totalStake)} staked
        </p>
      </div>
      <p className="mt-2 text-sm">
        <Link
          href={`/studio/${asset.id}/new-version` as Route}
          className="text-teal-700 underline underline-offset-2 dark:text-teal-400"
          data-testid="new-version-link"
        >
          Publish version {asset.versionCount + 1}
        </Link>
      </p>
      {asset.offers.length === 0 ? (
        <p className={`mt-3 text-sm ${muted}`}>No offers: clinics cannot license this asset yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 dark:divide-slate-800">
          {asset.offers.map((offer) => (
            <li
              key={offer.offerId}
              className="flex flex-wrap items-start justify-between gap-3 py-3"
              data-testid="studio-offer"
            >
              <div className="space-y-1 text-sm">
                <p className="font-medium">
                  Offer #{offer.offerId}: {formatPrice(offer.price, offer.currency, offer.period)}
                  {offer.retired ? (
                    <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
                      Retired
                    </span>
                  ) : null}
                </p>
                <p className={muted}>
                  {RIGHTS.filter((r) => (offer.rights & RIGHT_BIT[r]) !== 0)
                    .map((r) => RIGHT_LABEL[r])
                    .join(", ")}{" "}
                  · {offer.pinnedVersion === 0 ? "latest version" : `version ${offer.pinnedVersion}`} ·{" "}
                  {offer.sold}
                  {offer.maxLicenses === "0" ? "" : ` of ${offer.maxLicenses}`} sold ·{" "}
                  <a
                    href={termsHref(offer.termsHash)}
                    className="text-teal-700 underline underline-offset-2 dark:text-teal-400"
                  >
                    terms
                  </a>
                </p>
              </div>
              {!offer.retired && licenseManager ? (
                <RetireOffer
                  chainId={chainId}
                  offerId={offer.offerId}
                  licenseManager={licenseManager}
                  label={`offer #${offer.offerId}`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
