"use client";

import { formatAmount } from "@/lib/money";
import { TransactionButton } from "@/tx/transaction-button";
import { type LicenseTarget, renewPlan } from "./license-plans";

const ETH_STEPS = [{ kind: "transaction", label: "Renew" }] as const;
const TOKEN_STEPS = [
  { kind: "signature", label: "Allow Tessera to take exactly the renewal price" },
  { kind: "transaction", label: "Renew" },
] as const;

/** Renew for one more period at the license's recorded price. */
export function RenewButton({
  target,
  periodLabel,
  disabledReason,
}: {
  target: LicenseTarget;
  periodLabel: string;
  disabledReason: string | null;
}) {
  const total = (BigInt(target.price) * BigInt(target.seats)).toString();
  return (
    <div data-testid="renew">
      <TransactionButton
        plan={renewPlan(target)}
        action="renew"
        steps={target.symbol === "ETH" ? ETH_STEPS : TOKEN_STEPS}
        disabledReason={disabledReason}
      >
        {`Renew for ${periodLabel}: ${formatAmount(total, target.symbol, 6)}`}
      </TransactionButton>
    </div>
  );
}
