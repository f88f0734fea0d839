import "server-only";
import type { PrismaClient } from "@tessera/db";
import { z } from "zod";
import { currencySymbol } from "@/lib/money";

// The audit trail a clinic hands an auditor: every purchase, renewal, seat change and download of
// its licenses, each with the transaction hash, the block time, the content hash of the version the
// license covers and the hash of its terms.

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-27.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Use a real calendar date.");

export const auditQuerySchema = z
  .object({
    format: z.enum(["csv", "json"]).default("csv"),
    from: z.preprocess((v) => (v === "" ? undefined : v), day.optional()),
    to: z.preprocess((v) => (v === "" ? undefined : v), day.optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The start date is after the end date. Swap them, or leave one empty.",
    path: ["from"],
  });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export type AuditKind = "purchase" | "renewal" | "seat-given" | "seat-taken-back" | "download";

export type AuditRow = {
  time: string;
  kind: AuditKind;
  licenseId: string;
  assetId: string;
  /** The payer, the staff account given or losing a seat, or who downloaded. */
  account: string;
  amount: string;
  currency: string;
  bytes: string;
  txHash: string;
  blockNumber: string;
  contentHash: string;
  termsHash: string;
};

export const AUDIT_COLUMNS: Array<keyof AuditRow> = [
  "time",
  "kind",
  "licenseId",
  "assetId",
  "account",
  "amount",
  "currency",
  "bytes",
  "txHash",
  "blockNumber",
  "contentHash",
  "termsHash",
];

/** Downloads come from the gated-download module when it is present; it registers its reader here. */
export type DownloadAuditSource = (
  db: PrismaClient,
  chainId: number,
  licenseIds: bigint[],
) => Promise<Array<{ time: Date; licenseId: bigint; account: string; bytes: bigint; contentHash: string }>>;

/**
 * The trail for `account`: licenses it holds or paid for, and seats it was given. `blockTime` turns a
 * block number into its time (the indexer keeps block times only for recent blocks).
 */
export async function auditTrail(
  db: PrismaClient,
  {
    chainId,
    account,
    query,
    blockTime,
    downloads,
  }: {
    chainId: number;
    account: string;
    query: AuditQuery;
    blockTime: (block: bigint) => Promise<Date>;
    downloads?: DownloadAuditSource;
  },
): Promise<AuditRow[]> {
  const who = account.toLowerCase();
  const [held, paid, seats] = await Promise.all([
    db.license.findMany({ where: { chainId, holder: who }, select: { licenseId: true } }),
    db.sale.findMany({ where: { chainId, payer: who }, select: { licenseId: true } }),
    db.seatDelegation.findMany({ where: { chainId, account: who }, select: { licenseId: true } }),
  ]);
  const ids = [...new Set([...held, ...paid, ...seats].map((r) => r.licenseId))];
  if (ids.length === 0) return [];
  const licenses = await db.license.findMany({ where: { chainId, licenseId: { in: ids } } });
  const offers = await db.offer.findMany({
    where: { chainId, offerId: { in: [...new Set(licenses.map((l) => l.offerId))] } },
  });
  const versions = await db.assetVersion.findMany({
    where: { chainId, assetId: { in: [...new Set(licenses.map((l) => l.assetId))] } },
    orderBy: { version: "asc" },
  });
  const context = (licenseId: bigint) => {
    const license = licenses.find((l) => l.licenseId === licenseId);
    const offer = offers.find((o) => o.offerId === license?.offerId);
    const own = versions.filter((v) => v.assetId === license?.assetId);
    const pinned = Number(offer?.pinnedVersion ?? 0);
    const version = pinned === 0 ? own.at(-1) : own.find((v) => v.version === pinned);
    return {
      assetId: license?.assetId.toString() ?? "",
      contentHash: version?.contentHash ?? "",
      termsHash: offer?.termsHash ?? "",
    };
  };
  const idStrings = new Set(ids.map(String));
  const [sales, seatEvents, downloaded] = await Promise.all([
    db.sale.findMany({ where: { chainId, licenseId: { in: ids } } }),
    db.chainEvent.findMany({ where: { chainId, eventName: { in: ["SeatDelegated", "SeatRevoked"] } } }),
    downloads ? downloads(db, chainId, ids) : Promise.resolve([]),
  ]);
  const rows: AuditRow[] = [];
  for (const sale of sales) {
    rows.push({
      time: sale.soldAt.toISOString(),
      kind: sale.kind === "PURCHASE" ? "purchase" : "renewal",
      licenseId: sale.licenseId.toString(),
      account: sale.payer,
      amount: sale.total.toFixed(),
      currency: currencySymbol(sale.currency),
      bytes: "",
      txHash: sale.txHash,
      blockNumber: sale.blockNumber.toString(),
      ...context(sale.licenseId),
    });
  }
  for (const event of seatEvents) {
    const args = event.args as { licenseId?: unknown; account?: unknown };
    const licenseId = String(args.licenseId ?? "");
    if (!idStrings.has(licenseId)) continue;
    const staff = String(args.account ?? "").toLowerCase();
    // A staff account sees its own seat's history, not the other seats of the clinic's license.
    const holds = held.some((h) => h.licenseId.toString() === licenseId);
    if (!holds && staff !== who) continue;
    rows.push({
      time: (await blockTime(event.blockNumber)).toISOString(),
      kind: event.eventName === "SeatDelegated" ? "seat-given" : "seat-taken-back",
      licenseId,
      account: staff,
      amount: "",
      currency: "",
      bytes: "",
      txHash: event.txHash,
      blockNumber: event.blockNumber.toString(),
      ...context(BigInt(licenseId)),
    });
  }
  for (const d of downloaded) {
    const holds = held.some((h) => h.licenseId === d.licenseId);
    if (!holds && d.account.toLowerCase() !== who) continue;
    rows.push({
      time: d.time.toISOString(),
      kind: "download",
      licenseId: d.licenseId.toString(),
      account: d.account,
      amount: "",
      currency: "",
      bytes: d.bytes.toString(),
      txHash: "",
      blockNumber: "",
      ...context(d.licenseId),
      contentHash: d.contentHash,
    });
  }
  const from = query.from ? `${query.from}T00:00:00.000Z` : "";
  // `to` is inclusive: everything before the next day starts.
  const to = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000).toISOString() : "";
  return rows
    .filter((r) => (!from || r.time >= from) && (!to || r.time < to))
    .sort((a, b) => a.time.localeCompare(b.time) || a.kind.localeCompare(b.kind));
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function toCsv(rows: AuditRow[]): string {
  const cell = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = [AUDIT_COLUMNS.join(","), ...rows.map((r) => AUDIT_COLUMNS.map((c) => cell(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
