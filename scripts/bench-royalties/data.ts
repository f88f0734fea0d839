// The royalties benchmark's data: one holder with shares in `assets` assets, each with revenue in ETH
// and the stablecoin (two own sales and one upstream credit per currency), part of it claimed, in a
// marketplace of `background` more assets held by others; and a session for the holder. Written by
// bulk SQL into the same tables the indexer fills (the page reads nothing else). Deterministic.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@tessera/db";

export const BENCH_CHAIN_ID = 31337;
export const STABLECOIN = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
export const HOLDER = "0x00000000000000000000000000000000000b0b01";
/** The holder's session cookie value (the table keeps only its sha256, as @tessera/auth does). */
export const SESSION_TOKEN = "bench-royalties-session-token";

const ETH = "0x0000000000000000000000000000000000000000";

export function royaltiesDataSql(assets: number, background: number): string[] {
  const c = BENCH_CHAIN_ID;
  const total = assets + background;
  const hex64 = (seed: string) => `('0x' || md5((${seed})::text) || md5((${seed})::text || 'x'))`;
  const addr = (seed: string) => `('0x' || substr(md5((${seed})::text), 1, 40))`;
  const tokenHash = createHash("sha256").update(SESSION_TOKEN).digest("hex");
  return [
    `CREATE TEMP TABLE b_asset AS
       SELECT i, CASE WHEN i % 10 < 3 THEN 'DATASET' ELSE 'MODEL' END AS kind, md5(i::text) || md5(i::text || 'c') AS sha
       FROM generate_series(1, ${total}) i`,
    `INSERT INTO "ModelCard" (sha256, name, summary, body)
       SELECT sha, 'Bench asset ' || i, 'A benchmark asset.', '## Intended use' FROM b_asset`,
    `INSERT INTO "Asset" (id, "chainId", "assetId", kind, owner, "metadataUri", "contentHash", "versionCount", "parentCount",
                          "blockNumber", "txHash", "logIndex", "registeredAt", "updatedBlock")
       SELECT '${c}:' || i, ${c}, i, kind::"AssetKind", ${addr("i % 500")}, 'tessera://card/' || sha, ${hex64("i + 7")}, 1, 0,
              i, ${hex64("i + 11")}, 0, timestamp '2025-01-01' + i * interval '1 minute', i
       FROM b_asset`,
    // The holder has 40% of the first `assets` assets; two others share the rest of every asset.
    `INSERT INTO "ShareHolding" (id, "chainId", "assetId", holder, balance, "updatedBlock")
       SELECT '${c}:' || i || ':' || h, ${c}, i,
              CASE WHEN h = 0 AND i <= ${assets} THEN '${HOLDER}' ELSE ${addr("i % 700 + h * 1000")} END,
              CASE WHEN h = 0 THEN 400000 ELSE 300000 END, i
       FROM b_asset, generate_series(0, 2) h`,
    // Per asset and currency: two sales of the asset and one sale of a derived model (upstream credit).
    `CREATE TEMP TABLE b_credit AS
       SELECT i, cur, s, ${hex64("i * 10 + s * 3 + (cur = 'eth')::int")} AS tx,
              CASE WHEN cur = 'eth' THEN '${ETH}' ELSE '${STABLECOIN}' END AS currency,
              CASE WHEN cur = 'eth' THEN (1 + i % 50) * 10000000000000000::numeric ELSE (10 + i % 400) * 1000000::numeric END AS amount,
              timestamp '2025-06-01' + ((i * 37 + s * 11) % 180) * interval '1 day' AS at
       FROM b_asset, unnest(ARRAY['eth', 'usd']) cur, generate_series(1, 3) s`,
    `INSERT INTO "Sale" (id, "chainId", "licenseId", "assetId", kind, payer, currency, total, "protocolFee", upstream, curators,
                         "toShareholders", "blockNumber", "txHash", "soldAt")
       SELECT '${c}:' || row_number() OVER () || ':p', ${c}, row_number() OVER (),
              CASE WHEN s = 3 THEN i % ${total} + 1 ELSE i END, 'PURCHASE', ${addr("i + 3")}, currency, amount, 0, 0, 0, amount,
              i, tx, at
       FROM b_credit`,
    `INSERT INTO "RevenueCredit" (id, "chainId", "assetId", currency, amount, "totalCredited", "blockNumber", "txHash", "creditedAt")
       SELECT '${c}:' || i || ':' || cur || ':' || s, ${c}, i, currency, amount, amount * s, i, tx, at FROM b_credit`,
    `INSERT INTO "AssetRevenue" (id, "chainId", "assetId", currency, credited, claimed, "updatedBlock")
       SELECT '${c}:' || i || ':' || currency, ${c}, i, currency, SUM(amount), 0, i FROM b_credit GROUP BY i, currency`,
    // Half the holder's positions were settled once (a claim after the first credit).
    `INSERT INTO "SharePosition" (id, "chainId", "assetId", holder, currency, settled, accrued, claimed, "updatedBlock")
       SELECT '${c}:' || i || ':${HOLDER}:' || currency, ${c}, i, '${HOLDER}', currency, amount, 0, amount * 4 / 10, i
       FROM b_credit WHERE s = 1 AND i <= ${assets} AND i % 2 = 0`,
    `INSERT INTO "RoyaltyClaim" (id, "chainId", holder, recipient, "assetId", currency, amount, "blockNumber", "txHash", "claimedAt")
       SELECT '${c}:claim:' || i || ':' || cur, ${c}, '${HOLDER}', '${HOLDER}', i, currency, amount * 4 / 10, i, ${hex64("i + 99")},
              at + interval '1 day'
       FROM b_credit WHERE s = 1 AND i <= ${assets} AND i % 2 = 0`,
    `INSERT INTO "Currency" (id, "chainId", address, allowed, "updatedBlock") VALUES ('${c}:${STABLECOIN}', ${c}, '${STABLECOIN}', true, 1)`,
    `INSERT INTO "AuthSession" ("tokenHash", address, "chainId", "expiresAt")
       VALUES ('${tokenHash}', '${HOLDER}', ${c}, now() + interval '1 day')`,
  ];
}

export async function fillRoyaltiesDatabase(
  db: PrismaClient,
  assets: number,
  background: number,
  log: (line: string) => void,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      for (const statement of royaltiesDataSql(assets, background)) {
        const started = Date.now();
        const rows = await tx.$executeRawUnsafe(statement);
        const table = /INSERT INTO "(\w+)"|CREATE TEMP TABLE (\w+)/.exec(statement);
        log(
          `  ${table?.[1] ?? table?.[2] ?? "?"}: ${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  await db.$executeRawUnsafe("VACUUM ANALYZE");
}
