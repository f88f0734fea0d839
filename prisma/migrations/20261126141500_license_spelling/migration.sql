-- One spelling, "license" (as SPDX, Hugging Face cards and Solidity write it): rename in place, so a
-- database keeps its rows. Index and constraint names follow, as Prisma derives them from the names.

-- RenameTable
ALTER TABLE "Licence" RENAME TO "License";
ALTER TABLE "License" RENAME CONSTRAINT "Licence_pkey" TO "License_pkey";
ALTER TABLE "License" RENAME COLUMN "licenceId" TO "licenseId";
ALTER INDEX "Licence_chainId_holder_idx" RENAME TO "License_chainId_holder_idx";
ALTER INDEX "Licence_chainId_assetId_idx" RENAME TO "License_chainId_assetId_idx";
ALTER INDEX "Licence_chainId_licenceId_key" RENAME TO "License_chainId_licenseId_key";

-- RenameColumn
ALTER TABLE "Offer" RENAME COLUMN "maxLicences" TO "maxLicenses";
ALTER TABLE "SeatDelegation" RENAME COLUMN "licenceId" TO "licenseId";
ALTER INDEX "SeatDelegation_chainId_licenceId_idx" RENAME TO "SeatDelegation_chainId_licenseId_idx";
ALTER TABLE "Sale" RENAME COLUMN "licenceId" TO "licenseId";

-- The reorg journal names tables and columns in its rows: keep them undoable after the rename.
UPDATE "ProjectionUndo" SET "tableName" = 'License' WHERE "tableName" = 'Licence';
UPDATE "ProjectionUndo"
SET "before" = replace(replace("before"::text, '"licenceId"', '"licenseId"'), '"maxLicences"', '"maxLicenses"')::jsonb
WHERE "before" IS NOT NULL;
