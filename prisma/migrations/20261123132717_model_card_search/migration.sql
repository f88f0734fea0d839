-- AlterTable
ALTER TABLE "ModelCard" ADD COLUMN     "search" tsvector;

-- CreateIndex
CREATE INDEX "ModelCard_search_idx" ON "ModelCard" USING GIN ("search");
