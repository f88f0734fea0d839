import "server-only";
import type { PrismaClient } from "@tessera/db";
import { ApiError } from "./api/errors";

/**
 * Runs a download step; a refusal (ApiError) is logged to DownloadRefusal, the one thing a refused
 * request writes, and passed on unchanged for apiRoute to answer.
 */
export async function loggingRefusals<T>(
  db: PrismaClient,
  who: { account: () => string | null; licenseId: () => string | null },
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ApiError) {
      await db.downloadRefusal
        .create({
          data: {
            account: who.account(),
            licenseId: who.licenseId()?.slice(0, 80) ?? null,
            code: error.code,
          },
        })
        .catch((cause: unknown) => console.error("[downloads] could not log a refusal", cause));
    }
    throw error;
  }
}
