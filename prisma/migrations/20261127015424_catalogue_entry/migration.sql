-- CreateTable
CREATE TABLE "CatalogueEntry" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "metadataUri" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "newestVersionAt" TIMESTAMP(3) NOT NULL,
    "name" TEXT,
    "task" TEXT,
    "regulatoryStatus" TEXT,
    "clinicalUse" BOOLEAN NOT NULL,
    "rights" INTEGER NOT NULL,
    "currencies" TEXT[],
    "minPrice" DECIMAL(78,0),
    "minPriceEth" DECIMAL(78,0),
    "minPriceStable" DECIMAL(78,0),
    "licenses" BIGINT NOT NULL,
    "totalStake" DECIMAL(78,0) NOT NULL,
    "staked" BOOLEAN NOT NULL,
    "openChallenges" INTEGER NOT NULL,
    "challenged" BOOLEAN NOT NULL,
    "search" tsvector,

    CONSTRAINT "CatalogueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogueEntry_chainId_registeredAt_assetId_idx" ON "CatalogueEntry"("chainId", "registeredAt" DESC, "assetId" DESC);

-- CreateIndex
CREATE INDEX "CatalogueEntry_chainId_kind_registeredAt_assetId_idx" ON "CatalogueEntry"("chainId", "kind", "registeredAt" DESC, "assetId" DESC);

-- CreateIndex
CREATE INDEX "CatalogueEntry_chainId_licenses_assetId_idx" ON "CatalogueEntry"("chainId", "licenses" DESC, "assetId" DESC);

-- CreateIndex
CREATE INDEX "CatalogueEntry_chainId_totalStake_assetId_idx" ON "CatalogueEntry"("chainId", "totalStake" DESC, "assetId" DESC);

-- CreateIndex
CREATE INDEX "CatalogueEntry_chainId_minPriceEth_assetId_idx" ON "CatalogueEntry"("chainId", "minPriceEth", "assetId");

-- CreateIndex
CREATE INDEX "CatalogueEntry_chainId_minPriceStable_assetId_idx" ON "CatalogueEntry"("chainId", "minPriceStable", "assetId");

-- CreateIndex
CREATE INDEX "CatalogueEntry_chainId_task_registeredAt_idx" ON "CatalogueEntry"("chainId", "task", "registeredAt" DESC);

-- CreateIndex
CREATE INDEX "CatalogueEntry_search_idx" ON "CatalogueEntry" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogueEntry_chainId_assetId_key" ON "CatalogueEntry"("chainId", "assetId");

-- The one way CatalogueEntry rows are computed: from Asset, ModelCard (by the card URI
-- `tessera://card/<sha256>`), Offer, Currency, AssetStake and AssetVersion. The indexer calls it inside
-- each batch's transaction for the assets the batch touched (and after a reorg's rollback), saveModelCard
-- for the assets naming a saved card, the bench's data generator for every asset. An id whose asset is
-- gone (removed by a reorg) loses its row. Not part of schema.prisma: Prisma has no functions.
--
-- One statement (the delete is a data-modifying CTE) with no semicolon inside the body: Prisma's
-- schema engine splits a migration at semicolons, even inside dollar quotes.
CREATE FUNCTION catalogue_refresh(chain integer, ids bigint[]) RETURNS void LANGUAGE sql AS $$
WITH gone AS (
  DELETE FROM "CatalogueEntry" e
   WHERE e."chainId" = chain AND e."assetId" = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM "Asset" a WHERE a."chainId" = chain AND a."assetId" = e."assetId")
)
INSERT INTO "CatalogueEntry" ("id", "chainId", "assetId", "kind", "metadataUri", "registeredAt", "newestVersionAt",
  "name", "task", "regulatoryStatus", "clinicalUse", "rights", "currencies", "minPrice", "minPriceEth",
  "minPriceStable", "licenses", "totalStake", "staked", "openChallenges", "challenged", "search")
SELECT a."chainId" || ':' || a."assetId", a."chainId", a."assetId", a."kind", a."metadataUri", a."registeredAt",
  COALESCE(v.newest, a."registeredAt"),
  c."name", c."task", c."regulatoryStatus", COALESCE(c."clinicalUse", false),
  COALESCE(o.rights, 0), COALESCE(o.currencies, '{}'), o."minPrice", o."minPriceEth", o."minPriceStable",
  COALESCE(o.licenses, 0), COALESCE(s."totalStake", 0), COALESCE(s."totalStake", 0) > 0,
  COALESCE(s."openChallenges", 0), COALESCE(s."openChallenges", 0) > 0, c."search"
FROM "Asset" a
LEFT JOIN "ModelCard" c
  ON a."metadataUri" LIKE 'tessera://card/%' AND c."sha256" = substr(a."metadataUri", 16)
LEFT JOIN "AssetStake" s ON s."chainId" = a."chainId" AND s."assetId" = a."assetId"
LEFT JOIN LATERAL (
  SELECT max(av."publishedAt") AS newest FROM "AssetVersion" av
   WHERE av."chainId" = a."chainId" AND av."assetId" = a."assetId"
) v ON true
LEFT JOIN LATERAL (
  -- live: neither retired nor sold out (maxLicenses 0 = unlimited), licenses count every offer's sales.
  SELECT bit_or(x.rights) FILTER (WHERE x.live) AS rights,
         array_agg(DISTINCT x.currency ORDER BY x.currency) FILTER (WHERE x.live) AS currencies,
         min(x.price) FILTER (WHERE x.live) AS "minPrice",
         min(x.price) FILTER (WHERE x.live AND x.currency = '0x0000000000000000000000000000000000000000') AS "minPriceEth",
         min(x.price) FILTER (WHERE x.live AND x.stable) AS "minPriceStable",
         sum(x.sold)::bigint AS licenses
    FROM (SELECT o2.rights, o2.currency, o2.price, o2.sold,
                 NOT o2.retired AND (o2."maxLicenses" = 0 OR o2.sold < o2."maxLicenses") AS live,
                 EXISTS (SELECT 1 FROM "Currency" cu WHERE cu."chainId" = o2."chainId"
                          AND cu.address = o2.currency AND cu.allowed) AS stable
            FROM "Offer" o2 WHERE o2."chainId" = a."chainId" AND o2."assetId" = a."assetId") x
) o ON true
WHERE a."chainId" = chain AND a."assetId" = ANY(ids)
ON CONFLICT ("id") DO UPDATE SET
  "kind" = EXCLUDED."kind", "metadataUri" = EXCLUDED."metadataUri", "registeredAt" = EXCLUDED."registeredAt",
  "newestVersionAt" = EXCLUDED."newestVersionAt", "name" = EXCLUDED."name", "task" = EXCLUDED."task",
  "regulatoryStatus" = EXCLUDED."regulatoryStatus", "clinicalUse" = EXCLUDED."clinicalUse",
  "rights" = EXCLUDED."rights", "currencies" = EXCLUDED."currencies", "minPrice" = EXCLUDED."minPrice",
  "minPriceEth" = EXCLUDED."minPriceEth", "minPriceStable" = EXCLUDED."minPriceStable",
  "licenses" = EXCLUDED."licenses", "totalStake" = EXCLUDED."totalStake", "staked" = EXCLUDED."staked",
  "openChallenges" = EXCLUDED."openChallenges", "challenged" = EXCLUDED."challenged", "search" = EXCLUDED."search"
$$;

-- Backfill: every asset already projected.
SELECT catalogue_refresh("chainId", array_agg("assetId")) FROM "Asset" GROUP BY "chainId";
