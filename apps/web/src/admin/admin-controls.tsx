"use client";

import { useId, useMemo, useState } from "react";
import type { Address } from "viem";
import { TransactionButton } from "@/tx/transaction-button";
import { parseAccount, parsePercent } from "./admin-input";
import { type AdminWrite, adminPlan } from "./admin-plans";

const ONE_TX = [{ kind: "transaction", label: "Confirm in your wallet" }] as const;
const INPUT =
  "h-10 w-full max-w-96 rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";

type Ctx = { chainId: number; licenseManager: Address; canManageFees: boolean; canPause: boolean };

const roleReason = (ok: boolean, role: string) =>
  ok
    ? null
    : `The signed-in account does not hold the ${role} role on chain, so the contract would refuse this.`;

function Write({
  ctx,
  write,
  reason,
  children,
}: {
  ctx: Ctx;
  write: AdminWrite;
  reason: string | null;
  children: string;
}) {
  const plan = useMemo(() => adminPlan(ctx.chainId, ctx.licenseManager, write), [ctx, write]);
  return (
    <div data-testid={`admin-${write.kind}`}>
      <TransactionButton
        plan={plan}
        action="change Tessera's settings"
        steps={ONE_TX}
        disabledReason={reason}
      >
        {children}
      </TransactionButton>
    </div>
  );
}

function Field({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        className={INPUT}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function FeesControl({ ctx, feeBps, curatorBps }: { ctx: Ctx; feeBps: number; curatorBps: number }) {
  const [fee, setFee] = useState(String(feeBps / 100));
  const [curator, setCurator] = useState(String(curatorBps / 100));
  const f = parsePercent(fee, 10);
  const c = parsePercent(curator, 20);
  const reason =
    roleReason(ctx.canManageFees, "fee manager") ??
    (!f.ok ? `Protocol fee: ${f.reason}` : !c.ok ? `Curator share: ${c.reason}` : null);
  const write = useMemo<AdminWrite>(
    () => ({ kind: "fees", protocolPercent: fee, curatorPercent: curator }),
    [fee, curator],
  );
  return (
    <div className="space-y-3">
      <Field label="Protocol fee (% of each sale, at most 10)" value={fee} onChange={setFee} />
      <Field label="Curator share (% of each sale, at most 20)" value={curator} onChange={setCurator} />
      <Write ctx={ctx} write={write} reason={reason}>
        Save fees
      </Write>
    </div>
  );
}

export function TreasuryControl({ ctx, treasury }: { ctx: Ctx; treasury: string }) {
  const [to, setTo] = useState(treasury);
  const parsed = parseAccount(to);
  const reason =
    roleReason(ctx.canManageFees, "fee manager") ??
    (!parsed.ok
      ? parsed.reason
      : to.toLowerCase() === treasury.toLowerCase()
        ? "This is already the treasury."
        : null);
  const write = useMemo<AdminWrite>(() => ({ kind: "treasury", treasury: to }), [to]);
  return (
    <div className="space-y-3">
      <Field label="Treasury address" value={to} onChange={setTo} />
      <Write ctx={ctx} write={write} reason={reason}>
        Change treasury
      </Write>
    </div>
  );
}

export function CurrencyControl({
  ctx,
  currency,
  allowed,
}: {
  ctx: Ctx;
  currency: string;
  allowed: boolean;
}) {
  const write = useMemo<AdminWrite>(
    () => ({ kind: "currency", currency, allowed: !allowed }),
    [currency, allowed],
  );
  return (
    <Write ctx={ctx} write={write} reason={roleReason(ctx.canManageFees, "fee manager")}>
      {allowed ? "Stop accepting tUSD for new offers" : "Accept tUSD"}
    </Write>
  );
}

export function PauseControl({ ctx, paused }: { ctx: Ctx; paused: boolean }) {
  const write = useMemo<AdminWrite>(() => ({ kind: "pause", pause: !paused }), [paused]);
  return (
    <Write ctx={ctx} write={write} reason={roleReason(ctx.canPause, "pauser")}>
      {paused ? "Resume sales" : "Pause sales"}
    </Write>
  );
}

export function WithdrawFeesControl({
  ctx,
  currency,
  symbol,
  shown,
  accrued,
}: {
  ctx: Ctx;
  currency: Address;
  symbol: string;
  shown: string;
  accrued: string;
}) {
  const write = useMemo<AdminWrite>(() => ({ kind: "withdraw", currency, symbol }), [currency, symbol]);
  return (
    <div data-testid={`withdraw-fees-${symbol}`}>
      <Write
        ctx={ctx}
        write={write}
        reason={accrued === "0" ? `No ${symbol} fees have accrued since the last withdrawal.` : null}
      >
        {`Withdraw ${shown} to the treasury`}
      </Write>
    </div>
  );
}
