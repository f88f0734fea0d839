import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { z } from "zod";
import { renderCard } from "@/lib/card";
import { getAssetDetail } from "@/server/asset-detail";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";
import { StakeAction } from "@/stake/stake-action";
import { AssetHeader } from "./_components/asset-header";
import { CardBody } from "./_components/card-body";
import { ChallengeBanner } from "./_components/challenge-banner";
import { ClinicalSection } from "./_components/clinical-section";
import { HoldersSection } from "./_components/holders-section";
import { LineageSection } from "./_components/lineage-section";
import { OffersSection } from "./_components/offers-section";
import { SalesSection } from "./_components/sales-section";
import { StakeSection } from "./_components/stake-section";
import { VersionsSection } from "./_components/versions-section";

type Params = Promise<{ chainId: string; assetId: string }>;

// Anything that is not a plain decimal id is a missing page (404), never a server error.
const paramsSchema = z.object({
  chainId: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  assetId: z
    .string()
    .regex(/^\d{1,30}$/)
    .transform(BigInt),
});

const loadAsset = cache(async (raw: { chainId: string; assetId: string }) => {
  const parsed = paramsSchema.safeParse(raw);
  if (!parsed.success || parsed.data.chainId !== serverEnv().TESSERA_CHAIN_ID) return null;
  return getAssetDetail(db(), parsed.data.chainId, parsed.data.assetId);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const asset = await loadAsset(await params);
  return asset
    ? { title: asset.name, description: asset.summary ?? undefined }
    : { title: "Asset not found" };
}

export default async function AssetPage({ params }: { params: Params }) {
  await connection();
  const asset = await loadAsset(await params);
  if (!asset) notFound();
  const card = asset.cardSource ? renderCard(asset.cardSource, asset.name) : null;
  return (
    <article className="mx-auto max-w-6xl px-4 py-10 sm:px-6" aria-labelledby="asset-title">
      <AssetHeader asset={asset} meta={card?.meta ?? null} />
      {asset.openChallenges.length > 0 ? (
        <ChallengeBanner chainId={asset.chainId} assetName={asset.name} challenges={asset.openChallenges} />
      ) : null}
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-8">
          <ClinicalSection clinical={card?.clinical ?? null} meta={card?.meta ?? null} />
          <SalesSection sales={asset.sales} licenses={asset.licenses} />
          <CardBody card={card} />
          <VersionsSection versions={asset.versions} />
          <LineageSection chainId={asset.chainId} builtOn={asset.parents} usedBy={asset.children} />
        </div>
        <aside className="min-w-0 space-y-8" aria-label="Licenses and trust">
          <OffersSection
            chainId={asset.chainId}
            assetId={asset.id}
            assetName={asset.name}
            offers={asset.offers}
          />
          <StakeSection
            stake={asset.stake}
            action={
              <StakeAction
                chainId={asset.chainId}
                assetId={asset.id}
                assetName={asset.name}
                openChallenges={asset.stake.openChallenges}
              />
            }
          />
          <HoldersSection
            holders={asset.holders}
            holderCount={asset.holderCount}
            totalShares={asset.totalShares}
          />
        </aside>
      </div>
    </article>
  );
}
