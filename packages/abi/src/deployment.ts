// Where Tessera's contracts live on a chain. Addresses are never typed by hand: Hardhat Ignition
// writes `deployed_addresses.json` when it deploys, and this module reads and validates that file.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Address, getAddress, isAddress } from "viem";
import { z } from "zod";

/** The Ignition module id of contracts/ignition/modules/Tessera.ts (local chains, testnets). */
export const IGNITION_MODULE = "Tessera";
/** The module ids a deployment may come from: the local/testnet module or the production one. */
export const IGNITION_MODULES = [IGNITION_MODULE, "TesseraProduction"] as const;

/** Every contract the Tessera module deploys, by its Ignition future id. */
export const CONTRACT_NAMES = [
  "AssetRegistry",
  "RoyaltyShares",
  "LicenseManager",
  "StakingPool",
  "StakeToken",
  "Stablecoin",
] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

export type Deployment = {
  chainId: number;
  contracts: Record<ContractName, Address>;
  /** The first block that holds a Tessera transaction (0 when the journal is not there). */
  startBlock: bigint;
};

const address = z
  .string()
  .refine(isAddress, "not an EVM address")
  .transform((a) => getAddress(a));

const ignitionAddresses = z.record(z.string(), address);

export class DeploymentError extends Error {
  override name = "DeploymentError";
}

/** Validates Ignition's `{ "<module>#<contract>": address }` map into a typed deployment. */
export function parseDeployment(chainId: number, json: unknown, startBlock = 0n): Deployment {
  const parsed = ignitionAddresses.safeParse(json);
  if (!parsed.success) {
    throw new DeploymentError(
      `chain ${chainId}: deployed_addresses.json is invalid: ${z.prettifyError(parsed.error)}`,
    );
  }
  const contracts = {} as Record<ContractName, Address>;
  for (const name of CONTRACT_NAMES) {
    const found = IGNITION_MODULES.map((module) => parsed.data[`${module}#${name}`]).find(Boolean);
    if (!found)
      throw new DeploymentError(`chain ${chainId}: ${name} is not deployed (redeploy the Tessera module)`);
    contracts[name] = found;
  }
  return { chainId, contracts, startBlock };
}

const confirmation = z.object({
  type: z.literal("TRANSACTION_CONFIRM"),
  receipt: z.object({ blockNumber: z.number().int().nonnegative() }),
});

/** The earliest block of a confirmed deployment transaction in Ignition's journal.jsonl. */
export function startBlockOf(journal: string): bigint {
  let first: number | undefined;
  for (const line of journal.split("\n")) {
    if (!line.includes('"TRANSACTION_CONFIRM"')) continue;
    const entry = confirmation.safeParse(JSON.parse(line));
    if (entry.success && (first === undefined || entry.data.receipt.blockNumber < first)) {
      first = entry.data.receipt.blockNumber;
    }
  }
  return BigInt(first ?? 0);
}

/** Ignition's folder for a chain, under `<ignitionDir>/deployments/chain-<id>`. */
export function deploymentDir(ignitionDir: string, chainId: number): string {
  return join(ignitionDir, "deployments", `chain-${chainId}`);
}

/** Reads the deployment Ignition recorded for `chainId` below `ignitionDir` (contracts/ignition). */
export async function readDeployment(ignitionDir: string, chainId: number): Promise<Deployment> {
  const file = join(deploymentDir(ignitionDir, chainId), "deployed_addresses.json");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new DeploymentError(`no deployment for chain ${chainId} at ${file}`, { cause });
  }
  const journal = await readFile(join(deploymentDir(ignitionDir, chainId), "journal.jsonl"), "utf8").catch(
    () => "",
  );
  return parseDeployment(chainId, JSON.parse(text), startBlockOf(journal));
}
