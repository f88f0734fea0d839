-- CreateTable
CREATE TABLE "IndexerHealth" (
    "chainId" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "reason" TEXT,
    "since" TIMESTAMP(3) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndexerHealth_pkey" PRIMARY KEY ("chainId")
);
