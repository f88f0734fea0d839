import { connection } from "next/server";
import { parseCatalogueQuery } from "@/lib/catalogue-query";
import { currencyAddresses, queryCatalogue } from "@/server/catalogue";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";
import { listRecentSales } from "@/server/recent-sales";
import { FeaturedAssets } from "./_components/featured-assets";
import { Hero } from "./_components/hero";
import { NewestAssets } from "./_components/newest-assets";
import { RecentSales } from "./_components/recent-sales";

const FEATURED = 6;
const NEWEST = 16;

export default async function HomePage() {
  // The catalogue changes with every indexed block: render per request, never at build time.
  await connection();
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const client = db();
  // Featured: the models with the most stake behind them (curators and builders vouching with money at
  // risk), the same query /explore runs for "Most staked"; it walks an index, so it stays fast at scale.
  const featured = parseCatalogueQuery({ kind: "model", sort: "staked" }).query;
  const newest = parseCatalogueQuery({ sort: "newest" }).query;
  const currencies = await currencyAddresses(client, chainId);
  const [page, latest, sales] = await Promise.all([
    queryCatalogue(client, chainId, featured, currencies),
    queryCatalogue(client, chainId, newest, currencies),
    listRecentSales(client, chainId),
  ]);
  return (
    <>
      <Hero />
      <FeaturedAssets items={page.items.slice(0, FEATURED)} chainId={chainId} />
      <RecentSales sales={sales} chainId={chainId} />
      <NewestAssets items={latest.items.slice(0, NEWEST)} chainId={chainId} />
    </>
  );
}
