import type { Metadata } from "next";
import { connection } from "next/server";
import { type Address, zeroAddress } from "viem";
import { CURRENCY_DECIMALS } from "@/lib/catalogue-query";
import { currentSession } from "@/server/auth/sessions";
import { chainClient } from "@/server/chain";
import { db } from "@/server/db";
import { contracts } from "@/server/deployment";
import { serverEnv } from "@/server/env";
import { type LicenseStatus, licensesFor } from "@/server/licenses";
import { AuditExport } from "./_components/audit-export";
import { LicenseCard } from "./_components/license-card";

export const metadata: Metadata = { title: "My licenses" };

const GROUPS: Array<{ title: string; statuses: LicenseStatus[]; empty: string }> = [
  { title: "Expiring soon", statuses: ["expiring"], empty: "" },
  { title: "Active", statuses: ["active", "perpetual"], empty: "" },
  { title: "Expired", statuses: ["expired"], empty: "" },
];

/** The licenses the signed-in account holds or has a seat on: status, seats, terms, renewal. */
export default async function LicensesPage() {
  await connection();
  const session = await currentSession(db());
  if (!session) {
    return (
      <Shell>
        <p className="text-slate-700 dark:text-slate-300" data-testid="licenses-signed-out">
          Sign in to see your licenses: connect your wallet with the button at the top of the page, then sign
          in. Signing in is free and sends no transaction.
        </p>
      </Shell>
    );
  }
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  // The chain's clock decides expiry, so statuses and countdowns use it (not this server's clock).
  const [head, deployed] = await Promise.all([
    chainClient()
      .getBlock()
      .catch(() => null),
    contracts().catch(() => null),
  ]);
  const now = head ? new Date(Number(head.timestamp) * 1000) : new Date();
  const licenses = await licensesFor(db(), chainId, session.address, now);
  return (
    <Shell>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Signed in as <span className="font-mono break-all">{session.address}</span>
      </p>
      {licenses.length === 0 ? (
        <p className="mt-6" data-testid="licenses-empty">
          You hold no license yet, and nobody has given you a seat. Find a model or dataset on{" "}
          <a href="/explore" className="font-medium text-teal-800 underline dark:text-teal-300">
            Explore
          </a>{" "}
          and buy a license from its page.
        </p>
      ) : (
        GROUPS.map((group) => {
          const shown = licenses.filter((l) => group.statuses.includes(l.status));
          if (shown.length === 0) return null;
          return (
            <section key={group.title} className="mt-8" aria-labelledby={`group-${group.statuses[0]}`}>
              <h2 id={`group-${group.statuses[0]}`} className="text-lg font-semibold">
                {group.title}
              </h2>
              <ul className="mt-3 space-y-4">
                {shown.map((license) => (
                  <LicenseCard
                    key={license.licenseId}
                    license={license}
                    account={session.address}
                    chainId={chainId}
                    target={
                      deployed
                        ? {
                            chainId,
                            licenseId: license.licenseId,
                            assetName: license.assetName,
                            licenseManager: deployed.LicenseManager,
                            currency: (license.offer.currency === "ETH"
                              ? zeroAddress
                              : license.offer.currencyAddress) as Address,
                            symbol: license.offer.currency,
                            decimals: CURRENCY_DECIMALS[license.offer.currency],
                            price: license.offer.price,
                            seats: license.seats,
                          }
                        : null
                    }
                  />
                ))}
              </ul>
            </section>
          );
        })
      )}
      <AuditExport />
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-semibold tracking-tight">My licenses</h1>
      <div className="mt-4">{children}</div>
    </div>
  );
}
