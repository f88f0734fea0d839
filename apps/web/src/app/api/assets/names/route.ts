import { connection } from "next/server";
import { parseCardUri } from "@/lib/card-uri";
import { assetNamesQuerySchema } from "@/lib/publish/asset-names";
import { apiRoute } from "@/server/api/route";
import { db } from "@/server/db";
import { serverEnv } from "@/server/env";

/** Names and kinds of up to 8 assets of this chain (unknown ids are left out). */
export const GET = apiRoute({ query: assetNamesQuerySchema }, async ({ query }) => {
  await connection();
  const chainId = serverEnv().TESSERA_CHAIN_ID;
  const assets = await db().asset.findMany({
    where: { chainId, assetId: { in: query.ids } },
    select: { assetId: true, kind: true, metadataUri: true },
  });
  const hashes = assets.map((a) => parseCardUri(a.metadataUri)).filter((h): h is string => h !== null);
  const cards = await db().modelCard.findMany({
    where: { sha256: { in: hashes } },
    select: { sha256: true, name: true },
  });
  const names = new Map(cards.map((c) => [c.sha256, c.name]));
  return Response.json({
    assets: assets.map((a) => ({
      assetId: a.assetId.toString(),
      kind: a.kind === "DATASET" ? "dataset" : "model",
      name: names.get(parseCardUri(a.metadataUri) ?? "") ?? `Asset #${a.assetId}`,
    })),
  });
});
