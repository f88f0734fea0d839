import "server-only";
import { z } from "zod";
import { db } from "./db";
import { serverEnv } from "./env";

export const healthSchema = z.object({
  ok: z.boolean(),
  database: z.enum(["up", "down"]),
  /** The chain the app serves (TESSERA_CHAIN_ID); null when the environment is invalid. */
  chainId: z.number().int().positive().nullable(),
});

export type Health = z.infer<typeof healthSchema>;

const DATABASE_TIMEOUT_MS = 2_000;

/** Whether the app can serve pages: a valid environment and a database that answers in time. */
export async function checkHealth(): Promise<Health> {
  let chainId: number | null = null;
  try {
    chainId = serverEnv().TESSERA_CHAIN_ID;
    await withTimeout(db().$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS);
    return healthSchema.parse({ ok: true, database: "up", chainId });
  } catch (error) {
    console.error("health check failed:", error instanceof Error ? error.message : error);
    return healthSchema.parse({ ok: false, database: "down", chainId });
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
