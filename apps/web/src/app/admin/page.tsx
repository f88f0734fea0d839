import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import {
  CurrencyControl,
  FeesControl,
  PauseControl,
  TreasuryControl,
  WithdrawFeesControl,
} from "@/admin/admin-controls";
import { formatAmount } from "@/lib/money";
import { RefreshOnSignIn } from "@/royalties/refresh-on-sign-in";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";
import { protocolSettings } from "@/server/protocol";
import { protocolRoles } from "@/server/roles";

export const metadata: Metadata = { title: "Protocol admin" };

const card = "rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800";

export default async function AdminPage() {
  await connection();
  const session = await currentSession(db());
  const roles = session ? await protocolRoles(session.address) : { feeManager: false, pauser: false };
  const allowed = roles.feeManager || roles.pauser;
  return (
    <div className="mx-auto max-w-4xl space-y-8 px-4 py-10 sm:px-6">
      <RefreshOnSignIn renderedFor={session?.address.toLowerCase() ?? null} />
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Protocol admin</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">
          Tessera's settings as the contracts hold them now. Each change is one transaction that only an
          account with the right role on chain can make.
        </p>
      </header>
      {!session ? (
        <p className={card} data-testid="admin-sign-in">
          Sign in with an administrator's account: connect your wallet at the top right, then choose “Sign
          in”.
        </p>
      ) : !allowed ? (
        <p className={card} data-testid="admin-not-allowed">
          The signed-in account holds no protocol role on chain (fee manager or pauser), so there is nothing
          it can change here.
        </p>
      ) : (
        <Settings roles={roles} />
      )}
    </div>
  );
}

async function Settings({ roles }: { roles: { feeManager: boolean; pauser: boolean } }) {
  const s = await protocolSettings();
  const ctx = {
    chainId: serverEnv().TESSERA_CHAIN_ID,
    licenseManager: s.licenseManager,
    canManageFees: roles.feeManager,
    canPause: roles.pauser,
  };
  return (
    <div className="space-y-6">
      <Panel
        title="Fees"
        now={`Now: protocol fee ${s.protocolFeeBps / 100}%, curator share ${s.curatorBps / 100}% of each sale.`}
        id="fees"
      >
        <FeesControl ctx={ctx} feeBps={s.protocolFeeBps} curatorBps={s.curatorBps} />
      </Panel>
      <Panel title="Treasury" now={`Now: ${s.treasury}`} id="treasury">
        <TreasuryControl ctx={ctx} treasury={s.treasury} />
      </Panel>
      <Panel
        title="Currencies"
        now={`Now: ETH is always accepted; the stablecoin tUSD (${s.stablecoin}) is ${s.stablecoinAllowed ? "accepted" : "not accepted"} for new offers.`}
        id="currencies"
      >
        <CurrencyControl ctx={ctx} currency={s.stablecoin} allowed={s.stablecoinAllowed} />
      </Panel>
      <Panel
        title="Pause"
        now={
          s.paused
            ? "Now: paused. No license can be bought or renewed."
            : "Now: running. Licenses can be bought."
        }
        id="pause"
      >
        <PauseControl ctx={ctx} paused={s.paused} />
      </Panel>
      <Panel
        title="Protocol fees"
        now={`Accrued now: ${s.fees.map((f) => formatAmount(f.accrued, f.symbol, 6)).join(", ")}.`}
        id="protocol-fees"
      >
        <div className="space-y-4">
          {s.fees.map((f) => (
            <WithdrawFeesControl
              key={f.symbol}
              ctx={ctx}
              currency={f.currency}
              symbol={f.symbol}
              accrued={f.accrued}
              shown={formatAmount(f.accrued, f.symbol, 6)}
            />
          ))}
        </div>
      </Panel>
    </div>
  );
}

function Panel({
  title,
  now,
  id,
  children,
}: {
  title: string;
  now: string;
  id: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={card} data-testid={`panel-${id}`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p
        className="mt-1 text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-300"
        data-testid={`now-${id}`}
      >
        {now}
      </p>
      <div className="mt-4">{children}</div>
    </section>
  );
}
