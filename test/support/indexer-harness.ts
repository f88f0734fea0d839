// A deployed chain served over HTTP plus everything needed to index it into throwaway databases and
// to drive it with a seeded workload: shared by the indexer's consistency, crash and fault tests.

import { createPrismaClient, type PrismaClient } from "@tessera/db";
import { createTestDatabase } from "@tessera/db/testing";
import { createJsonRpcClient, type IndexerConfig, parseIndexerConfig, syncToHead } from "@tessera/indexer";
import hre from "hardhat";
import type { Address, PublicClient, WalletClient } from "viem";
import TesseraModule from "../../contracts/ignition/modules/Tessera.ts";
import { serveProvider } from "./rpc-server.ts";
import { createWorkload, type Workload } from "./workload.ts";

export const CHAIN_ID = 31337;

export type Snapshot = { id: unknown; workload: unknown };

export type Harness = {
  rpcUrl: string;
  contracts: Record<"AssetRegistry" | "RoyaltyShares" | "LicenseManager" | "StakingPool", Address>;
  publicClient: PublicClient;
  workload: Workload;
  rpc(method: string, params?: unknown[]): Promise<unknown>;
  /** evm_snapshot, together with the workload's bookkeeping of what exists on chain. */
  snapshot(): Promise<Snapshot>;
  /** evm_revert to a snapshot (usable once), restoring the workload's bookkeeping with it. */
  revert(snapshot: Snapshot): Promise<void>;
  /** A fresh, migrated database; dropped by close(). */
  database(): Promise<{ url: string; db: PrismaClient }>;
  config(databaseUrl: string, overrides?: Partial<IndexerConfig>, rpcUrl?: string): IndexerConfig;
  /** Indexes the chain so far into `db` (through `rpcUrl`, default: the chain itself). */
  index(db: PrismaClient, databaseUrl: string, rpcUrl?: string): ReturnType<typeof syncToHead>;
  close(): Promise<void>;
};

export async function startHarness(seed: number): Promise<Harness> {
  const closers: Array<() => Promise<unknown>> = [];
  const connection = await hre.network.create();
  closers.push(() => connection.close());
  const deployed = await connection.ignition.deploy(TesseraModule, { displayUi: false });
  const server = await serveProvider(connection.provider);
  closers.push(() => server.close());
  const publicClient = (await connection.viem.getPublicClient()) as unknown as PublicClient;
  const wallets = (await connection.viem.getWalletClients()) as unknown as WalletClient[];
  const rpc = (method: string, params: unknown[] = []) => connection.provider.request({ method, params });
  const contracts = {
    AssetRegistry: deployed.assetRegistry.address,
    RoyaltyShares: deployed.royaltyShares.address,
    LicenseManager: deployed.licenseManager.address,
    StakingPool: deployed.stakingPool.address,
  };
  const workload = createWorkload({
    seed,
    publicClient,
    wallets,
    contracts: deployed,
    increaseTime: async (seconds) => {
      await rpc("evm_increaseTime", [seconds]);
      await rpc("evm_mine");
    },
  });
  const config = (databaseUrl: string, overrides: Partial<IndexerConfig> = {}, rpcUrl = server.url) =>
    parseIndexerConfig({
      rpcUrl,
      chainId: CHAIN_ID,
      databaseUrl,
      contracts,
      // Small ranges: many batches, so that crashes and reorgs land between and inside them.
      initialBlockRange: 7,
      maxBlockRange: 50,
      ...overrides,
    });
  return {
    rpcUrl: server.url,
    contracts,
    publicClient,
    workload,
    rpc,
    snapshot: async () => ({ id: await rpc("evm_snapshot"), workload: workload.save() }),
    async revert(snapshot) {
      if ((await rpc("evm_revert", [snapshot.id])) !== true)
        throw new Error("evm_revert refused the snapshot");
      workload.restore(snapshot.workload);
    },
    async database() {
      const database = await createTestDatabase();
      const db = createPrismaClient(database.url);
      closers.push(() => database.drop());
      closers.push(() => db.$disconnect());
      return { url: database.url, db };
    },
    config,
    index: (db, databaseUrl, rpcUrl) =>
      syncToHead({
        config: config(databaseUrl, {}, rpcUrl),
        rpc: createJsonRpcClient({
          url: rpcUrl ?? server.url,
          baseDelayMs: 5,
          maxDelayMs: 50,
          timeoutMs: 2_000,
        }),
        db,
      }),
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
    },
  };
}
