-- AlterTable
ALTER TABLE "ModelCard" ADD COLUMN     "clinicalUse" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "regulatoryStatus" TEXT,
ADD COLUMN     "task" TEXT;

-- CreateIndex
CREATE INDEX "Asset_chainId_metadataUri_idx" ON "Asset"("chainId", "metadataUri");

-- CreateIndex
CREATE INDEX "AssetStake_chainId_totalStake_assetId_idx" ON "AssetStake"("chainId", "totalStake" DESC, "assetId" DESC);

-- CreateIndex
CREATE INDEX "ModelCard_task_idx" ON "ModelCard"("task");

-- CreateIndex
CREATE INDEX "Offer_chainId_currency_price_assetId_idx" ON "Offer"("chainId", "currency", "price", "assetId");
