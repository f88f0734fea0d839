import { connection } from "next/server";
import { listRecentAssets } from "@/server/assets";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";
import { AssetCatalogue } from "./_components/asset-catalogue";
import { Hero } from "./_components/hero";

export default async function HomePage() {
  // The catalogue changes with every indexed block: render per request, never at build time.
  await connection();
  const { assets, total } = await listRecentAssets(db(), serverEnv().TESSERA_CHAIN_ID);
  return (
    <>
      <Hero />
      <AssetCatalogue assets={assets} total={total} />
    </>
  );
}
