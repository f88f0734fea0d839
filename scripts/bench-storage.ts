// Storage benchmark (the publish issue's measurement): a 1 GiB artifact uploaded through the web app
// (tus over loopback, `next start`, into the disk blob store, the sha256 computed on the way) against
// a plain copy of the same file on the same disk, in the same run, while the web server's resident
// memory (its whole process group) is sampled every 50 ms. On a shared 2-core machine one sample
// says little, so the copy, a bare node:http ingest (the ceiling of any HTTP upload here) and the
// upload run alternately for several rounds; the figures are the medians, every sample is kept with
// the load average when it ended. Page cache: the source file is in the page cache for all three
// (written just before); each writes a new file and waits until it is on disk (fsync).
// Writes packages/storage/bench-results.json.
// Needs a built web app (`pnpm --filter @tessera/web build`); uses DATABASE_URL's server or an
// embedded Postgres.
//   node scripts/bench-storage.ts [--mib 1024] [--rounds 3]

import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, writeFileSync } from "node:fs";
import { copyFile, mkdir, open, rm } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { issueNonce, openSession } from "@tessera/auth";
import { createPrismaClient } from "@tessera/db";
import { createTestDatabase } from "@tessera/db/testing";
import { DiskBlobStore, type Sha256Hex } from "@tessera/storage";
import * as tus from "tus-js-client";
import { z } from "zod";
import { UPLOAD_CHUNK_BYTES } from "../apps/web/src/upload/api.ts";
import { groupCpuSeconds, groupRssMB, peakRss } from "./lib/process-memory.ts";
import { resultsJson, round as round3, type Sample, series, timed } from "./lib/rounds.ts";
import { freePort, startService, WEB_SERVER_NODE_OPTIONS, waitFor } from "./lib/services.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = join(root, "apps/web");
const RESULTS = join(root, "packages/storage/bench-results.json");
const MiB = 1024 * 1024;

const { values } = parseArgs({
  options: { mib: { type: "string", default: "1024" }, rounds: { type: "string", default: "3" } },
});
const flags = z
  .object({ mib: z.coerce.number().int().min(16), rounds: z.coerce.number().int().min(1).max(9) })
  .parse(values);
const size = flags.mib * MiB;

if (!existsSync(join(webDir, ".next", "BUILD_ID"))) {
  console.error("apps/web is not built: run `pnpm --filter @tessera/web build` first.");
  process.exit(1);
}

// Everything on the disk the blob store uses in development (.tessera/ under the repo).
const work = join(root, ".tessera", "bench-storage");
await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
const loadAtStart = round3(loadavg()[0] ?? 0);
const database = await createTestDatabase();
const db = createPrismaClient(database.url);
let web: ReturnType<typeof startService> | undefined;

