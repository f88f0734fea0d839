// Web benchmark (the catalogue issue's measurements): at 100,000 assets written by bulk SQL
// (scripts/bench-web/data.ts), measures
//   1. search and browse: the catalogue's own code (queryCatalogue: the page query plus the facts
//      each card shows), p95 over every query of each kind;
//   2. server time of /explore and of asset pages under `next start` (request to last byte, on
//      localhost, one request at a time), p95;
//   3. JavaScript the browser loads on the first visit of each page: every script response, gzipped.
// Writes apps/web/bench-results.json. Needs a built web app (`pnpm --filter @tessera/web build`) and
// Debian's Chromium. Uses DATABASE_URL's server, or an embedded Postgres.
//   node scripts/bench-web.ts [--assets 100000] [--samples 15] [--requests 60] [--database-url <filled db>]
import { existsSync, writeFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createPrismaClient, type PrismaClient } from "@tessera/db";
import { createTestDatabase } from "@tessera/db/testing";
import { z } from "zod";
import { firstLoadJs } from "../test/support/first-load-js.ts";
import { BENCH_CHAIN_ID, fillBenchDatabase } from "./bench-web/data.ts";
import { freePort, startService, WEB_SERVER_NODE_OPTIONS, waitFor } from "./lib/services.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = join(root, "apps/web");
const webSrc = join(webDir, "src");
const RESULTS = join(webDir, "bench-results.json");

const { values } = parseArgs({
  options: {
    assets: { type: "string", default: "100000" },
    samples: { type: "string", default: "15" },
    requests: { type: "string", default: "60" },
    "database-url": { type: "string" },
    "queries-only": { type: "boolean", default: false },
  },
});
const flags = z
  .object({
    assets: z.coerce.number().int().min(1_000),
    samples: z.coerce.number().int().min(3),
    requests: z.coerce.number().int().min(10),
    "database-url": z.string().optional(),
    "queries-only": z.boolean(),
  })
  .parse(values);

// The web app's server modules use Next's "@/..." alias and extensionless imports, and start with
// `import "server-only"`. Resolve them as Next does, so the bench runs the app's own query code.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === "server-only")
      return { url: "data:text/javascript,", shortCircuit: true, format: "module" };
    const underWeb = context.parentURL?.startsWith(pathToFileURL(webSrc).href);
    const base = specifier.startsWith("@/")
      ? join(webSrc, specifier.slice(2))
      : underWeb && specifier.startsWith(".") && context.parentURL
        ? fileURLToPath(new URL(specifier, context.parentURL))
        : null;
    if (base && !/\.[cm]?[jt]sx?$/.test(base)) {
      const found = [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((path) => existsSync(path));
      if (found) return nextResolve(pathToFileURL(found).href, context);
    }
    return nextResolve(specifier, context);
  },
});
// Loaded by URL so the root type-check does not compile the web app with the scripts' settings; the
// shapes the bench relies on are written out here.
type WebCatalogue = {
  parseCatalogueQuery(params: Record<string, string>): { query: unknown };
  currencyAddresses(db: PrismaClient, chainId: number): Promise<unknown>;
  queryCatalogue(
    db: PrismaClient,
    chainId: number,
    query: unknown,
    currencies: unknown,
  ): Promise<{ nextCursor: string | null }>;
  getAssetDetail(db: PrismaClient, chainId: number, assetId: bigint): Promise<unknown>;
};
const webModule = (path: string) => import(pathToFileURL(join(webSrc, path)).href);
const { parseCatalogueQuery, currencyAddresses, queryCatalogue, getAssetDetail }: WebCatalogue = {
  ...(await webModule("lib/catalogue-query.ts")),
  ...(await webModule("server/catalogue.ts")),
  ...(await webModule("server/asset-detail.ts")),
};

