"use client";

import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { formatAmount } from "@/lib/money";
import { TransactionButton } from "@/tx/transaction-button";
import { type PurchaseTarget, purchasePlan } from "./purchase-plan";
import { parsePeriods, parseSeats, quoteLicense } from "./quote";

const ETH_STEPS = [{ kind: "transaction", label: "Buy the license" }] as const;
const PERMIT_STEPS = [
  { kind: "signature", label: "Allow Tessera to take exactly the total" },
  { kind: "transaction", label: "Buy the license" },
] as const;

const INPUT =
  "h-10 w-24 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

/** Buy a license from one offer: seats and periods, the itemised total, then the wallet. */
export function BuyForm({ target }: { target: PurchaseTarget }) {
  const perpetual = target.period === "0";
  const [seatsText, setSeats] = useState("1");
  const [periodsText, setPeriods] = useState("1");
  const [bought, setBought] = useState(false);
  const seatsId = useId();
  const periodsId = useId();
  const seats = parseSeats(seatsText);
  const periods = parsePeriods(periodsText, perpetual);
  const seatCount = seats.ok ? seats.value : null;
  const periodCount = periods.ok ? periods.value : null;
  const order = useMemo(
    () => (seatCount !== null && periodCount !== null ? { seats: seatCount, periods: periodCount } : null),
    [seatCount, periodCount],
  );
  const plan = useMemo(() => purchasePlan(target, order), [target, order]);
  const quote = order ? quoteLicense(BigInt(target.price), order.seats, order.periods, target.rules) : null;
  const amount = (v: bigint) => formatAmount(v.toString(), target.symbol, 6);
  const disabledReason = !seats.ok ? seats.reason : !periods.ok ? periods.reason : null;
  return (
    <div className="space-y-3" data-testid="buy-form" data-offer-id={target.offerId}>
      <div className="flex flex-wrap gap-4">
        <div className="space-y-1">
          <label htmlFor={seatsId} className="block text-sm font-medium text-slate-800 dark:text-slate-100">
            Seats
          </label>
          <input
            id={seatsId}
            inputMode="numeric"
            autoComplete="off"
            value={seatsText}
            onChange={(e) => setSeats(e.target.value)}
            className={INPUT}
          />
        </div>
        {perpetual ? null : (
          <div className="space-y-1">
            <label
              htmlFor={periodsId}
              className="block text-sm font-medium text-slate-800 dark:text-slate-100"
            >
              Periods
            </label>
            <input
              id={periodsId}
              inputMode="numeric"
              autoComplete="off"
              value={periodsText}
              onChange={(e) => setPeriods(e.target.value)}
              className={INPUT}
            />
          </div>
        )}
      </div>
      {quote ? (
        <dl
          className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-3 text-sm dark:bg-slate-800/60"
          aria-label="What you pay"
          data-testid="quote"
          data-total={quote.total.toString()}
        >
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold" data-testid="quote-total">
            {amount(quote.total)}
          </dd>
          <dt className="pl-3 text-slate-600 dark:text-slate-300">of which Tessera's fee</dt>
          <dd className="text-right" data-part="protocolFee" data-value={quote.protocolFee.toString()}>
            {amount(quote.protocolFee)}
          </dd>
          <dt className="pl-3 text-slate-600 dark:text-slate-300">to the work it builds on</dt>
          <dd className="text-right" data-part="upstream" data-value={quote.upstream.toString()}>
            {amount(quote.upstream)}
          </dd>
          <dt className="pl-3 text-slate-600 dark:text-slate-300">to curators who vouch for it</dt>
          <dd className="text-right" data-part="curators" data-value={quote.curators.toString()}>
            {amount(quote.curators)}
          </dd>
          <dt className="pl-3 text-slate-600 dark:text-slate-300">to its builders and contributors</dt>
          <dd className="text-right" data-part="contributors" data-value={quote.contributors.toString()}>
            {amount(quote.contributors)}
          </dd>
        </dl>
      ) : null}
      <TransactionButton
        plan={plan}
        action="buy a license"
        steps={target.symbol === "ETH" ? ETH_STEPS : PERMIT_STEPS}
        disabledReason={disabledReason}
        onIndexed={() => setBought(true)}
      >
        {quote ? `Buy for ${amount(quote.total)}` : "Buy"}
      </TransactionButton>
      {bought ? (
        <p className="text-sm" data-testid="bought">
          Your license is ready.{" "}
          <Link href="/licenses" className="font-medium text-teal-800 underline dark:text-teal-300">
            See it in My licenses
          </Link>
        </p>
      ) : null}
    </div>
  );
}
