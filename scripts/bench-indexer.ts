// Indexer benchmark: puts >= 100,000 real marketplace events on a local chain, then measures
//   1. backfill: events/s end to end (eth_getLogs over HTTP, decoding, Postgres), default settings;
//   2. the naive baseline on the same data: one round trip per event and row (see naive.ts);
//   3. chain-to-database latency p50/p95 while following: a purchase is mined, then the time until
//      the indexer's checkpoint covers its block.
// Writes packages/indexer/bench-results.json. Uses DATABASE_URL's server, or an embedded Postgres.
//   node scripts/bench-indexer.ts [--events 100000] [--naive-events 10000] [--latency-samples 100]
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { licenseManagerAbi } from "@tessera/abi";
import { createPrismaClient } from "@tessera/db";
import { createTestDatabase } from "@tessera/db/testing";
import {
  createJsonRpcClient,
  createProgressReporter,
  indexNaively,
  parseIndexerConfig,
  runIndexer,
  syncToHead,
} from "@tessera/indexer";
import hre from "hardhat";
import { parseGwei, zeroAddress } from "viem";
import { z } from "zod";
import TesseraModule from "../contracts/ignition/modules/Tessera.ts";
import { serveProvider } from "../test/support/rpc-server.ts";

const RESULTS = fileURLToPath(new URL("../packages/indexer/bench-results.json", import.meta.url));
const { values } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    "naive-events": { type: "string", default: "10000" },
    "latency-samples": { type: "string", default: "100" },
  },
});
const flags = z
  .object({
    events: z.coerce.number().int().min(1_000),
    "naive-events": z.coerce.number().int().min(100),
    "latency-samples": z.coerce.number().int().min(10),
  })
  .safeParse(values);
if (!flags.success) {
  process.stderr.write(`bench-indexer: ${z.prettifyError(flags.error)}\n`);
  process.exit(2);
}
const { events: targetEvents, "naive-events": naiveEvents, "latency-samples": latencySamples } = flags.data;
const say = (line: string) => process.stdout.write(`${line}\n`);

// ── a chain with a marketplace on it ──
const connection = await hre.network.create();
const deployed = await connection.ignition.deploy(TesseraModule, { displayUi: false });
const server = await serveProvider(connection.provider);
const publicClient = await connection.viem.getPublicClient();
const [builder, clinic, coAuthor] = await connection.viem.getWalletClients();
if (!builder || !clinic || !coAuthor) throw new Error("missing Hardhat accounts");
const mined = async (hash: Promise<`0x${string}`>) =>
  publicClient.waitForTransactionReceipt({ hash: await hash });

const card = `0x${"42".repeat(32)}` as const;
await mined(
  deployed.assetRegistry.write.register([
    1,
    "tessera://card/dataset",
    card,
    [{ holder: builder.account.address, shares: 1_000_000n }],
    [],
  ]),
);
await mined(
  deployed.assetRegistry.write.register([
    0,
    "tessera://card/model",
    card,
    [
      { holder: builder.account.address, shares: 700_000n },
      { holder: coAuthor.account.address, shares: 300_000n },
    ],
    [{ assetId: 1n, bps: 1_000 }],
  ]),
);
const price = parseGwei("1000");
const terms = {
  price,
  currency: zeroAddress,
  period: 30 * 24 * 3600,
  maxLicenses: 0,
  pinnedVersion: 0,
  rights: 3,
  transferable: false,
  termsHash: card,
};
await mined(deployed.licenseManager.write.createOffer([2n, terms]));
const burst = await connection.viem.deployContract("SalesBurst", [deployed.licenseManager.address]);

// Each purchase of the model emits 6 events: license Transfer, LicensePurchased, the parent's
// RevenueCredited and UpstreamPaid, PaymentSplit and the model's RevenueCredited.
const PER_TX = 80;
let generated = 0;
const genStart = performance.now();
while (generated < targetEvents) {
  const receipt = await mined(
    burst.write.buy([1n, price, BigInt(PER_TX), clinic.account.address], {
      value: price * BigInt(PER_TX),
      account: clinic.account,
    }),
  );
  generated += receipt.logs.length;
  process.stdout.write(
    `\rgenerating events: ${generated.toLocaleString("en")} / ${targetEvents.toLocaleString("en")}`,
  );
}
const head = await publicClient.getBlockNumber();
say(
  `\ngenerated ${generated.toLocaleString("en")} events in ${head} blocks (${((performance.now() - genStart) / 1000).toFixed(1)} s)`,
);

