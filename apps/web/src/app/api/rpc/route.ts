import { connection } from "next/server";
import { rpcRequestSchema } from "@/lib/api/rpc";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { serverEnv } from "@/server/env";

/** Read-only JSON-RPC for the browser, forwarded to the chain's node. */
export const POST = apiRoute({ body: rpcRequestSchema, maxBodyBytes: 64 * 1024 }, async ({ body }) => {
  await connection();
  let upstream: Response;
  try {
    upstream = await fetch(serverEnv().TESSERA_RPC_URL, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (cause) {
    throw new ApiError("UPSTREAM_UNAVAILABLE", "The chain's node did not answer. Try again in a moment.", {
      cause,
    });
  }
  if (!upstream.ok) {
    throw new ApiError(
      "UPSTREAM_UNAVAILABLE",
      `The chain's node answered ${upstream.status}. Try again in a moment.`,
    );
  }
  return new Response(upstream.body, {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
});
