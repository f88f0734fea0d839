"use client";

import { useId } from "react";
import { CURRENCIES, RIGHT_LABEL, RIGHTS } from "@/lib/catalogue-terms";
import {
  checkOffer,
  DATA_HANDLING_TEXT,
  defaultOfferDraft,
  LIABILITY_TEXT,
  type OfferDraft,
  PERIODS,
  type PeriodChoice,
} from "@/lib/publish/offer";
import { renderTermsDocument } from "@/lib/publish/terms-document";
import { BUTTON_QUIET, FIELD_ERROR, HINT, INPUT, LABEL, PANEL } from "./ui";

const MAX_OFFERS = 4;

/** The licenses clinics can buy, each with terms built from the regulated-use template. */
export function OffersStep({
  offers,
  onOffers,
  assetName,
  intendedUse,
}: {
  offers: OfferDraft[];
  onOffers: (offers: OfferDraft[]) => void;
  assetName: string;
  /** The card's intended use, offered as the terms' starting text. */
  intendedUse: string | null;
}) {
  const update = (index: number, offer: OfferDraft) =>
    onOffers(offers.map((o, i) => (i === index ? offer : o)));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Each offer is a license clinics can buy: a price per seat (one person or one installation) per period,
        what the license allows, and its legal terms. The terms are written from a template for regulated use;
        their fingerprint (sha256) is recorded on chain with the offer, so a clinic can always prove what it
        agreed to.
      </p>
      {offers.map((offer, index) => (
        <OfferForm
          // biome-ignore lint/suspicious/noArrayIndexKey: offers have no identity beyond their position
          key={index}
          index={index}
          offer={offer}
          assetName={assetName}
          intendedUse={intendedUse}
          onChange={(next) => update(index, next)}
          onRemove={offers.length > 1 ? () => onOffers(offers.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <button
        type="button"
        className={BUTTON_QUIET}
        disabled={offers.length >= MAX_OFFERS}
        onClick={() =>
          onOffers([...offers, defaultOfferDraft(offers.some((o) => o.currency === "ETH") ? "tUSD" : "ETH")])
        }
      >
        Add another offer
      </button>
      {offers.length >= MAX_OFFERS ? (
        <p className={HINT}>Up to {MAX_OFFERS} offers at publication; add more later from your studio.</p>
      ) : null}
    </div>
  );
}

function OfferForm({
  index,
  offer,
  assetName,
  intendedUse,
  onChange,
  onRemove,
}: {
  index: number;
  offer: OfferDraft;
  assetName: string;
  intendedUse: string | null;
  onChange: (offer: OfferDraft) => void;
  onRemove?: () => void;
}) {
  const id = useId();
  const check = checkOffer(offer);
  const problems = (field: string) => (check.ok ? [] : check.problems.filter((p) => p.field === field));
  const set = (patch: Partial<OfferDraft>) => onChange({ ...offer, ...patch });
  const setTerms = (patch: Partial<OfferDraft["terms"]>) =>
    onChange({ ...offer, terms: { ...offer.terms, ...patch } });
  const priceErrors = problems("price");
  const capErrors = problems("maxLicenses");
  return (
    <fieldset className={`${PANEL} space-y-4`} data-testid={`offer-${index}`}>
      <legend className="px-1 text-base font-semibold text-slate-900 dark:text-white">
        Offer {index + 1}
      </legend>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-price`} className={LABEL}>
            Price per seat per period
          </label>
          <input
            id={`${id}-price`}
            value={offer.price}
            inputMode="decimal"
            placeholder={offer.currency === "ETH" ? "0.05" : "250"}
            onChange={(e) => set({ price: e.target.value })}
            aria-invalid={priceErrors.length > 0 && offer.price !== ""}
            className={INPUT}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-currency`} className={LABEL}>
            Currency
          </label>
          <select
            id={`${id}-currency`}
            value={offer.currency}
            onChange={(e) => set({ currency: e.target.value as OfferDraft["currency"] })}
            className={INPUT}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c === "ETH" ? "ETH" : "tUSD (stablecoin)"}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-period`} className={LABEL}>
            Period
          </label>
          <select
            id={`${id}-period`}
            value={offer.period}
            onChange={(e) => set({ period: e.target.value as PeriodChoice })}
            className={INPUT}
          >
            {(Object.keys(PERIODS) as PeriodChoice[]).map((p) => (
              <option key={p} value={p}>
                {PERIODS[p].label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {priceErrors.length > 0 && offer.price !== "" ? (
        <p className={FIELD_ERROR}>{priceErrors[0]?.message}</p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-cap`} className={LABEL}>
            Licenses available (empty = no cap)
          </label>
          <input
            id={`${id}-cap`}
            value={offer.maxLicenses}
            inputMode="numeric"
            onChange={(e) => set({ maxLicenses: e.target.value })}
            aria-invalid={capErrors.length > 0}
            className={INPUT}
          />
          {capErrors[0] ? <p className={FIELD_ERROR}>{capErrors[0].message}</p> : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-version`} className={LABEL}>
            Version licensed
          </label>
          <select
            id={`${id}-version`}
            value={offer.pinnedVersion}
            onChange={(e) => set({ pinnedVersion: Number(e.target.value) })}
            className={INPUT}
          >
            <option value={0}>Always the latest version</option>
            <option value={1}>Version 1 only</option>
          </select>
        </div>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-800 dark:text-slate-100">
        <input
          type="checkbox"
          checked={offer.transferable}
          onChange={(e) => set({ transferable: e.target.checked })}
          className="mt-1"
        />
        <span>
          Transferable — a clinic may pass the license on (for example to a hospital that takes it over).
          Unticked, the license stays with the buyer.
        </span>
      </label>
      <fieldset className="space-y-2">
        <legend className={LABEL}>Usage rights granted</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {RIGHTS.map((right) => (
            <label
              key={right}
              className="inline-flex items-center gap-2 text-sm text-slate-800 dark:text-slate-100"
            >
              <input
                type="checkbox"
                checked={offer.rights.includes(right)}
                onChange={(e) =>
                  set({
                    rights: e.target.checked
                      ? [...offer.rights, right]
                      : offer.rights.filter((r) => r !== right),
                  })
                }
              />
              {RIGHT_LABEL[right]}
            </label>
          ))}
        </div>
        {problems("rights").map((p) => (
          <p key={p.message} className={FIELD_ERROR}>
            {p.message}
          </p>
        ))}
      </fieldset>
      <fieldset className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-700">
        <legend className="text-sm font-semibold text-slate-900 dark:text-white">
          License terms (regulated-use template)
        </legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {(["clinical", "research"] as const).map((use) => (
            <label
              key={use}
              className="inline-flex items-center gap-2 text-sm text-slate-800 dark:text-slate-100"
            >
              <input
                type="radio"
                name={`${id}-use`}
                checked={offer.terms.use === use}
                onChange={() => setTerms({ use })}
              />
              {use === "clinical" ? "Clinical use permitted" : "Research only"}
            </label>
          ))}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-intended`} className={LABEL}>
            Intended use
          </label>
          <textarea
            id={`${id}-intended`}
            rows={3}
            value={offer.terms.intendedUse}
            onChange={(e) => setTerms({ intendedUse: e.target.value })}
            className={`${INPUT} h-auto py-2`}
          />
          {intendedUse && offer.terms.intendedUse.trim() === "" ? (
            <button
              type="button"
              className="text-sm text-teal-700 underline dark:text-teal-400"
              onClick={() => setTerms({ intendedUse })}
            >
              Use the card's intended use
            </button>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-juris`} className={LABEL}>
            Jurisdictions (separated by commas)
          </label>
          <input
            id={`${id}-juris`}
            value={offer.terms.jurisdictions.join(", ")}
            onChange={(e) => setTerms({ jurisdictions: e.target.value.split(",").map((j) => j.trimStart()) })}
            onBlur={() =>
              setTerms({ jurisdictions: offer.terms.jurisdictions.map((j) => j.trim()).filter(Boolean) })
            }
            placeholder="EU, UK, US"
            className={INPUT}
          />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-liability`} className={LABEL}>
              Liability
            </label>
            <select
              id={`${id}-liability`}
              value={offer.terms.liability}
              onChange={(e) => setTerms({ liability: e.target.value as OfferDraft["terms"]["liability"] })}
              className={INPUT}
            >
              <option value="licensee">The clinic answers for clinical decisions</option>
              <option value="shared">Shared: defects vs deployment</option>
              <option value="licensor-capped">The builder answers for defects, capped at fees</option>
            </select>
            <p className={HINT}>{LIABILITY_TEXT[offer.terms.liability]}</p>
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-data`} className={LABEL}>
              Data handling
            </label>
            <select
              id={`${id}-data`}
              value={offer.terms.dataHandling}
              onChange={(e) =>
                setTerms({ dataHandling: e.target.value as OfferDraft["terms"]["dataHandling"] })
              }
              className={INPUT}
            >
              <option value="on-premises">Patient data stays on the clinic's systems</option>
              <option value="de-identified-only">De-identified data only</option>
              <option value="processor-agreement">Under a data processing agreement</option>
            </select>
            <p className={HINT}>{DATA_HANDLING_TEXT[offer.terms.dataHandling]}</p>
          </div>
        </div>
        {problems("terms").map((p) => (
          <p key={p.message} className={FIELD_ERROR}>
            {p.message}
          </p>
        ))}
        {check.ok ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-teal-700 dark:text-teal-400">
              Read the terms document this offer will commit to
            </summary>
            <pre className="mt-2 max-h-72 overflow-auto whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">
              {renderTermsDocument(check.template, { assetName, offer: check.terms })}
            </pre>
          </details>
        ) : null}
      </fieldset>
      {onRemove ? (
        <button type="button" className={BUTTON_QUIET} onClick={onRemove}>
          Remove offer {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}
