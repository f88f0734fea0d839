// Writes one batch to Postgres: raw events, projections and the checkpoint, in ONE transaction, so a
// crash leaves either all of a batch or none of it. Every write is idempotent (skipDuplicates, or
// updates to post-state values), so re-running a range changes nothing.
import type { Prisma, PrismaClient } from "@tessera/db";
import { projectAssetRegistry } from "./handlers/AssetRegistry.ts";
import type { DecodedLog } from "./logs.ts";

export type Checkpoint = { blockNumber: bigint; blockHash: string };

export async function readCheckpoint(db: PrismaClient, chainId: number): Promise<Checkpoint | null> {
  const row = await db.indexerCheckpoint.findUnique({ where: { chainId } });
  return row ? { blockNumber: row.blockNumber, blockHash: row.blockHash } : null;
}

export async function writeBatch(
  db: PrismaClient,
  chainId: number,
  logs: readonly DecodedLog[],
  checkpoint: Checkpoint,
): Promise<void> {
  const assets = projectAssetRegistry(chainId, logs);
  await db.$transaction(async (tx) => {
    if (logs.length > 0) {
      await tx.chainEvent.createMany({
        data: logs.map((log) => rawEvent(chainId, log)),
        skipDuplicates: true,
      });
    }
    if (assets.assets.length > 0) {
      await tx.asset.createMany({ data: assets.assets, skipDuplicates: true });
    }
    for (const [assetId, owner] of assets.owners) {
      await tx.asset.update({ where: { chainId_assetId: { chainId, assetId } }, data: { owner } });
    }
    await tx.indexerCheckpoint.upsert({
      where: { chainId },
      create: { chainId, ...checkpoint },
      update: checkpoint,
    });
  });
}

function rawEvent(chainId: number, log: DecodedLog): Prisma.ChainEventCreateManyInput {
  return {
    chainId,
    blockNumber: log.blockNumber,
    blockHash: log.blockHash,
    logIndex: log.logIndex,
    txHash: log.txHash,
    address: log.address.toLowerCase(),
    eventName: log.eventName,
    // bigint travels as a decimal string (JSON has no bigint).
    args: JSON.parse(
      JSON.stringify(log.args, (_key, value) => (typeof value === "bigint" ? value.toString() : value)),
    ),
  };
}

/** Deletes everything projected from `chainId`, for a chain that restarted from genesis (local dev). */
export async function resetChainData(db: PrismaClient, chainId: number): Promise<void> {
  await db.$transaction([
    db.asset.deleteMany({ where: { chainId } }),
    db.chainEvent.deleteMany({ where: { chainId } }),
    db.indexerCheckpoint.deleteMany({ where: { chainId } }),
  ]);
}
