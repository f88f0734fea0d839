// Where the repository's Prisma files live, resolved from this file rather than from the working directory,
// so that `pnpm --filter @tessera/db ...`, the repo root and vitest all find the same folders.
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const schemaPath = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));
export const migrationsDir = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));
