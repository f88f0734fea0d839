-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "AssetKind" AS ENUM ('MODEL', 'DATASET');

-- CreateTable
CREATE TABLE "Asset" (
    "chainId" INTEGER NOT NULL,
    "assetId" BIGINT NOT NULL,
    "kind" "AssetKind" NOT NULL,
    "owner" TEXT NOT NULL,
    "metadataUri" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "versionCount" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "txHash" TEXT NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Asset_pkey" PRIMARY KEY ("chainId","assetId")
);

-- CreateTable
CREATE TABLE "ChainEvent" (
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" TEXT NOT NULL,
    "logIndex" INTEGER NOT NULL,
    "txHash" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "args" JSONB NOT NULL,

    CONSTRAINT "ChainEvent_pkey" PRIMARY KEY ("chainId","blockNumber","logIndex")
);

-- CreateTable
CREATE TABLE "IndexerCheckpoint" (
    "chainId" INTEGER NOT NULL,
    "blockNumber" BIGINT NOT NULL,
    "blockHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexerCheckpoint_pkey" PRIMARY KEY ("chainId")
);

-- CreateTable
CREATE TABLE "ModelCard" (
    "sha256" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelCard_pkey" PRIMARY KEY ("sha256")
);

-- CreateIndex
CREATE INDEX "Asset_owner_idx" ON "Asset"("owner");

-- CreateIndex
CREATE INDEX "Asset_registeredAt_idx" ON "Asset"("registeredAt");

-- CreateIndex
CREATE INDEX "ChainEvent_chainId_eventName_idx" ON "ChainEvent"("chainId", "eventName");
