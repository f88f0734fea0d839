import type { Route } from "next";

/** Every card anywhere links here: the asset's page on its chain. */
export function assetHref(chainId: number, assetId: string | bigint): Route {
  return `/assets/${chainId}/${assetId.toString()}` as Route;
}
