-- Chain-derived rows are a projection of the chain: drop them so the new NOT NULL columns can be
-- added, and let the indexer re-project them (it starts from its checkpoint, reset here too).
DELETE FROM "Asset";
DELETE FROM "ChainEvent";
DELETE FROM "IndexerCheckpoint";

-- CreateEnum
CREATE TYPE "SaleKind" AS ENUM ('PURCHASE', 'RENEWAL');

-- CreateEnum
CREATE TYPE "RewardKind" AS ENUM ('NOTIFIED', 'CLAIMED');

-- CreateEnum
CREATE TYPE "ChallengeStatus" AS ENUM ('OPEN', 'UPHELD', 'REJECTED');

-- DropIndex
DROP INDEX "Asset_owner_idx";

-- DropIndex
DROP INDEX "Asset_registeredAt_idx";

-- AlterTable
ALTER TABLE "Asset" DROP CONSTRAINT "Asset_pkey",
ADD COLUMN     "id" TEXT NOT NULL,
ADD COLUMN     "parentCount" INTEGER NOT NULL,
ADD COLUMN     "updatedBlock" BIGINT NOT NULL,
ADD CONSTRAINT "Asset_pkey" PRIMARY KEY ("id");

-- CreateTable
CREATE TABLE "AssetVersion" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "metadataUri" TEXT NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetLineage" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "parentId" BIGINT NOT NULL,
    "bps" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,

    CONSTRAINT "AssetLineage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareHolding" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "holder" TEXT NOT NULL,
    "balance" DECIMAL(78,0) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "ShareHolding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharePosition" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "holder" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "settled" DECIMAL(78,0) NOT NULL,
    "accrued" DECIMAL(78,0) NOT NULL,
    "claimed" DECIMAL(78,0) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "SharePosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetRevenue" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "credited" DECIMAL(78,0) NOT NULL,
    "claimed" DECIMAL(78,0) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "AssetRevenue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevenueCredit" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "totalCredited" DECIMAL(78,0) NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "creditedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevenueCredit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoyaltyClaim" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "assetId" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoyaltyClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "offerId" BIGINT NOT NULL,
    "assetId" BIGINT NOT NULL,
    "price" DECIMAL(78,0) NOT NULL,
    "currency" TEXT NOT NULL,
    "period" BIGINT NOT NULL,
    "maxLicences" BIGINT NOT NULL,
    "pinnedVersion" BIGINT NOT NULL,
    "rights" INTEGER NOT NULL,
    "transferable" BOOLEAN NOT NULL,
    "termsHash" TEXT NOT NULL,
    "sold" BIGINT NOT NULL,
    "retired" BOOLEAN NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Licence" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "licenceId" BIGINT NOT NULL,
    "offerId" BIGINT NOT NULL,
    "assetId" BIGINT NOT NULL,
    "holder" TEXT NOT NULL,
    "payer" TEXT NOT NULL,
    "seats" BIGINT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "delegates" INTEGER NOT NULL,
    "epoch" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "purchasedAt" TIMESTAMP(3) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "Licence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeatDelegation" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "licenceId" BIGINT NOT NULL,
    "account" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "epoch" INTEGER NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "SeatDelegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sale" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "licenceId" BIGINT NOT NULL,
    "assetId" BIGINT NOT NULL,
    "kind" "SaleKind" NOT NULL,
    "payer" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "total" DECIMAL(78,0) NOT NULL,
    "protocolFee" DECIMAL(78,0) NOT NULL,
    "upstream" DECIMAL(78,0) NOT NULL,
    "curators" DECIMAL(78,0) NOT NULL,
    "toShareholders" DECIMAL(78,0) NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "soldAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProtocolFee" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "accrued" DECIMAL(78,0) NOT NULL,
    "withdrawn" DECIMAL(78,0) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "ProtocolFee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Currency" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "Currency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssetStake" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "totalStake" DECIMAL(78,0) NOT NULL,
    "totalShares" DECIMAL(78,0) NOT NULL,
    "activeShares" DECIMAL(78,0) NOT NULL,
    "openChallenges" INTEGER NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "AssetStake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stake" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "staker" TEXT NOT NULL,
    "activeShares" DECIMAL(78,0) NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "Stake_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnbondingEntry" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "entryId" DECIMAL(78,0) NOT NULL,
    "assetId" BIGINT NOT NULL,
    "staker" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "shares" DECIMAL(78,0) NOT NULL,
    "releaseAt" TIMESTAMP(3) NOT NULL,
    "withdrawn" BOOLEAN NOT NULL,
    "withdrawnAmount" DECIMAL(78,0),
    "blockNumber" BIGINT NOT NULL,
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "UnbondingEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CuratorReward" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "kind" "RewardKind" NOT NULL,
    "assetId" BIGINT NOT NULL,
    "currency" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "amount" DECIMAL(78,0) NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CuratorReward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "challengeId" BIGINT NOT NULL,
    "assetId" BIGINT NOT NULL,
    "challenger" TEXT NOT NULL,
    "bond" DECIMAL(78,0) NOT NULL,
    "evidenceHash" TEXT NOT NULL,
    "slashBps" INTEGER NOT NULL,
    "challengerShareBps" INTEGER NOT NULL,
    "status" "ChallengeStatus" NOT NULL,
    "slashed" DECIMAL(78,0),
    "toChallenger" DECIMAL(78,0),
    "toStakers" DECIMAL(78,0),
    "toTreasury" DECIMAL(78,0),
    "openedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "updatedBlock" BIGINT NOT NULL,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Block" (
    "chainId" INTEGER NOT NULL,
    "number" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "parentHash" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Block_pkey" PRIMARY KEY ("chainId","number")
);

