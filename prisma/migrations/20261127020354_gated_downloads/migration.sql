-- CreateTable
CREATE TABLE "DownloadGrant" (
    "id" TEXT NOT NULL,
    "chainId" INTEGER NOT NULL,
    "licenseId" BIGINT NOT NULL,
    "account" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "DownloadGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Download" (
    "id" BIGSERIAL NOT NULL,
    "chainId" INTEGER NOT NULL,
    "licenseId" BIGINT NOT NULL,
    "account" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "grantId" TEXT NOT NULL,
    "rangeStart" BIGINT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Download_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DownloadRefusal" (
    "id" BIGSERIAL NOT NULL,
    "account" TEXT,
    "licenseId" TEXT,
    "code" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DownloadRefusal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DownloadGrant_chainId_licenseId_idx" ON "DownloadGrant"("chainId", "licenseId");

-- CreateIndex
CREATE INDEX "Download_chainId_licenseId_createdAt_idx" ON "Download"("chainId", "licenseId", "createdAt");

-- CreateIndex
CREATE INDEX "Download_account_createdAt_idx" ON "Download"("account", "createdAt");

-- CreateIndex
CREATE INDEX "DownloadRefusal_createdAt_idx" ON "DownloadRefusal"("createdAt");