/** Searches people type, each alone and with the filters most often combined with a search. */
const SEARCH_TERMS = [
  "chest x-ray",
  "sepsis",
  "retina screening",
  "triage",
  "translation leaflet",
  "ecg",
  "stroke ct segmentation",
  "malaria",
  "east africa clinics",
  "pathology slide detector",
];
const SEARCH_FILTERS: Array<Record<string, string>> = [
  {},
  { kind: "model" },
  { clinical: "1" },
  { currency: "ETH", maxPrice: "0.1" },
  { sort: "newest" },
  { rights: "commercial", staked: "1" },
];
/** Browsing without words: every filter and every order, and a second page. */
const BROWSES: Array<Record<string, string>> = [
  {},
  { kind: "dataset" },
  { task: "image-classification" },
  { task: "translation", kind: "model" },
  { clinical: "1" },
  { staked: "1" },
  { rights: "commercial,derivative-training" },
  { currency: "tUSD", minPrice: "100", maxPrice: "500" },
  { currency: "ETH", maxPrice: "0.01", clinical: "1" },
  { sort: "licensed" },
  { sort: "licensed", kind: "model" },
  { sort: "staked" },
  { sort: "staked", task: "object-detection" },
  { sort: "price", currency: "ETH" },
  { sort: "price", currency: "tUSD", clinical: "1" },
];

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0) * 10) / 10
  );
}
const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const database = flags["database-url"]
    ? { url: flags["database-url"], drop: async () => {} }
    : await createTestDatabase();
  const db = createPrismaClient(database.url);
  // The machine is shared: the 1-minute load average before and after says how busy it was.
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  try {
    if (!flags["database-url"]) {
      log(`Filling a bench database with ${flags.assets.toLocaleString("en-GB")} assets (bulk SQL)…`);
      await fillBenchDatabase(db, flags.assets, log);
    }
    const counts = Object.fromEntries(
      await Promise.all(
        ["Asset", "ModelCard", "Offer", "License", "Sale", "AssetStake", "AssetVersion", "ShareHolding"].map(
          async (table) =>
            [
              table,
              Number(
                (await db.$queryRawUnsafe<[{ n: bigint }]>(`SELECT count(*) AS n FROM "${table}"`))[0].n,
              ),
            ] as const,
        ),
      ),
    );
    log(`Rows: ${JSON.stringify(counts)}`);
    const currencies = await currencyAddresses(db, BENCH_CHAIN_ID);

    // 1. Queries, through the app's own code.
    const measure = async (params: Record<string, string>) => {
      const { query } = parseCatalogueQuery(params);
      const times: number[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < flags.samples + 2; i++) {
        const started = process.hrtime.bigint();
        const page = await queryCatalogue(db, BENCH_CHAIN_ID, query, currencies);
        if (i >= 2) times.push(ms(started));
        cursor = page.nextCursor;
      }
      return { times, cursor, query };
    };
    const searchTimes: number[] = [];
    const perSearch: Record<string, number> = {};
    for (const q of SEARCH_TERMS) {
      for (const filters of SEARCH_FILTERS) {
        const { times } = await measure({ q, ...filters });
        searchTimes.push(...times);
        perSearch[new URLSearchParams({ q, ...filters }).toString()] = p95(times);
      }
    }
    const browseTimes: number[] = [];
    const perBrowse: Record<string, number> = {};
    for (const params of BROWSES) {
      const { times, cursor } = await measure(params);
      browseTimes.push(...times);
      perBrowse[new URLSearchParams(params).toString() || "(all, newest)"] = p95(times);
      if (cursor) {
        const next = await measure({ ...params, cursor });
        browseTimes.push(...next.times);
        perBrowse[`${new URLSearchParams(params).toString() || "(all, newest)"} page 2`] = p95(next.times);
      }
    }
    const assetTimes: number[] = [];
    for (let i = 0; i < flags.samples * 4; i++) {
      const started = process.hrtime.bigint();
      await getAssetDetail(db, BENCH_CHAIN_ID, BigInt(1 + ((i * 7919) % flags.assets)));
      assetTimes.push(ms(started));
    }
    log(
      `search p95 ${p95(searchTimes)} ms, browse p95 ${p95(browseTimes)} ms, asset read p95 ${p95(assetTimes)} ms`,
    );

    if (flags["queries-only"]) {
      log(JSON.stringify({ perSearch, perBrowse }, null, 1));
      return;
    }
    // 2 and 3. The built app under `next start`.
    const web = await measureWeb(database.url);

    const results = {
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.split(" ").slice(0, 2).join(" ") ?? "unknown",
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverage1m: { before: loadBefore, after: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
      },
      data: {
        assets: flags.assets,
        rows: counts,
        written: "bulk SQL (scripts/bench-web/data.ts), not the chain",
      },
      method: {
        queries: `queryCatalogue (the page's queries + card facts), ${flags.samples} timed runs after 2 warm-up runs per query`,
        pages: `next start, sequential GETs on localhost, request to last byte, ${flags.requests} per page kind after warm-up`,
        js: "every script the browser loads on a cold first visit, gzipped (zlib default level)",
      },
      search: {
        p95Ms: p95(searchTimes),
        queries: SEARCH_TERMS.length * SEARCH_FILTERS.length,
        perQueryP95Ms: perSearch,
        targetMs: 20,
      },
      browse: {
        p95Ms: p95(browseTimes),
        queries: Object.keys(perBrowse).length,
        perQueryP95Ms: perBrowse,
        targetMs: 20,
      },
      assetRead: { p95Ms: p95(assetTimes) },
      pages: {
        explore: {
          serverP95Ms: web.explore,
          firstLoadJsGzipKB: web.js.explore.kb,
          scripts: web.js.explore.count,
        },
        asset: { serverP95Ms: web.asset, firstLoadJsGzipKB: web.js.asset.kb, scripts: web.js.asset.count },
        targets: { serverP95Ms: 200, firstLoadJsGzipKB: 250 },
      },
    };
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    log(`Wrote ${RESULTS}`);
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

async function measureWeb(databaseUrl: string) {
  if (!existsSync(join(webDir, ".next", "BUILD_ID"))) {
    throw new Error("apps/web is not built: run `pnpm --filter @tessera/web build` first");
  }
  const port = await freePort();
  const web = startService({
    name: "web",
    command: join(webDir, "node_modules/.bin/next"),
    args: ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    cwd: webDir,
    env: {
      NODE_OPTIONS: WEB_SERVER_NODE_OPTIONS,
      DATABASE_URL: databaseUrl,
      TESSERA_CHAIN_ID: String(BENCH_CHAIN_ID),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    logFile: join(root, "test/.output/logs", `bench-web-${port}.log`),
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor("next start", async () => (await fetch(`${base}/api/health`)).ok, 60_000);
    const explorePaths = [
      ...BROWSES.map((p) => `/explore?${new URLSearchParams(p)}`),
      ...SEARCH_TERMS.map((q) => `/explore?${new URLSearchParams({ q })}`),
    ];
    const timed = async (paths: string[]) => {
      for (const path of paths.slice(0, 5)) await (await fetch(base + path)).text();
      const times: number[] = [];
      for (let i = 0; i < flags.requests; i++) {
        const path = paths[i % paths.length] ?? "/";
        const started = process.hrtime.bigint();
        const response = await fetch(base + path);
        await response.text();
        if (!response.ok) throw new Error(`${path} answered ${response.status}`);
        times.push(ms(started));
      }
      return p95(times);
    };
    const explore = await timed(explorePaths);
    const asset = await timed(
      Array.from(
        { length: flags.requests },
        (_, i) => `/assets/${BENCH_CHAIN_ID}/${1 + ((i * 7919 + 13) % flags.assets)}`,
      ),
    );
    log(`/explore server p95 ${explore} ms, asset page server p95 ${asset} ms`);
    const js = {
      explore: await firstLoadJs(`${base}/explore`),
      asset: await firstLoadJs(`${base}/assets/${BENCH_CHAIN_ID}/7`),
    };
    log(`first-load JS gzipped: /explore ${js.explore.kb} KB, asset page ${js.asset.kb} KB`);
    return { explore, asset, js };
  } finally {
    await web.stop();
  }
}

await main();
