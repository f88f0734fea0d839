// Download benchmark (the clinic issue's measurement), on the whole stack (chain, database, `next
// start`, the disk blob store): a clinic buys a license to a model whose latest version is a 1 GiB
// artifact, asks for a download link the moment the purchase is confirmed (the license is checked on
// chain, not in the index), then downloads the artifact over loopback, against a plain read of the
// same bytes from the same disk in the same run, while the web server's resident memory (its whole
// process group) is sampled every 50 ms. Writes apps/web/bench-download.json.
// Needs a built web app (`pnpm --filter @tessera/web build`) and built contracts.
//   node scripts/bench-download.ts [--mib 1024] [--purchases 5]
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, writeFileSync } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { assetRegistryAbi, licenseManagerAbi } from "@tessera/abi";
import { issueNonce, openSession } from "@tessera/auth";
import { DiskBlobStore } from "@tessera/storage";
import { createWalletClient, type Hex, http, zeroAddress } from "viem";
import { hardhat } from "viem/chains";
import { z } from "zod";
import { startStack } from "../test/support/stack.ts";
import { DEV_ACCOUNT, devAccount } from "./lib/accounts.ts";
import { groupRssMB } from "./lib/process-memory.ts";
import { freePort, type Service, startService, waitFor } from "./lib/services.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = join(root, "apps/web");
const RESULTS = join(webDir, "bench-download.json");
const MiB = 1024 * 1024;

const { values } = parseArgs({
  options: { mib: { type: "string", default: "1024" }, purchases: { type: "string", default: "5" } },
});
const flags = z
  .object({ mib: z.coerce.number().int().min(1), purchases: z.coerce.number().int().min(1).max(50) })
  .parse(values);
const size = flags.mib * MiB;

if (!existsSync(join(webDir, ".next", "BUILD_ID"))) {
  console.error("apps/web is not built: run `pnpm --filter @tessera/web build` first.");
  process.exit(1);
}

const work = join(root, ".tessera", "bench-download");
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
console.log("starting the stack (chain, contracts, database, demo catalogue)…");
const stack = await startStack();
let web: Service | undefined;

