"use client";

import { useId, useMemo, useState } from "react";
import { TransactionButton } from "@/tx/transaction-button";
import { addressProblem } from "./address-input";
import { delegatePlan, type LicenseTarget, revokePlan } from "./license-plans";

const DELEGATE_STEPS = [{ kind: "transaction", label: "Give the seat" }] as const;
const REVOKE_STEPS = [{ kind: "transaction", label: "Take back the seat" }] as const;

/**
 * A site license's seats: the holder uses one, each staff account given a seat uses another, and the
 * contract refuses more than the license has (the form says so before the wallet opens).
 */
export function SeatManager({
  target,
  holder,
  delegates,
}: {
  target: LicenseTarget;
  holder: string;
  delegates: string[];
}) {
  const [account, setAccount] = useState("");
  const inputId = useId();
  const hintId = useId();
  const free = target.seats - 1 - delegates.length;
  const plan = useMemo(() => delegatePlan(target, account), [target, account]);
  const full =
    free <= 0
      ? `All ${target.seats} ${target.seats === 1 ? "seat is" : "seats are"} in use. Take back a seat first, or buy a license with more seats.`
      : null;
  const problem = full ?? addressProblem(account, { self: holder, taken: delegates });
  return (
    <div className="space-y-3" data-testid="seats">
      <p className="text-sm" data-testid="seat-count">
        {delegates.length + 1} of {target.seats} {target.seats === 1 ? "seat" : "seats"} in use (you hold one)
      </p>
      {delegates.length > 0 ? (
        <ul className="space-y-2" aria-label="Staff with a seat">
          {delegates.map((d) => (
            <li
              key={d}
              className="rounded-lg p-3 ring-1 ring-slate-200 dark:ring-slate-700"
              data-testid="delegate"
            >
              <p className="mb-2 font-mono text-xs break-all">{d}</p>
              <TransactionButton plan={revokePlan(target, d)} action="take back a seat" steps={REVOKE_STEPS}>
                Take back this seat
              </TransactionButton>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="space-y-1" data-testid="delegate-form">
        <label htmlFor={inputId} className="block text-sm font-medium">
          Give a seat to a staff member's wallet
        </label>
        <input
          id={inputId}
          autoComplete="off"
          spellCheck={false}
          value={account}
          onChange={(e) => setAccount(e.target.value)}
          placeholder="0x…"
          aria-describedby={hintId}
          className="h-10 w-full max-w-md rounded-lg border border-slate-300 bg-white px-3 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
        />
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          They sign in with their own wallet and can download what this license covers.
        </p>
      </div>
      <TransactionButton
        plan={plan}
        action="give a seat"
        steps={DELEGATE_STEPS}
        disabledReason={problem}
        onIndexed={() => setAccount("")}
      >
        Give the seat
      </TransactionButton>
    </div>
  );
}