const contracts = {
  AssetRegistry: deployed.assetRegistry.address,
  RoyaltyShares: deployed.royaltyShares.address,
  LicenseManager: deployed.licenseManager.address,
  StakingPool: deployed.stakingPool.address,
};
const configFor = (databaseUrl: string, overrides: Record<string, unknown> = {}) =>
  parseIndexerConfig({ rpcUrl: server.url, chainId: 31337, databaseUrl, contracts, ...overrides });

// ── 1. backfill ──
const backfillDb = await createTestDatabase();
const db = createPrismaClient(backfillDb.url);
const rpc = createJsonRpcClient({ url: server.url });
const backfillStart = performance.now();
const result = await syncToHead({
  config: configFor(backfillDb.url),
  rpc,
  db,
  progress: (totalBlocks) => createProgressReporter({ totalBlocks }),
});
const backfillSeconds = (performance.now() - backfillStart) / 1000;
const backfilled = result?.events ?? 0;
const backfillRate = backfilled / backfillSeconds;
say(
  `backfill: ${backfilled.toLocaleString("en")} events in ${backfillSeconds.toFixed(2)} s = ${Math.round(backfillRate).toLocaleString("en")} events/s`,
);

// ── 2. naive baseline, on the first events of the same chain ──
const naiveDb = await createTestDatabase();
const naive = createPrismaClient(naiveDb.url);
const naiveStart = performance.now();
const naiveDone = await indexNaively(
  { config: configFor(naiveDb.url), rpc: createJsonRpcClient({ url: server.url }), db: naive },
  0n,
  head,
  naiveEvents,
);
const naiveSeconds = (performance.now() - naiveStart) / 1000;
const naiveRate = naiveDone / naiveSeconds;
say(
  `naive: ${naiveDone.toLocaleString("en")} events in ${naiveSeconds.toFixed(2)} s = ${Math.round(naiveRate).toLocaleString("en")} events/s`,
);
await naive.$disconnect();
await naiveDb.drop();

// ── 3. latency while following ──
const stop = new AbortController();
const follower = runIndexer(
  { config: configFor(backfillDb.url, { pollIntervalMs: 50 }), rpc, db },
  stop.signal,
);
const latencies: number[] = [];
for (let i = 0; i < latencySamples; i++) {
  const receipt = await mined(
    clinic.writeContract({
      address: deployed.licenseManager.address,
      abi: licenseManagerAbi,
      functionName: "purchase",
      args: [1n, 1, 1, clinic.account.address, price],
      value: price,
    }),
  );
  const minedAt = performance.now();
  for (;;) {
    const checkpoint = await db.indexerCheckpoint.findUnique({ where: { chainId: 31337 } });
    if (checkpoint && checkpoint.blockNumber >= receipt.blockNumber) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  latencies.push(performance.now() - minedAt);
  process.stdout.write(`\rlatency samples: ${i + 1} / ${latencySamples}`);
  await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100));
}
stop.abort();
await follower;
latencies.sort((a, b) => a - b);
const quantile = (q: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
say(
  `\nlatency: p50 ${quantile(0.5).toFixed(0)} ms, p95 ${quantile(0.95).toFixed(0)} ms, max ${(latencies.at(-1) ?? 0).toFixed(0)} ms`,
);

const results = {
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  chain: {
    events: generated,
    blocks: Number(head),
    eventsPerPurchase: 6,
    rpc: "Hardhat in-process chain over HTTP JSON-RPC",
  },
  backfill: {
    events: backfilled,
    seconds: Number(backfillSeconds.toFixed(3)),
    eventsPerSecond: Math.round(backfillRate),
    target: 8_000,
    rpc: rpc.stats(),
  },
  naive: {
    events: naiveDone,
    seconds: Number(naiveSeconds.toFixed(3)),
    eventsPerSecond: Math.round(naiveRate),
  },
  speedupOverNaive: Number((backfillRate / naiveRate).toFixed(1)),
  followLatencyMs: {
    samples: latencies.length,
    p50: Math.round(quantile(0.5)),
    p95: Math.round(quantile(0.95)),
    max: Math.round(latencies.at(-1) ?? 0),
    pollIntervalMs: 50,
    target: { p95: 2_000 },
  },
};
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
say(`wrote ${RESULTS.slice(RESULTS.indexOf("packages/"))}`);
await db.$disconnect();
await backfillDb.drop();
await server.close();
await connection.close();
