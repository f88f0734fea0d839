import { connection } from "next/server";
import type { CheckpointResponse } from "@/lib/api/indexer";
import { apiRoute } from "@/server/api/route";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";

/** The indexer's checkpoint for the app's chain: a transaction is "indexed" once this covers its block. */
export const GET = apiRoute({}, async () => {
  await connection();
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const row = await db().indexerCheckpoint.findUnique({ where: { chainId }, select: { blockNumber: true } });
  const body: CheckpointResponse = { chainId, blockNumber: row ? row.blockNumber.toString() : null };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
