-- CreateTable
CREATE TABLE "TermsDocument" (
    "sha256" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TermsDocument_pkey" PRIMARY KEY ("sha256")
);
