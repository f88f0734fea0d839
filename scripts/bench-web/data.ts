// The web benchmark's marketplace: `assets` assets with cards and every projection the catalogue and
// the asset page read, written by bulk SQL (generate_series) straight into a fresh database. Not the
// chain: 100,000 registrations through contracts and the indexer would take an hour and measure
// something else. Cards get their search document with the same weights saveModelCard uses, and the
// catalogue projection is filled by the same SQL function the indexer runs (catalogue_refresh).
// Deterministic: the same `assets` gives the same rows.
import type { PrismaClient } from "@tessera/db";

export const BENCH_CHAIN_ID = 31337;
export const STABLECOIN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

const SPECIALTIES = [
  "Chest X-ray",
  "Retina",
  "Sepsis",
  "Skin Lesion",
  "Discharge Summary",
  "Patient Leaflet",
  "Stroke CT",
  "Mammography",
  "ECG",
  "Pathology Slide",
  "Malaria Smear",
  "Ultrasound",
  "Fracture",
  "Pneumonia",
  "Diabetic Foot",
  "Colonoscopy",
  "Dental X-ray",
  "Cough Audio",
  "Maternal Risk",
  "Neonatal Jaundice",
];
const TASKS = [
  "image-classification",
  "image-classification",
  "tabular-classification",
  "image-classification",
  "summarization",
  "translation",
  "image-segmentation",
  "object-detection",
  "time-series-forecasting",
  "image-classification",
  "object-detection",
  "image-segmentation",
  "object-detection",
  "image-classification",
  "image-classification",
  "object-detection",
  "object-detection",
  "text-classification",
  "tabular-classification",
  "image-classification",
];
const ROLES = [
  "Triage",
  "Screen",
  "Grader",
  "Detector",
  "Risk Model",
  "Assistant",
  "Lite",
  "Pro",
  "Edge",
  "Validator",
];
const REGIONS = [
  "East Africa",
  "West Africa",
  "South Asia",
  "Andean",
  "Pacific",
  "rural",
  "district",
  "urban",
  "mobile",
  "tertiary",
];
const REGULATORY = [
  "CE marked, class IIa",
  "FDA 510(k) cleared",
  "Research use only",
  "Under review",
  "Not a medical device",
];

