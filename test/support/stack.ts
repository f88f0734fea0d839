// The whole marketplace for one test file, on throwaway state: an in-process Hardhat chain served
// over HTTP on a free port, contracts deployed by the real Ignition module, a fresh database,
// the demo catalogue seeded through the chain, and (optionally) the built web app.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient, type PrismaClient } from "@tessera/db";
import { createTestDatabase } from "@tessera/db/testing";
import { createJsonRpcClient, parseIndexerConfig, type SyncResult, syncToHead } from "@tessera/indexer";
import hre from "hardhat";
import { type Address, createPublicClient, http, type PublicClient } from "viem";
import { hardhat } from "viem/chains";
import TesseraModule from "../../contracts/ignition/modules/Tessera.ts";
import {
  freePort,
  type Service,
  startService,
  WEB_SERVER_NODE_OPTIONS,
  waitFor,
} from "../../scripts/lib/services.ts";
import { seedDemoCatalog } from "../../scripts/seed/seed.ts";
import { serveProvider } from "./rpc-server.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

export type Stack = {
  rpcUrl: string;
  chainId: number;
  databaseUrl: string;
  db: PrismaClient;
  publicClient: PublicClient;
  registry: Address;
  contracts: Record<
    "AssetRegistry" | "RoyaltyShares" | "LicenseManager" | "StakingPool" | "StakeToken" | "Stablecoin",
    Address
  >;
  seededNames: string[];
  /**
   * Deploys the EIP-7702 delegate a batching test wallet needs (contracts/src/dev/BatchExecutor.sol),
   * once per stack, on request: stacks without a batching wallet keep their usual chain.
   */
  deployBatchExecutor(): Promise<Address>;
  /** Projects everything on the chain so far into the database. */
  index(): Promise<SyncResult>;
  /** Serves the built web app against this stack; returns its base URL. `env` adds variables. */
  startWeb(env?: Record<string, string>): Promise<string>;
  /** The web app's blob store and unfinished-upload folders (under a throwaway directory). */
  blobDir: string;
  uploadDir: string;
  stop(): Promise<void>;
};

export async function startStack(): Promise<Stack> {
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
  };
  try {
    const connection = await hre.network.create();
    stops.push(() => connection.close());
    const { assetRegistry, royaltyShares, licenseManager, stakingPool, stakeToken, stablecoin } =
      await connection.ignition.deploy(TesseraModule, { displayUi: false });
    const contracts = {
      AssetRegistry: assetRegistry.address,
      RoyaltyShares: royaltyShares.address,
      LicenseManager: licenseManager.address,
      StakingPool: stakingPool.address,
      StakeToken: stakeToken.address,
      Stablecoin: stablecoin.address,
    };
    const server = await serveProvider(connection.provider);
    stops.push(() => server.close());
    const rpcUrl = server.url;

    const database = await createTestDatabase();
    stops.push(() => database.drop());
    const db = createPrismaClient(database.url);
    stops.push(() => db.$disconnect());

    const publicClient = createPublicClient({ chain: hardhat, transport: http(rpcUrl) });
    const seededNames = await seedDemoCatalog({
      db,
      rpcUrl,
      contracts,
    });

    const config = parseIndexerConfig({
      rpcUrl,
      chainId: hardhat.id,
      databaseUrl: database.url,
      contracts,
    });
    const rpc = createJsonRpcClient({ url: rpcUrl });
    let web: Service | undefined;
    let batchExecutor: Promise<Address> | undefined;
    const storageDir = await mkdtemp(join(tmpdir(), "tessera-storage-"));
    stops.push(() => rm(storageDir, { recursive: true, force: true }));
    const blobDir = join(storageDir, "blobs");
    const uploadDir = join(storageDir, "uploads");

    return {
      rpcUrl,
      chainId: hardhat.id,
      databaseUrl: database.url,
      db,
      publicClient,
      registry: assetRegistry.address,
      contracts,
      seededNames,
      deployBatchExecutor() {
        batchExecutor ??= connection.viem.deployContract("BatchExecutor").then((c) => c.address);
        return batchExecutor;
      },
      index: () => syncToHead({ config, rpc, db }),
      blobDir,
      uploadDir,
      async startWeb(extraEnv = {}) {
        if (web) throw new Error("the web app is already running");
        const webDir = join(root, "apps/web");
        if (!existsSync(join(webDir, ".next", "BUILD_ID"))) {
          throw new Error(
            "apps/web is not built: run `pnpm test` (it builds first) or `pnpm --filter @tessera/web build`",
          );
        }
        const port = await freePort();
        web = startService({
          name: "web",
          command: join(webDir, "node_modules/.bin/next"),
          args: ["start", "--port", String(port), "--hostname", "127.0.0.1"],
          cwd: webDir,
          env: {
            NODE_OPTIONS: WEB_SERVER_NODE_OPTIONS,
            DATABASE_URL: database.url,
            TESSERA_RPC_URL: rpcUrl,
            TESSERA_CHAIN_ID: String(hardhat.id),
            TESSERA_CONTRACTS: JSON.stringify(contracts),
            TESSERA_BLOB_DIR: blobDir,
            TESSERA_UPLOAD_DIR: uploadDir,
            ...extraEnv,
          },
          logFile: join(root, "test/.output/logs", `web-${port}.log`),
        });
        stops.push(() => web?.stop() ?? Promise.resolve());
        const url = `http://127.0.0.1:${port}`;
        await waitFor("next start", async () => (await fetch(`${url}/api/health`)).ok, 60_000);
        return url;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
