import "server-only";
import { createPrismaClient, type PrismaClient } from "@tessera/db";
import { requireDatabaseUrl } from "./env";

// ONE Prisma client (and so one pg pool) per process. The cache lives on globalThis because dev
// hot reloads re-evaluate this module; a module-level variable would leak a pool per edit.
const globalForDb = globalThis as typeof globalThis & { __tesseraPrisma?: PrismaClient };

/** The process's Prisma client, created on first use (so builds never need a database). */
export function db(): PrismaClient {
  globalForDb.__tesseraPrisma ??= createPrismaClient(requireDatabaseUrl());
  return globalForDb.__tesseraPrisma;
}
