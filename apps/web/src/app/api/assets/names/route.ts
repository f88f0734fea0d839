import { connection } from "next/server";
import { assetNamesQuerySchema } from "@/lib/publish/asset-names";
import { apiRoute } from "@/server/api/route";
import { assetNames } from "@/server/asset-names";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";

/** Names and kinds of up to 8 assets of this chain (unknown ids are left out). */
export const GET = apiRoute({ query: assetNamesQuerySchema }, async ({ query }) => {
  await connection();
  const names = await assetNames(db(), serverEnv().TESSERA_CHAIN_ID, query.ids);
  return Response.json({
    assets: [...names].map(([assetId, { name, kind }]) => ({
      assetId,
      kind: kind === "DATASET" ? "dataset" : "model",
      name,
    })),
  });
});
