import type { Metadata } from "next";
import { connection } from "next/server";
import { parseCatalogueQuery } from "@/lib/catalogue-query";
import { currencyAddresses, queryCatalogue } from "@/server/catalogue";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";
import { FilterForm } from "./_components/filter-form";
import { Results } from "./_components/results";

export const metadata: Metadata = {
  title: "Explore models and datasets",
  description:
    "Search and filter Tessera's medical AI models and datasets by task, usage rights, price and stake.",
};

export default async function ExplorePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { query, notices } = parseCatalogueQuery(await searchParams);
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const client = db();
  const page = await queryCatalogue(client, chainId, query, await currencyAddresses(client, chainId));
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-semibold tracking-tight">Explore models and datasets</h1>
      <p className="mt-2 max-w-2xl text-slate-600 dark:text-slate-400">
        Search model cards, then narrow by what a license lets you do, what it costs and who vouches for it.
      </p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[17rem_1fr]">
        <FilterForm query={query} />
        <Results query={query} page={page} notices={notices} chainId={chainId} />
      </div>
    </div>
  );
}
