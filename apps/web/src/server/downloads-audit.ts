import "server-only";
import type { DownloadAuditSource } from "./audit";

/** Downloads for the audit trail: each response that sent bytes, as recorded when it ended. */
export const downloadsForAudit: DownloadAuditSource = async (db, chainId, licenseIds) => {
  const rows = await db.download.findMany({
    where: { chainId, licenseId: { in: licenseIds } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({
    time: r.createdAt,
    licenseId: r.licenseId,
    account: r.account,
    bytes: r.bytes,
    contentHash: r.sha256,
  }));
};
