"use client";

import { useId, useMemo, useState } from "react";
import { TransactionButton } from "@/tx/transaction-button";
import { addressProblem } from "./address-input";
import { type LicenseTarget, transferPlan } from "./license-plans";

const STEPS = [{ kind: "transaction", label: "Transfer the license" }] as const;

/** Hand a transferable license to another account; its staff seats end with the transfer. */
export function TransferForm({ target, holder }: { target: LicenseTarget; holder: string }) {
  const [to, setTo] = useState("");
  const inputId = useId();
  const plan = useMemo(() => transferPlan(target, to), [target, to]);
  const problem =
    to.trim().toLowerCase() === holder.toLowerCase()
      ? "That is your own account. Enter the account that should receive the license."
      : (addressProblem(to)?.replace("the staff member's", "the new holder's") ?? null);
  return (
    <div className="space-y-2" data-testid="transfer-form">
      <label htmlFor={inputId} className="block text-sm font-medium">
        Transfer to another account
      </label>
      <input
        id={inputId}
        autoComplete="off"
        spellCheck={false}
        value={to}
        onChange={(e) => setTo(e.target.value)}
        placeholder="0x…"
        className="h-10 w-full max-w-md rounded-lg border border-slate-300 bg-white px-3 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      />
      <p className="text-xs text-slate-500 dark:text-slate-400">
        The new holder gets the license; every staff seat you gave ends.
      </p>
      <TransactionButton plan={plan} action="transfer" steps={STEPS} disabledReason={problem}>
        Transfer
      </TransactionButton>
    </div>
  );
}
