import type { ReactNode } from "react";
import { RIGHT_BIT, RIGHT_LABEL, RIGHTS } from "@/lib/catalogue-query";
import { shortenHex } from "@/lib/format";
import { formatPrice } from "@/lib/money";
import { BuyAction } from "@/purchase/buy-action";
import type { OfferView } from "@/server/asset-detail";
import { muted, Section } from "./section";

// The license offers, in plain words, each live one with its Buy control (a client form; its
// transaction logic loads when Buy is pressed). `renderAction` replaces the control where a page
// wants another one.
export function OffersSection({
  chainId,
  assetId,
  assetName = "this asset",
  offers,
  renderAction = (offer) => (
    <BuyAction chainId={chainId} assetId={assetId} assetName={assetName} offer={offer} />
  ),
}: {
  chainId: number;
  assetId: string;
  assetName?: string;
  offers: OfferView[];
  renderAction?: (offer: OfferView) => ReactNode;
}) {
  const live = offers.filter((o) => !o.retired && (o.maxLicenses === 0 || o.sold < o.maxLicenses));
  return (
    <Section id="offers" title="Licenses">
      {live.length === 0 ? (
        <p className={`text-sm ${muted}`}>
          No license is on offer right now. The builder can add one; check back, or explore similar assets.
        </p>
      ) : (
        <ul className="space-y-4" data-testid="offers">
          {live.map((offer) => (
            <li
              key={offer.id}
              data-offer-id={offer.id}
              className="rounded-xl p-4 ring-1 ring-slate-200 dark:ring-slate-700"
            >
              <p className="font-semibold" data-testid="offer-price">
                {formatPrice(offer.price, offer.currency, offer.period)}
              </p>
              <ul className="mt-2 flex flex-wrap gap-1.5 text-xs" aria-label="Allowed uses">
                {RIGHTS.filter((r) => (offer.rights & RIGHT_BIT[r]) !== 0).map((r) => (
                  <li
                    key={r}
                    className="rounded-md bg-teal-50 px-2 py-0.5 font-medium text-teal-800 dark:bg-teal-400/10 dark:text-teal-200"
                  >
                    {RIGHT_LABEL[r]}
                  </li>
                ))}
              </ul>
              <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-2 text-xs">
                <Fact label="Paid in">{offer.currency === "ETH" ? "ETH" : "tUSD (stablecoin)"}</Fact>
                <Fact label="Seats">One per staff account; buy as many as you need</Fact>
                <Fact label="Transferable">
                  {offer.transferable ? "Yes, it can be resold" : "No, tied to the buyer"}
                </Fact>
                <Fact label="Version">
                  {offer.pinnedVersion === 0 ? "Always the latest" : `Version ${offer.pinnedVersion}`}
                </Fact>
                <Fact label="Sold">
                  {offer.sold.toLocaleString("en-GB")}
                  {offer.maxLicenses > 0 ? ` of ${offer.maxLicenses.toLocaleString("en-GB")}` : ""}
                </Fact>
                <Fact label="Terms hash">
                  <span className="font-mono break-all" title={offer.termsHash}>
                    {shortenHex(offer.termsHash, 6, 4)}
                  </span>
                </Fact>
              </dl>
              {renderAction ? <div className="mt-3">{renderAction(offer)}</div> : null}
            </li>
          ))}
        </ul>
      )}
      {offers.length > live.length ? (
        <p className={`mt-3 text-xs ${muted}`}>
          {offers.length - live.length} earlier{" "}
          {offers.length - live.length === 1 ? "offer is" : "offers are"} closed; licenses sold from them stay
          valid.
        </p>
      ) : null}
    </Section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-slate-800 dark:text-slate-200">{children}</dd>
    </div>
  );
}