try {
  // 1. A 1 GiB artifact in the blob store, published as the latest version of a seeded model.
  await stack.index();
  const source = join(work, "artifact.bin");
  const sha256 = await writeRandomFile(source, size);
  const blobs = await DiskBlobStore.open(stack.blobDir);
  const put = await blobs.put(createReadStream(source));
  if (put.sha256 !== sha256) throw new Error(`the blob store hashed ${put.sha256}, not ${sha256}`);
  const offer = await stack.db.offer.findFirstOrThrow({
    where: {
      chainId: stack.chainId,
      currency: zeroAddress,
      pinnedVersion: 0n,
      retired: false,
      period: { gt: 0n },
    },
    orderBy: { price: "asc" },
  });
  const asset = await stack.db.asset.findFirstOrThrow({
    where: { chainId: stack.chainId, assetId: offer.assetId },
  });
  const builder = wallet(devAccount(DEV_ACCOUNT.builder));
  await confirm(
    await builder.writeContract({
      address: stack.contracts.AssetRegistry,
      abi: assetRegistryAbi,
      functionName: "publishVersion",
      args: [asset.assetId, sha256 as Hex, asset.metadataUri],
    }),
  );
  await stack.index();
  console.log(
    `published a ${flags.mib} MiB artifact (${sha256}) as the latest version of asset #${asset.assetId}`,
  );

  // 2. The web app, started here so its process group can be sampled.
  const port = await freePort();
  web = startService({
    name: "web",
    command: join(webDir, "node_modules/.bin/next"),
    args: ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    cwd: webDir,
    env: {
      DATABASE_URL: stack.databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      TESSERA_RPC_URL: stack.rpcUrl,
      TESSERA_CHAIN_ID: String(stack.chainId),
      TESSERA_CONTRACTS: JSON.stringify(stack.contracts),
      TESSERA_BLOB_DIR: stack.blobDir,
    },
    logFile: join(root, ".tessera/logs/bench-download-web.log"),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor("next start", async () => (await fetch(`${base}/api/health`)).ok, 60_000);
  const group = web.child.pid as number;
  const idleRssMB = groupRssMB(group);

  // 3. Purchase confirmed → download allowed, several times (each a fresh license).
  const clinic = devAccount(11);
  const buyer = wallet(clinic);
  const { nonce } = await issueNonce(stack.db);
  const session = await openSession(stack.db, { nonce, address: clinic.address, chainId: stack.chainId });
  if (!session) throw new Error("could not open a session");
  const cookie = `tessera_session=${session.token}`;
  const latencies: number[] = [];
  let url = "";
  // A first request warms the route (compiled on first use), as a running site's would be.
  await fetch(`${base}/api/downloads`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: "{}",
  });
  for (let i = 0; i < flags.purchases; i++) {
    const total = BigInt(offer.price.toFixed());
    const hash = await buyer.writeContract({
      address: stack.contracts.LicenseManager,
      abi: licenseManagerAbi,
      functionName: "purchase",
      args: [offer.offerId, 1, 1, clinic.address, total],
      value: total,
    });
    const receipt = await stack.publicClient.waitForTransactionReceipt({ hash });
    const confirmedAt = performance.now();
    const licenseId = await stack.publicClient.readContract({
      address: stack.contracts.LicenseManager,
      abi: licenseManagerAbi,
      functionName: "licenseCount",
      blockNumber: receipt.blockNumber,
    });
    const response = await fetch(`${base}/api/downloads`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ licenseId: licenseId.toString(), sha256 }),
    });
    const body = (await response.json()) as { url?: string; detail?: string };
    if (!response.ok || !body.url) throw new Error(`download refused: ${body.detail}`);
    latencies.push(performance.now() - confirmedAt);
    url = body.url;
  }
  latencies.sort((a, b) => a - b);
  console.log(`purchase confirmed → download allowed: ${latencies.map((ms) => ms.toFixed(0)).join(", ")} ms`);

  // 4. The baseline: a plain read of the same bytes (page cache as warm as for the download).
  const readSeconds = await timed(async () => {
    for await (const _ of createReadStream(source, { highWaterMark: MiB })) {
      // consume
    }
  });
  console.log(`plain read: ${readSeconds.toFixed(2)} s`);

  // 5. The download through the web app. Bytes are counted, not hashed, so both sides do the same
  // work (the end-to-end tests prove the bytes are the artifact's).
  let maxRssMB = idleRssMB;
  const sampler = setInterval(() => {
    maxRssMB = Math.max(maxRssMB, groupRssMB(group));
  }, 50);
  let received = 0;
  const downloadSeconds = await timed(async () => {
    const response = await fetch(`${base}${url}`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`download failed: ${response.status}`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      received += chunk.byteLength;
    }
  });
  clearInterval(sampler);
  maxRssMB = Math.max(maxRssMB, groupRssMB(group));
  if (received !== size) throw new Error(`the download delivered ${received} of ${size} bytes`);
  console.log(`download: ${downloadSeconds.toFixed(2)} s, web server RSS max ${maxRssMB.toFixed(0)} MB`);

  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
    artifactMiB: flags.mib,
    read: {
      seconds: round(readSeconds),
      MiBPerSecond: round(flags.mib / readSeconds),
      method: "fs.createReadStream, 1 MiB chunks",
    },
    download: {
      seconds: round(downloadSeconds),
      MiBPerSecond: round(flags.mib / downloadSeconds),
      throughputRatioVsRead: round(readSeconds / downloadSeconds),
      targetRatio: 0.5,
      maxRssMB: Math.round(maxRssMB),
      idleRssMB: Math.round(idleRssMB),
      targetMaxRssMB: 300,
      path: "fetch (Node) → loopback HTTP → next start → /api/downloads/<link> (session, HMAC link, isValid on chain) → DiskBlobStore stream",
    },
    purchaseToDownloadMs: round(latencies.at(-1) ?? 0),
    purchaseToDownload: {
      samplesMs: latencies.map(round),
      medianMs: round(latencies[Math.floor(latencies.length / 2)] ?? 0),
      targetMs: 1000,
      what: "purchase receipt in hand → POST /api/downloads answered with a link (isValid read on chain; nothing indexed)",
    },
  };
  // Short number arrays on one line, as the repo's formatter (biome) writes them.
  const json = JSON.stringify(results, null, 2).replace(
    /\[\s+([\d.,\s]+?)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s*/).join(", ")}]`,
  );
  writeFileSync(RESULTS, `${json}\n`);
  console.log(
    JSON.stringify(
      { download: results.download, purchaseToDownloadMs: results.purchaseToDownloadMs },
      null,
      2,
    ),
  );
} finally {
  await web?.stop();
  await stack.stop();
  await rm(work, { recursive: true, force: true });
}

function wallet(account: ReturnType<typeof devAccount>) {
  return createWalletClient({ account, chain: hardhat, transport: http(stack.rpcUrl) });
}

async function confirm(hash: Hex) {
  const receipt = await stack.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`transaction ${hash} reverted`);
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const file = await open(path, "w");
  const hash = createHash("sha256");
  for (let written = 0; written < bytes; written += 4 * MiB) {
    const chunk = randomBytes(Math.min(4 * MiB, bytes - written));
    hash.update(chunk);
    await file.write(chunk);
  }
  await file.close();
  return `0x${hash.digest("hex")}`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
