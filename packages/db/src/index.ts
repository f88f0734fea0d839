// The app's door to the database: a Prisma client over node-postgres, plus the generated types.
// Safe for Next.js server code (Turbopack bundles it) and plain Node 24: it imports no dev tooling,
// reads no environment and opens no connection until the first query. Server code only: never import
// it from a client component (it would pull pg into the browser bundle).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export { refreshCatalogueEntries } from "./catalogue-entries.ts";
export type { Asset, ChainEvent, IndexerCheckpoint, ModelCard, Upload } from "./generated/client.ts";
export { AssetKind, Prisma } from "./generated/client.ts";
export { type ModelCardInput, saveModelCard } from "./model-cards.ts";
export type { PrismaClient };

/**
 * A Prisma client for `databaseUrl`. It owns a pg pool: call `$disconnect()` when done (tests, scripts)
 * or keep one per process (servers; in Next.js dev, cache it on globalThis across hot reloads).
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