-- CreateTable
CREATE TABLE "ProjectionUndo" (
    "seq" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "tableName" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "before" JSONB,

    CONSTRAINT "ProjectionUndo_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "AssetVersion_chainId_assetId_version_key" ON "AssetVersion"("chainId", "assetId", "version");

-- CreateIndex
CREATE INDEX "AssetLineage_chainId_assetId_idx" ON "AssetLineage"("chainId", "assetId");

-- CreateIndex
CREATE INDEX "AssetLineage_chainId_parentId_idx" ON "AssetLineage"("chainId", "parentId");

-- CreateIndex
CREATE INDEX "ShareHolding_chainId_holder_idx" ON "ShareHolding"("chainId", "holder");

-- CreateIndex
CREATE INDEX "ShareHolding_chainId_assetId_idx" ON "ShareHolding"("chainId", "assetId");

-- CreateIndex
CREATE INDEX "SharePosition_chainId_holder_idx" ON "SharePosition"("chainId", "holder");

-- CreateIndex
CREATE INDEX "AssetRevenue_chainId_assetId_idx" ON "AssetRevenue"("chainId", "assetId");

-- CreateIndex
CREATE INDEX "RevenueCredit_chainId_assetId_creditedAt_idx" ON "RevenueCredit"("chainId", "assetId", "creditedAt");

-- CreateIndex
CREATE INDEX "RoyaltyClaim_chainId_holder_claimedAt_idx" ON "RoyaltyClaim"("chainId", "holder", "claimedAt");

-- CreateIndex
CREATE INDEX "Offer_chainId_assetId_idx" ON "Offer"("chainId", "assetId");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_chainId_offerId_key" ON "Offer"("chainId", "offerId");

-- CreateIndex
CREATE INDEX "Licence_chainId_holder_idx" ON "Licence"("chainId", "holder");

-- CreateIndex
CREATE INDEX "Licence_chainId_assetId_idx" ON "Licence"("chainId", "assetId");

-- CreateIndex
CREATE UNIQUE INDEX "Licence_chainId_licenceId_key" ON "Licence"("chainId", "licenceId");

-- CreateIndex
CREATE INDEX "SeatDelegation_chainId_account_idx" ON "SeatDelegation"("chainId", "account");

-- CreateIndex
CREATE INDEX "SeatDelegation_chainId_licenceId_idx" ON "SeatDelegation"("chainId", "licenceId");

-- CreateIndex
CREATE INDEX "Sale_chainId_assetId_soldAt_idx" ON "Sale"("chainId", "assetId", "soldAt");

-- CreateIndex
CREATE INDEX "Sale_chainId_soldAt_idx" ON "Sale"("chainId", "soldAt");

-- CreateIndex
CREATE INDEX "Sale_chainId_payer_idx" ON "Sale"("chainId", "payer");

-- CreateIndex
CREATE INDEX "AssetStake_chainId_assetId_idx" ON "AssetStake"("chainId", "assetId");

-- CreateIndex
CREATE INDEX "Stake_chainId_staker_idx" ON "Stake"("chainId", "staker");

-- CreateIndex
CREATE INDEX "Stake_chainId_assetId_idx" ON "Stake"("chainId", "assetId");

-- CreateIndex
CREATE INDEX "UnbondingEntry_chainId_staker_idx" ON "UnbondingEntry"("chainId", "staker");

-- CreateIndex
CREATE INDEX "CuratorReward_chainId_assetId_idx" ON "CuratorReward"("chainId", "assetId");

-- CreateIndex
CREATE INDEX "CuratorReward_chainId_account_idx" ON "CuratorReward"("chainId", "account");

-- CreateIndex
CREATE INDEX "Challenge_chainId_assetId_idx" ON "Challenge"("chainId", "assetId");

-- CreateIndex
CREATE INDEX "ProjectionUndo_chainId_blockNumber_idx" ON "ProjectionUndo"("chainId", "blockNumber");

-- CreateIndex
CREATE INDEX "Asset_chainId_owner_idx" ON "Asset"("chainId", "owner");

-- CreateIndex
CREATE INDEX "Asset_chainId_registeredAt_idx" ON "Asset"("chainId", "registeredAt");

-- CreateIndex
CREATE INDEX "Asset_chainId_kind_registeredAt_idx" ON "Asset"("chainId", "kind", "registeredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Asset_chainId_assetId_key" ON "Asset"("chainId", "assetId");
