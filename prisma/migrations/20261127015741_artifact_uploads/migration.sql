-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('RECEIVING', 'COMPLETE', 'FAILED');

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "status" "UploadStatus" NOT NULL DEFAULT 'RECEIVING',
    "sha256" TEXT,
    "failure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_account_createdAt_idx" ON "Upload"("account", "createdAt");
