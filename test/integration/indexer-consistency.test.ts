// The indexer against a seeded random marketplace: every projection table must equal a clean
// re-index of the canonical chain after (a) indexing in small batches, (b) processing ranges again,
// and (c) reorganisations of depth exactly 1 to 10 (snapshot, build that many blocks, index, revert,
// build different blocks): the abandoned branch is made of single-block actions, so its depth does
// not depend on which actions the seed draws.
// Re-run a failure with TESSERA_SIM_SEED=<seed printed below>.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { differences, dumpTables, rowCount } from "../support/compare.ts";
import { CHAIN_ID, type Harness, startHarness } from "../support/indexer-harness.ts";
import { checkAgainstContracts } from "../support/oracle.ts";
import { formatCounts } from "../support/workload.ts";

const SEED = Number(process.env.TESSERA_SIM_SEED ?? 20_261_123);
const STEPS = Number(process.env.TESSERA_SIM_STEPS ?? 200);
let harness: Harness;

beforeAll(async () => {
  process.stdout.write(`indexer consistency: seed ${SEED}\n`);
  harness = await startHarness(SEED);
  await harness.workload.run(STEPS);
  process.stdout.write(`workload (done/reverted/idle): ${formatCounts(harness.workload.counts())}\n`);
}, 240_000);

afterAll(async () => harness?.close());

async function cleanReindex() {
  const clean = await harness.database();
  await harness.index(clean.db, clean.url);
  return dumpTables(clean.db, CHAIN_ID);
}

