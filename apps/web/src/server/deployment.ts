import "server-only";
import { join } from "node:path";
import { CONTRACT_NAMES, type ContractName, DeploymentError, readDeployment } from "@tessera/abi";
import { type Address, getAddress, isAddress } from "viem";
import { z } from "zod";
import { serverEnv } from "./env";

export type Contracts = Record<ContractName, Address>;

const contractsJson = z.record(
  z.enum(CONTRACT_NAMES),
  z
    .string()
    .refine(isAddress, "not an EVM address")
    .transform((a) => getAddress(a)),
);

let cached: Promise<Contracts> | undefined;

/**
 * The contracts the app talks to: TESSERA_CONTRACTS (JSON, as the indexer takes it) when set, else
 * Ignition's deployment of TESSERA_CHAIN_ID. Cached per process; a failure is not cached.
 */
export function contracts(): Promise<Contracts> {
  cached ??= load().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function load(): Promise<Contracts> {
  const env = serverEnv();
  if (env.TESSERA_CONTRACTS) {
    const parsed = contractsJson.safeParse(JSON.parse(env.TESSERA_CONTRACTS));
    if (!parsed.success) throw new DeploymentError(`TESSERA_CONTRACTS: ${z.prettifyError(parsed.error)}`);
    const missing = CONTRACT_NAMES.filter((name) => !parsed.data[name]);
    if (missing.length > 0) throw new DeploymentError(`TESSERA_CONTRACTS lacks ${missing.join(", ")}`);
    return parsed.data as Contracts;
  }
  // Next runs with apps/web as its working directory (dev and start); bundling moves this file.
  const dir = env.TESSERA_IGNITION_DIR ?? join(process.cwd(), "../../contracts/ignition");
  return (await readDeployment(dir, env.TESSERA_CHAIN_ID)).contracts;
}