const lit = (values: string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(",")}]`;

/** Statements that fill an empty, migrated database. `$1` is never used: sizes are literals. */
export function benchDataSql(assets: number): string[] {
  const n = Math.floor(assets);
  const c = BENCH_CHAIN_ID;
  const pick = (array: string, expr: string) => `(${array})[1 + ((${expr}) % array_length(${array}, 1))]`;
  const spec = pick(lit(SPECIALTIES), "i");
  const task = pick(lit(TASKS), "i");
  const role = pick(lit(ROLES), "i / 20");
  const region = pick(lit(REGIONS), "i / 7");
  const hex64 = (seed: string) => `(md5((${seed})::text) || md5((${seed})::text || 'x'))`;
  const addr = (seed: string) => `('0x' || substr(md5((${seed})::text), 1, 40))`;
  return [
    `CREATE TEMP TABLE bench_asset AS
       SELECT i, CASE WHEN i % 10 < 3 THEN 'DATASET' ELSE 'MODEL' END AS kind,
              ${spec} AS spec, ${task} AS task, ${role} AS role, ${region} AS region, ${hex64("i")} AS sha
       FROM generate_series(1, ${n}) i`,
    `INSERT INTO "ModelCard" (sha256, name, summary, body, search, task, "regulatoryStatus", "clinicalUse")
       SELECT sha, name, summary, body,
              setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', summary), 'B') ||
              setweight(to_tsvector('english', body), 'C'),
              task, CASE WHEN kind = 'MODEL' THEN ${pick(lit(REGULATORY), "i / 3")} END,
              kind = 'MODEL' AND i % 3 = 0
       FROM (SELECT *, CASE WHEN kind = 'DATASET' THEN spec || ' ' || region || ' Set ' || i
                            ELSE spec || ' ' || role || ' ' || i END AS name,
                       CASE WHEN kind = 'DATASET'
                            THEN (1000 + i % 90000) || ' de-identified ' || lower(spec) || ' records from ' || region || ' clinics, labelled by two specialists.'
                            ELSE 'Supports ' || lower(spec) || ' ' || lower(role) || ' decisions in ' || region || ' clinics; runs on a laptop CPU.' END AS summary,
                       '## Intended use' || E'\\n' || 'Helps clinicians with ' || lower(spec) || ' cases in ' || region || ' settings. Not a diagnosis.' ||
                       E'\\n\\n## Evaluation\\n' || 'AUROC 0.' || (80 + i % 19) || ' on ' || (500 + i % 5000) || ' held-out cases from ' || (2 + i % 9) || ' sites.' ||
                       E'\\n\\n## Limitations\\n' || 'Lower accuracy on images from older devices and on patients under ' || (5 + i % 13) || '.' AS body
             FROM bench_asset) s`,
    `INSERT INTO "Asset" (id, "chainId", "assetId", kind, owner, "metadataUri", "contentHash", "versionCount", "parentCount",
                          "blockNumber", "txHash", "logIndex", "registeredAt", "updatedBlock")
       SELECT '${c}:' || i, ${c}, i, kind::"AssetKind", ${addr("i % 500")}, 'tessera://card/' || sha, '0x' || ${hex64("i + 7")},
              1 + i % 3, CASE WHEN kind = 'MODEL' THEN 1 ELSE 0 END, i, '0x' || ${hex64("i + 11")}, 0,
              timestamp '2024-06-01' + i * interval '7 minutes', i
       FROM bench_asset`,
    `INSERT INTO "AssetVersion" (id, "chainId", "assetId", version, "contentHash", "metadataUri", "blockNumber", "txHash", "publishedAt")
       SELECT '${c}:' || i || ':' || v, ${c}, i, v, '0x' || ${hex64("i * 10 + v")}, 'tessera://card/' || sha, i, '0x' || ${hex64("i * 10 + v + 3")},
              timestamp '2024-06-01' + i * interval '7 minutes' + (v - 1) * interval '9 days'
       FROM bench_asset, generate_series(1, 1 + i % 3) v`,
    `INSERT INTO "AssetLineage" (id, "chainId", "assetId", "parentId", bps, "blockNumber")
       SELECT '${c}:' || i || ':' || (i / 10) * 10 + 1, ${c}, i, (i / 10) * 10 + 1, 1000, i
       FROM bench_asset WHERE kind = 'MODEL' AND (i / 10) * 10 + 1 < i`,
    `INSERT INTO "ShareHolding" (id, "chainId", "assetId", holder, balance, "updatedBlock")
       SELECT '${c}:' || i || ':' || h, ${c}, i, ${addr("i % 500 + h * 1000")}, CASE WHEN h = 0 THEN 700000 ELSE 300000 END, i
       FROM bench_asset, generate_series(0, 1) h`,
    `INSERT INTO "Currency" (id, "chainId", address, allowed, "updatedBlock") VALUES ('${c}:${STABLECOIN}', ${c}, '${STABLECOIN}', true, 1)`,
    // 1 offer per asset, a second for every third: ETH and tUSD, rights 1..15, sold 0..6, 5% retired.
    `CREATE TEMP TABLE bench_offer AS
       SELECT row_number() OVER (ORDER BY i, k) AS n, i, k,
              CASE WHEN (i + k) % 2 = 0 THEN '0x0000000000000000000000000000000000000000' ELSE '${STABLECOIN}' END AS currency
       FROM bench_asset, generate_series(0, 1) k WHERE k = 0 OR i % 3 = 0`,
    `INSERT INTO "Offer" (id, "chainId", "offerId", "assetId", price, currency, period, "maxLicenses", "pinnedVersion", rights,
                          transferable, "termsHash", sold, retired, "blockNumber", "createdAt", "updatedBlock")
       SELECT '${c}:' || n, ${c}, n, i,
              CASE WHEN currency LIKE '0x0000%' THEN (1 + (i * 37 + k) % 500) * 1000000000000000::numeric
                   ELSE (5 + (i * 53 + k) % 2000) * 1000000::numeric END,
              currency, CASE WHEN (i + k) % 4 = 0 THEN 0 WHEN (i + k) % 4 = 1 THEN 31536000 ELSE 2592000 END,
              0, 0, 1 + (i * 7 + k) % 15, (i + k) % 5 = 0, '0x' || ${hex64("n + 13")}, (i * 13 + k) % 7, (i + k) % 20 = 0,
              i, timestamp '2024-06-01' + i * interval '7 minutes', i
       FROM bench_offer`,
    `INSERT INTO "License" (id, "chainId", "licenseId", "offerId", "assetId", holder, payer, seats, "expiresAt", delegates, epoch,
                            "blockNumber", "txHash", "purchasedAt", "updatedBlock")
       SELECT '${c}:' || l, ${c}, l, n, i, holder, holder, 1 + l % 5, NULL, 0, 0, i, '0x' || ${hex64("l + 17")}, at, i
       FROM (SELECT row_number() OVER (ORDER BY o.n, s) AS l, o.n, o.i, ${addr("(o.i + s) % 3000 + 77")} AS holder,
                    timestamp '2025-06-01' + ((o.i * 31 + s * 97) % 525600) * interval '1 minute' AS at
             FROM bench_offer o, generate_series(1, (o.i * 13 + o.k) % 7) s) x`,
    `INSERT INTO "Sale" (id, "chainId", "licenseId", "assetId", kind, payer, currency, total, "protocolFee", upstream, curators,
                         "toShareholders", "blockNumber", "txHash", "soldAt")
       SELECT '${c}:' || l."licenseId" || ':p', ${c}, l."licenseId", l."assetId", 'PURCHASE', l.payer, o.currency, o.price * l.seats,
              o.price * l.seats * 25 / 1000, 0, o.price * l.seats * 5 / 100, o.price * l.seats * 925 / 1000,
              l."blockNumber", l."txHash", l."purchasedAt"
       FROM "License" l JOIN "Offer" o ON o."chainId" = l."chainId" AND o."offerId" = l."offerId"`,
    `INSERT INTO "AssetStake" (id, "chainId", "assetId", "totalStake", "totalShares", "activeShares", "openChallenges", "updatedBlock")
       SELECT '${c}:' || i, ${c}, i, (100 + (i * 71) % 20000) * 1000000000000000000::numeric,
              (100 + (i * 71) % 20000) * 1000000000000000000::numeric, (100 + (i * 71) % 20000) * 1000000000000000000::numeric,
              CASE WHEN i % 1000 = 4 THEN 1 ELSE 0 END, i
       FROM bench_asset WHERE i % 4 = 0`,
    `INSERT INTO "Stake" (id, "chainId", "assetId", staker, "activeShares", "updatedBlock")
       SELECT '${c}:' || i || ':' || s, ${c}, i, ${addr("i % 300 + s * 5000")}, 1000000000000000000, i
       FROM bench_asset, generate_series(0, 1) s WHERE i % 4 = 0`,
    `INSERT INTO "Challenge" (id, "chainId", "challengeId", "assetId", challenger, bond, "evidenceHash", "slashBps",
                              "challengerShareBps", status, "openedAt", "updatedBlock")
       SELECT '${c}:' || (i / 1000 + 1), ${c}, i / 1000 + 1, i, ${addr("i + 9")}, 500000000000000000000, '0x' || ${hex64("i + 19")},
              2000, 5000, 'OPEN', timestamp '2025-11-01', i
       FROM bench_asset WHERE i % 1000 = 4`,
    // The catalogue projection, by the very function the indexer and saveModelCard call.
    `SELECT catalogue_refresh(${c}, array_agg("assetId")) FROM "Asset" WHERE "chainId" = ${c}`,
  ];
}

/** Fills the database and refreshes the planner's statistics. */
export async function fillBenchDatabase(
  db: PrismaClient,
  assets: number,
  log: (line: string) => void,
): Promise<void> {
  // One transaction: the temp tables live on its connection, and a failure leaves nothing half-filled.
  await db.$transaction(
    async (tx) => {
      for (const statement of benchDataSql(assets)) {
        const started = Date.now();
        const rows = await tx.$executeRawUnsafe(statement);
        const table = /INSERT INTO "(\w+)"|CREATE TEMP TABLE (\w+)|SELECT (catalogue_refresh)/.exec(
          statement,
        );
        log(
          `  ${table?.[1] ?? table?.[2] ?? table?.[3] ?? "?"}: ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe("VACUUM ANALYZE");
}
