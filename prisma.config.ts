// Prisma CLI configuration (Prisma 7 reads the connection URL from here, not from the schema).
// `pnpm prisma migrate deploy` works with it for anyone whose machine can fetch Prisma's schema
// engine; offline, `pnpm --filter @tessera/db migrate` applies the same migrations
// (packages/db/src/migrate.ts) and writes the same history.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/tessera" },
});
