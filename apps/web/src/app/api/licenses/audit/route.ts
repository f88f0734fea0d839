import { connection } from "next/server";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { auditQuerySchema, auditTrail, toCsv } from "@/server/audit";
import { currentSession } from "@/server/auth/sessions";
import { chainClient } from "@/server/chain";
import { db } from "@/server/db";
import { downloadsForAudit } from "@/server/downloads-audit";
import { serverEnv } from "@/server/env";

/** The signed-in account's audit trail as CSV or JSON, optionally between two dates (inclusive). */
export const GET = apiRoute({ query: auditQuerySchema }, async ({ query }) => {
  await connection();
  const session = await currentSession(db());
  if (!session) {
    throw new ApiError(
      "UNAUTHENTICATED",
      "Sign in with your wallet to export your licenses' audit trail: connect it on Tessera, then sign in.",
    );
  }
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const times = new Map<bigint, Promise<Date>>();
  const blockTime = (block: bigint) => {
    let time = times.get(block);
    if (!time) {
      time = chainClient()
        .getBlock({ blockNumber: block })
        .then((b) => new Date(Number(b.timestamp) * 1000));
      times.set(block, time);
    }
    return time;
  };
  let rows: Awaited<ReturnType<typeof auditTrail>>;
  try {
    rows = await auditTrail(db(), {
      chainId,
      account: session.address,
      query,
      blockTime,
      downloads: downloadsForAudit,
    });
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(
      "UPSTREAM_UNAVAILABLE",
      "Tessera could not read the chain to date every event. Try again in a moment.",
      { cause },
    );
  }
  const stamp = `${query.from ?? "start"}_to_${query.to ?? "now"}`;
  const headers = {
    "cache-control": "no-store",
    "content-disposition": `attachment; filename="tessera-audit-${stamp}.${query.format}"`,
  };
  if (query.format === "json") {
    return Response.json(
      { account: session.address, chainId, from: query.from ?? null, to: query.to ?? null, rows },
      { headers },
    );
  }
  return new Response(toCsv(rows), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
});
