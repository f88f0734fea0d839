import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getAddress } from "viem";
import { z } from "zod";
import { formatAmount } from "@/lib/money";
import { ClaimAll } from "@/royalties/claim-all";
import { RefreshOnSignIn } from "@/royalties/refresh-on-sign-in";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { contracts } from "@/server/deployment";
import { serverEnv } from "@/server/env";
import { getRoyalties } from "@/server/royalties";
import { EarningsCharts } from "./_components/earnings-chart";
import { RoyaltyAssets } from "./_components/royalty-assets";
import { RoyaltyTotals } from "./_components/royalty-totals";

export const metadata: Metadata = { title: "Royalties" };

/** Assets per page: an account can hold shares in thousands of assets. */
const PER_PAGE = 25;
const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export default async function RoyaltiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const session = await currentSession(db());
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-10 sm:px-6">
      <RefreshOnSignIn renderedFor={session?.address.toLowerCase() ?? null} />
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Royalties</h1>
        <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">
          Your share of every license sold for the models and datasets you hold revenue shares in, and of
          models built on them. Take everything in one transaction.
        </p>
      </header>
      {session ? (
        <Dashboard
          chainId={chainId}
          holder={getAddress(session.address)}
          page={pageSchema.parse((await searchParams).page)}
        />
      ) : (
        <p
          className="rounded-2xl bg-white p-5 text-slate-700 shadow-xs ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-800"
          data-testid="royalties-sign-in"
        >
          Sign in to see your royalties: connect your wallet at the top right, then choose “Sign in” in its
          menu. Signing in is free and sends nothing.
        </p>
      )}
    </div>
  );
}

async function Dashboard({
  chainId,
  holder,
  page,
}: {
  chainId: number;
  holder: `0x${string}`;
  page: number;
}) {
  const [royalties, deployment] = await Promise.all([
    getRoyalties(db(), chainId, holder, { page, perPage: PER_PAGE }),
    contracts(),
  ]);
  const { pages } = royalties;
  const claimable = royalties.totals.filter((t) => BigInt(t.claimable) > 0n);
  const summary = claimable.map((t) => formatAmount(t.claimable, t.symbol, 6)).join(" and ");
  return (
    <>
      <section aria-labelledby="claim-title" className="space-y-4">
        <h2 id="claim-title" className="sr-only">
          Totals and claim
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Signed in as <span className="font-mono break-all">{holder}</span>
        </p>
        <RoyaltyTotals totals={royalties.totals} />
        <ClaimAll
          target={{
            chainId,
            royaltyShares: deployment.RoyaltyShares,
            holder,
            assetIds: royalties.claim.assetIds,
            currencies: royalties.claim.currencies.map((c) => getAddress(c)),
            summary: summary || "royalties",
          }}
          disabledReason={claimable.length === 0 ? "There is nothing to claim right now." : null}
        />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {royalties.claim.remaining > 0
            ? `This claims your ${royalties.claim.assetIds.length} assets with the most to claim in one transaction; ${royalties.claim.remaining} more will be left for a second claim.`
            : "One transaction pays everything above to this account, in every currency."}
        </p>
      </section>
      <EarningsCharts days={royalties.days} />
      <section aria-labelledby="assets-title" className="space-y-4">
        <h2 id="assets-title" className="text-lg font-semibold tracking-tight">
          Your assets ({royalties.assetCount.toLocaleString("en-GB")})
        </h2>
        {royalties.assetCount === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            This account holds no revenue shares. Contributors receive shares when a builder names them in a
            model's split.
          </p>
        ) : (
          <RoyaltyAssets
            chainId={chainId}
            assets={royalties.assets}
            royaltyShares={deployment.RoyaltyShares}
            holder={holder}
          />
        )}
        {pages > 1 ? (
          <nav aria-label="Pages of assets" className="flex items-center gap-4 text-sm">
            {page > 1 ? (
              <Link className="underline" href={`/royalties?page=${page - 1}`}>
                Previous
              </Link>
            ) : null}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages ? (
              <Link className="underline" href={`/royalties?page=${page + 1}`}>
                Next
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