try {
  const source = join(work, "artifact.bin");
  const sourceSha256 = await writeRandomFile(source, size);
  console.log(`wrote a ${flags.mib} MiB artifact (${sourceSha256})`);

  const port = await freePort();
  web = startService({
    name: "web",
    command: join(webDir, "node_modules/.bin/next"),
    args: ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    cwd: webDir,
    env: {
      DATABASE_URL: database.url,
      NEXT_TELEMETRY_DISABLED: "1",
      TESSERA_BLOB_DIR: join(work, "blobs"),
      TESSERA_UPLOAD_DIR: join(work, "uploads"),
      // WEB_NODE_OPTIONS tries other V8 settings for the web server (e.g. "" for V8's defaults).
      NODE_OPTIONS: process.env.WEB_NODE_OPTIONS ?? WEB_SERVER_NODE_OPTIONS,
    },
    logFile: join(root, ".tessera/logs/bench-storage-web.log"),
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    "next start",
    async () => (await fetch(`${base}/api/uploads/tus`, { method: "OPTIONS" })).ok,
    60_000,
  );
  const group = web.child.pid as number;
  const idleRssMB = groupRssMB(group);
  const { nonce } = await issueNonce(db);
  const session = await openSession(db, { nonce, address: `0x${"11".repeat(20)}`, chainId: 31337 });
  if (!session) throw new Error("could not open a session");
  const cookie = `tessera_session=${session.token}`;
  const blobs = await DiskBlobStore.open(join(work, "blobs"));

  const copies: Sample[] = [];
  const ceilings: Sample[] = [];
  const uploads: (Sample & { maxRssMB: number; serverCpuSeconds: number })[] = [];
  for (let round = 1; round <= flags.rounds; round++) {
    // 1. The baseline: a plain copy on the same disk, made durable like a stored blob.
    const copy = await timed(async () => {
      await copyFile(source, join(work, "copy.bin"));
      await fsync(join(work, "copy.bin"));
    });
    await rm(join(work, "copy.bin"));
    copies.push(copy);

    // 2. The ceiling of any HTTP upload here: a bare node:http server that hashes and writes the
    //    body, fed by a bare streaming request. Not a target; it says how much of the gap is the machine.
    const ceiling = await timed(() => bareHttpIngest(source, join(work, "ceiling.bin")));
    await rm(join(work, "ceiling.bin"));
    ceilings.push(ceiling);

    // 3. The upload through the running web app, as the browser does it (tus-js-client).
    const memory = peakRss(group);
    const cpuBefore = groupCpuSeconds(group);
    let uploadUrl = "";
    const upload = await timed(async () => {
      uploadUrl = await tusUpload(`${base}/api/uploads/tus`, source, cookie);
    });
    const serverCpuSeconds = round3(groupCpuSeconds(group) - cpuBefore);
    const maxRssMB = Math.round(memory.stop());
    const result = (await (
      await fetch(`${base}/api/uploads/${uploadUrl.split("/").at(-1)}/result`, { headers: { cookie } })
    ).json()) as { sha256: string };
    if (result.sha256 !== sourceSha256)
      throw new Error(`the upload hashed to ${result.sha256}, not ${sourceSha256}`);
    // The next round stores the blob anew, and the quota does not fill up.
    await blobs.delete(sourceSha256 as Sha256Hex);
    await db.upload.deleteMany({});
    uploads.push({ ...upload, maxRssMB, serverCpuSeconds });
    console.log(
      `round ${round}: copy ${copy.seconds} s, bare node:http ${ceiling.seconds} s, ` +
        `upload ${upload.seconds} s (server CPU ${serverCpuSeconds} s, RSS max ${maxRssMB} MB), load ${upload.loadAverage1m}`,
    );
  }

  const copy = series(copies, flags.mib);
  const ceiling = series(ceilings, flags.mib);
  const upload = series(uploads, flags.mib);
  const results = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
    artifactMiB: flags.mib,
    rounds: flags.rounds,
    /** The machine's load: other work on the same 2 cores slows every figure. */
    loadAverage1m: { atStart: loadAtStart, atEnd: round3(loadavg()[0] ?? 0) },
    pageCache:
      "source file in the page cache for every run (written just before); each run writes a new file and fsyncs it",
    copy: { ...copy, method: "fs.copyFile + fsync" },
    bareHttpIngest: {
      ...ceiling,
      ratioVsCopy: round3(copy.medianSeconds / ceiling.medianSeconds),
      what: "a bare node:http server (own process) piping the body through sha256 into a file + fsync, fed from the file over loopback: the ceiling for any HTTP upload on this machine",
    },
    upload: {
      ...upload,
      throughputRatioVsCopy: round3(copy.medianSeconds / upload.medianSeconds),
      targetRatio: 0.5,
      maxRssMB: Math.max(...uploads.map((u) => u.maxRssMB)),
      idleRssMB: Math.round(idleRssMB),
      targetMaxRssMB: 300,
      chunkMiB: UPLOAD_CHUNK_BYTES / MiB,
      path: "tus-js-client (Node) → loopback HTTP → next start, Pages Router API route on Node streams → tus PATCH written from the socket, sha256 while writing, disk flushing behind → fsync + rename into the disk blob store (no second copy)",
      sha256Verified: true,
    },
  };
  writeFileSync(RESULTS, resultsJson(results));
  console.log(
    JSON.stringify(
      { copy: copy.medianSeconds, ceiling: ceiling.medianSeconds, upload: results.upload },
      null,
      2,
    ),
  );
} finally {
  await web?.stop();
  await db.$disconnect();
  await database.drop();
  await rm(work, { recursive: true, force: true });
}

function tusUpload(endpoint: string, source: string, cookie: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const upload: tus.Upload = new tus.Upload(createReadStream(source), {
      endpoint,
      uploadSize: size,
      chunkSize: UPLOAD_CHUNK_BYTES,
      headers: { cookie },
      metadata: { filename: "artifact.bin" },
      retryDelays: [],
      onSuccess: () => resolve(upload.url ?? ""),
      onError: reject,
    });
    upload.start();
  });
}

/** The server runs in its own process (as the web app does), so client and server use both cores. */
async function bareHttpIngest(source: string, target: string): Promise<void> {
  const script = `
    const { createServer } = await import("node:http");
    const { createWriteStream, openSync, fsyncSync, closeSync } = await import("node:fs");
    const { createHash } = await import("node:crypto");
    const { Transform } = await import("node:stream");
    const { pipeline } = await import("node:stream/promises");
    const target = ${JSON.stringify(target)};
    const server = createServer(async (request, response) => {
      const hash = createHash("sha256");
      const hashing = new Transform({ transform(chunk, _e, callback) { hash.update(chunk); callback(null, chunk); } });
      await pipeline(request, hashing, createWriteStream(target));
      const fd = openSync(target, "r+"); fsyncSync(fd); closeSync(fd);
      response.end(hash.digest("hex"));
    });
    server.listen(0, "127.0.0.1", () => process.stdout.write(server.address().port + "\\n"));
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout.once("data", (data: Buffer) => resolve(Number(data.toString()))),
  );
  await new Promise<void>((resolve, reject) => {
    const request = httpRequest({ host: "127.0.0.1", port, method: "PUT" }, (response) => {
      response.resume();
      response.on("end", resolve);
    });
    request.on("error", reject);
    createReadStream(source, { highWaterMark: 1024 * 1024 }).pipe(request);
  });
  child.kill();
}

async function writeRandomFile(path: string, bytes: number): Promise<string> {
  const file = await open(path, "w");
  const hash = createHash("sha256");
  for (let written = 0; written < bytes; written += 4 * MiB) {
    const chunk = randomBytes(Math.min(4 * MiB, bytes - written));
    hash.update(chunk);
    await file.write(chunk);
  }
  await file.sync();
  await file.close();
  return `0x${hash.digest("hex")}`;
}

async function fsync(path: string): Promise<void> {
  const file = await open(path, "r+");
  await file.sync();
  await file.close();
}
