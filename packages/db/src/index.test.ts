import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind, createPrismaClient, Prisma, type PrismaClient } from "./index.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrismaClient(db.url);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe("createPrismaClient", () => {
  it("round-trips an Asset row, keeping bigints above 2^53, the enum and millisecond timestamps", async () => {
    const asset = {
      id: `31337:${2n ** 63n - 1n}`,
      chainId: 31337,
      assetId: 2n ** 63n - 1n,
      kind: AssetKind.DATASET,
      owner: "0x00000000000000000000000000000000000000aa",
      metadataUri: "tessera://card/ab",
      contentHash: `0x${"ab".repeat(32)}`,
      versionCount: 1,
      parentCount: 0,
      updatedBlock: 9_007_199_254_740_993n,
      blockNumber: 9_007_199_254_740_993n,
      txHash: `0x${"cd".repeat(32)}`,
      logIndex: 3,
      registeredAt: new Date("2026-01-02T03:04:05.678Z"),
    };
    await prisma.asset.create({ data: asset });
    const read = await prisma.asset.findUnique({
      where: { chainId_assetId: { chainId: asset.chainId, assetId: asset.assetId } },
    });
    expect(read).toEqual(asset);
  });

  it("enforces the key: a second Asset with the same (chainId, assetId) is rejected", async () => {
    const data = {
      id: "1:7",
      chainId: 1,
      assetId: 7n,
      kind: AssetKind.MODEL,
      owner: "0x01",
      metadataUri: "u",
      contentHash: "h",
      versionCount: 1,
      parentCount: 0,
      updatedBlock: 1n,
      blockNumber: 1n,
      txHash: "0x02",
      logIndex: 0,
      registeredAt: new Date(),
    };
    await prisma.asset.create({ data });
    const duplicate = prisma.asset.create({ data: { ...data, id: "another id, same chain and asset" } });
    await expect(duplicate).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
  });

  it("stores ChainEvent args as JSON and fills IndexerCheckpoint.updatedAt itself", async () => {
    const args = {
      from: "0xaa",
      ids: ["1", "2"],
      value: "115792089237316195423570985008687907853269984665640564039457584007913129639935",
    };
    await prisma.chainEvent.create({
      data: {
        chainId: 1,
        blockNumber: 5n,
        blockHash: "0xb",
        logIndex: 0,
        txHash: "0xt",
        address: "0xa",
        eventName: "Sold",
        args,
      },
    });
    expect((await prisma.chainEvent.findFirstOrThrow()).args).toEqual(args);
    const before = Date.now();
    const checkpoint = await prisma.indexerCheckpoint.create({
      data: { chainId: 1, blockNumber: 5n, blockHash: "0xb" },
    });
    expect(checkpoint.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