describe("indexer consistency", () => {
  let incremental: Awaited<ReturnType<Harness["database"]>>;

  it("projects every contract event in small batches exactly as a clean re-index does", async () => {
    incremental = await harness.database();
    const result = await harness.index(incremental.db, incremental.url);
    expect(result?.events).toBeGreaterThan(STEPS >= 200 ? 250 : 0);
    const dump = await dumpTables(incremental.db, CHAIN_ID);
    const counts = Object.entries(dump).map(([table, rows]) => `${table} ${rows.length}`);
    process.stdout.write(`rows: ${counts.join(", ")}\n`);
    // Every projection the workload can reach (UnbondingEntry too: unstake, wait, withdraw), at CI's
    // size; a shorter soak run may not draw every action.
    for (const table of STEPS < 200
      ? []
      : [
          "Asset",
          "AssetVersion",
          "AssetLineage",
          "Offer",
          "License",
          "SeatDelegation",
          "Sale",
          "ShareHolding",
          "SharePosition",
          "AssetRevenue",
          "RevenueCredit",
          "RoyaltyClaim",
          "ProtocolFee",
          "Currency",
          "AssetStake",
          "Stake",
          "UnbondingEntry",
          "Challenge",
          "CuratorReward",
          "CatalogueEntry",
        ]) {
      expect(dump[table]?.length, `${table} rows`).toBeGreaterThan(0);
    }
    expect(differences(dump, await cleanReindex())).toEqual([]);
  }, 120_000);

  it("changes nothing when ranges are processed again", async () => {
    const before = await dumpTables(incremental.db, CHAIN_ID);
    const head = await harness.publicClient.getBlockNumber();
    // (A short soak chain may hold fewer than 40 blocks.)
    for (const back of [1n, 5n, 40n].filter((b) => b < head)) {
      const block = await harness.publicClient.getBlock({ blockNumber: head - back });
      await incremental.db.indexerCheckpoint.update({
        where: { chainId: CHAIN_ID },
        data: { blockNumber: block.number, blockHash: block.hash },
      });
      const again = await harness.index(incremental.db, incremental.url);
      expect(again?.toBlock).toBe(head);
      expect(differences(await dumpTables(incremental.db, CHAIN_ID), before)).toEqual([]);
    }
  }, 60_000);

  it("rolls back reorganisations of depth 1 to 10 and ends equal to a clean re-index", async () => {
    const abandoned: number[] = [];
    let reorgs = 0;
    for (let depth = 1; depth <= 10; depth++) {
      const snapshot = await harness.snapshot();
      const forkPoint = await harness.publicClient.getBlockNumber();
      for (let block = 0; block < depth; block++) await harness.workload.runOneBlock();
      const oldHead = await harness.publicClient.getBlockNumber();
      await harness.index(incremental.db, incremental.url);
      // The indexer has projected blocks that now disappear, replaced by different ones.
      await harness.revert(snapshot);
      // A second later, so the new branch cannot repeat the abandoned block bit for bit (a small
      // workload may draw the same one-argument action again, which would be no reorg at all).
      await harness.rpc("evm_increaseTime", [1]);
      while ((await harness.publicClient.getBlockNumber()) < forkPoint + 1n) await harness.workload.run(1);
      const result = await harness.index(incremental.db, incremental.url);
      reorgs += result?.reorgs ?? 0;
      abandoned.push(Number(oldHead - forkPoint));
    }
    process.stdout.write(`reorgs: ${reorgs}, blocks abandoned per reorg: ${abandoned.join(", ")}\n`);
    expect(reorgs).toBe(10);
    expect(abandoned).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const dump = await dumpTables(incremental.db, CHAIN_ID);
    expect(rowCount(dump)).toBeGreaterThan(0);
    expect(differences(dump, await cleanReindex())).toEqual([]);
  }, 300_000);

  it("agrees, row by row, with the contracts' own view functions (an oracle apart from the handlers)", async () => {
    const report = await checkAgainstContracts(
      incremental.db,
      harness.publicClient,
      harness.contracts,
      CHAIN_ID,
    );
    const summary = Object.entries(report.checked).map(([what, n]) => `${what} ${n}`);
    process.stdout.write(`oracle checks: ${summary.join(", ")}\n`);
    expect(report.mismatches).toEqual([]);
    // Every view-checked table has rows to check at CI's size (a short soak run may not).
    for (const table of STEPS < 200
      ? []
      : [
          "Asset",
          "ShareHolding",
          "SharePosition.claimable",
          "AssetRevenue.credited",
          "ProtocolFee.balance",
          "License",
          "SeatDelegation.valid",
          "Offer",
          "AssetStake",
          "Stake.activeShares",
          "UnbondingEntry",
          "Challenge",
          "CuratorReward",
          "CatalogueEntry",
        ])
      expect(
        Object.keys(report.checked).some((key) => key.startsWith(table)),
        `${table} checked`,
      ).toBe(true);
    // The oracle can fail: one wrong balance is caught twice (the balance, and the asset's supply).
    const [row] = await incremental.db.shareHolding.findMany({ where: { chainId: CHAIN_ID }, take: 1 });
    if (!row) throw new Error("no share holding to corrupt");
    await incremental.db.shareHolding.update({ where: { id: row.id }, data: { balance: { increment: 1 } } });
    const corrupt = await checkAgainstContracts(
      incremental.db,
      harness.publicClient,
      harness.contracts,
      CHAIN_ID,
    );
    await incremental.db.shareHolding.update({ where: { id: row.id }, data: { balance: { decrement: 1 } } });
    expect(corrupt.mismatches.filter((m) => m.startsWith("ShareHolding.")).length).toBeGreaterThanOrEqual(2);
    // A catalogue entry that drifted from its inputs (one more license than its offers sold) fails too.
    await incremental.db.$executeRawUnsafe(
      `UPDATE "CatalogueEntry" SET licenses = licenses + 1 WHERE id = (SELECT min(id) FROM "CatalogueEntry" WHERE "chainId" = $1)`,
      CHAIN_ID,
    );
    const drifted = await checkAgainstContracts(
      incremental.db,
      harness.publicClient,
      harness.contracts,
      CHAIN_ID,
    );
    await incremental.db.$executeRawUnsafe(
      `UPDATE "CatalogueEntry" SET licenses = licenses - 1 WHERE id = (SELECT min(id) FROM "CatalogueEntry" WHERE "chainId" = $1)`,
      CHAIN_ID,
    );
    expect(drifted.mismatches.filter((m) => m.startsWith("CatalogueEntry.licenses "))).toHaveLength(1);
  }, 120_000);
});
