import Link from "next/link";
import type { ReactNode } from "react";
import { downloadFileName } from "@/lib/api/downloads";
import { assetHref } from "@/lib/asset-href";
import { RIGHT_BIT, RIGHT_LABEL, RIGHTS } from "@/lib/catalogue-query";
import { expiryWords } from "@/lib/expiry";
import { formatDate } from "@/lib/format";
import { formatAmount, formatPeriod } from "@/lib/money";
import { DownloadButton } from "@/licenses/download-button";
import { ExpiryCountdown } from "@/licenses/expiry-countdown";
import type { LicenseTarget } from "@/licenses/license-plans";
import { RenewButton } from "@/licenses/renew-button";
import { SeatManager } from "@/licenses/seat-manager";
import { TransferForm } from "@/licenses/transfer-form";
import type { LicenseView } from "@/server/licenses";

const STATUS_WORDS: Record<LicenseView["status"], string> = {
  active: "Active",
  expiring: "Expiring soon",
  expired: "Expired",
  perpetual: "Active, never expires",
};
const STATUS_STYLE: Record<LicenseView["status"], string> = {
  active: "bg-teal-50 text-teal-900 dark:bg-teal-400/10 dark:text-teal-200",
  perpetual: "bg-teal-50 text-teal-900 dark:bg-teal-400/10 dark:text-teal-200",
  expiring: "bg-amber-50 text-amber-900 dark:bg-amber-400/10 dark:text-amber-200",
  expired: "bg-rose-50 text-rose-900 dark:bg-rose-400/10 dark:text-rose-200",
};

/** One license: status and countdown, seats, the version it covers, terms, and what can be done. */
export function LicenseCard({
  license,
  account,
  chainId,
  target,
}: {
  license: LicenseView;
  account: string;
  chainId: number;
  target: LicenseTarget | null;
}) {
  const holder = license.role === "holder";
  const perpetual = license.offer.period === "0";
  return (
    <li
      className="rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
      data-testid="license"
      data-license-id={license.licenseId}
      data-status={license.status}
      data-role={license.role}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-base font-semibold">
          <Link href={assetHref(chainId, license.assetId)} className="hover:underline">
            {license.assetName}
          </Link>{" "}
          <span className="text-sm font-normal text-slate-500 dark:text-slate-400">
            license #{license.licenseId}
          </span>
        </h3>
        <span className={`rounded-md px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[license.status]}`}>
          {STATUS_WORDS[license.status]}
        </span>
      </div>
      <p className="mt-1 text-sm" data-testid="expiry">
        {license.expiresAt && license.secondsLeft !== null ? (
          <ExpiryCountdown expiresAt={license.expiresAt.toISOString()} secondsLeft={license.secondsLeft} />
        ) : (
          expiryWords(null, null)
        )}
      </p>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-2">
        <Fact label="Your access">
          {holder ? (
            "You hold this license"
          ) : (
            <>
              A seat given to you by <span className="font-mono text-xs break-all">{license.holder}</span>
            </>
          )}
        </Fact>
        <Fact label="Seats">
          {license.seats} ({license.delegates.length + 1} in use)
        </Fact>
        <Fact label="Version covered">
          {license.offer.pinnedVersion === 0
            ? `Always the latest (now version ${license.offer.version})`
            : `Version ${license.offer.pinnedVersion} only`}
        </Fact>
        <Fact label="Content hash (sha256)">
          <span className="font-mono text-xs break-all">
            {license.offer.contentHash ?? "not published yet"}
          </span>
        </Fact>
        <Fact label="Bought">
          {formatDate(license.purchasedAt)} · transaction{" "}
          <span className="font-mono text-xs break-all">{license.txHash}</span>
        </Fact>
      </dl>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">Terms in plain language</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            Allowed:{" "}
            {RIGHTS.filter((r) => (license.offer.rights & RIGHT_BIT[r]) !== 0)
              .map((r) => RIGHT_LABEL[r].toLowerCase())
              .join(", ")}
            .
          </li>
          <li>
            {perpetual
              ? "Paid once; it never expires."
              : `Paid per ${formatPeriod(license.offer.period)} at ${formatAmount(license.offer.price, license.offer.currency, 6)} per seat; renewals keep this price.`}
          </li>
          <li>
            {license.seats === 1
              ? "One seat: only the holder's account may use it."
              : `${license.seats} seats: the holder and up to ${license.seats - 1} staff accounts the holder names.`}
          </li>
          <li>
            {license.offer.transferable
              ? "It can be transferred to another account; staff seats end when it is."
              : "It cannot be transferred: it stays with the account that holds it."}
          </li>
          <li>
            The{" "}
            <Link
              href={`/terms/${license.offer.termsHash}`}
              className="font-medium text-teal-800 underline dark:text-teal-300"
            >
              full terms document
            </Link>{" "}
            is fixed by its sha256 hash:{" "}
            <span className="font-mono text-xs break-all" data-testid="terms-hash">
              {license.offer.termsHash}
            </span>
          </li>
        </ul>
      </details>
      {license.offer.contentHash ? (
        <div className="mt-4">
          <DownloadButton
            licenseId={license.licenseId}
            sha256={license.offer.contentHash}
            fileName={downloadFileName(license.licenseId, license.offer.version, license.offer.contentHash)}
            offersHref={`${assetHref(chainId, license.assetId)}#offers`}
          />
        </div>
      ) : null}
      {holder && target ? (
        <div className="mt-4 space-y-5 border-t border-slate-200 pt-4 dark:border-slate-800">
          {perpetual ? null : (
            <RenewButton
              target={target}
              periodLabel={formatPeriod(license.offer.period)}
              disabledReason={
                license.renewable
                  ? null
                  : `Renewal opens 30 days before expiry, on ${formatDate(new Date((license.expiresAt?.getTime() ?? 0) - 30 * 86_400_000))}.`
              }
            />
          )}
          {license.status === "expired" ? null : (
            <SeatManager target={target} holder={account} delegates={license.delegates} />
          )}
          {license.offer.transferable ? <TransferForm target={target} holder={account} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
