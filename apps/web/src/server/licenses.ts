import "server-only";
import type { AssetKind, PrismaClient } from "@tessera/db";
import { untitledName } from "@/lib/asset-view";
import type { CurrencySymbol } from "@/lib/catalogue-query";
import { currencySymbol } from "@/lib/money";
import { assetNames } from "./asset-names";

/** Renewal opens this long before expiry. */
export const RENEW_WINDOW_S = 30 * 86_400;

export type LicenseStatus = "active" | "expiring" | "expired" | "perpetual";

export type LicenseView = {
  licenseId: string;
  assetId: string;
  assetName: string;
  assetKind: AssetKind;
  /** How the account holds it: it owns the token, or the owner gave it a seat. */
  role: "holder" | "delegate";
  holder: string;
  seats: number;
  /** Staff accounts with a seat now (the current delegation epoch only). */
  delegates: string[];
  expiresAt: Date | null;
  status: LicenseStatus;
  /** Seconds until expiry at `now` (negative once expired); null for a perpetual license. */
  secondsLeft: number | null;
  renewable: boolean;
  purchasedAt: Date;
  txHash: string;
  offer: {
    id: string;
    currency: CurrencySymbol;
    currencyAddress: string;
    price: string;
    period: string;
    pinnedVersion: number;
    /** The version that pin resolves to now: the pinned one, or the latest for "always latest". */
    version: number;
    contentHash: string | null;
    rights: number;
    transferable: boolean;
    termsHash: string;
  };
};

export function licenseStatus(expiresAt: Date | null, now: Date): LicenseStatus {
  if (!expiresAt) return "perpetual";
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return "expired";
  return left <= RENEW_WINDOW_S * 1000 ? "expiring" : "active";
}

/**
 * The licenses `account` holds or has a seat on, newest first. `now` is the chain's clock (expiry
 * is the contract's decision, and a test chain's clock can run ahead of the wall clock).
 */
export async function licensesFor(
  db: PrismaClient,
  chainId: number,
  account: string,
  now: Date,
): Promise<LicenseView[]> {
  const who = account.toLowerCase();
  const seats = await db.seatDelegation.findMany({ where: { chainId, account: who, active: true } });
  const licenses = await db.license.findMany({
    where: {
      chainId,
      OR: [{ holder: who }, { licenseId: { in: seats.map((s) => s.licenseId) } }],
    },
    orderBy: { licenseId: "desc" },
  });
  // A seat counts only in the license's current epoch (a transfer voids older delegations).
  const mine = licenses.filter(
    (l) => l.holder === who || seats.some((s) => s.licenseId === l.licenseId && s.epoch === l.epoch),
  );
  if (mine.length === 0) return [];
  const ids = mine.map((l) => l.licenseId);
  const assetIds = [...new Set(mine.map((l) => l.assetId))];
  const [offers, delegations, names, versions] = await Promise.all([
    db.offer.findMany({ where: { chainId, offerId: { in: [...new Set(mine.map((l) => l.offerId))] } } }),
    db.seatDelegation.findMany({ where: { chainId, licenseId: { in: ids }, active: true } }),
    assetNames(db, chainId, assetIds),
    db.assetVersion.findMany({ where: { chainId, assetId: { in: assetIds } }, orderBy: { version: "asc" } }),
  ]);
  return mine.flatMap((l) => {
    const offer = offers.find((o) => o.offerId === l.offerId);
    if (!offer) return [];
    const assetVersions = versions.filter((v) => v.assetId === l.assetId);
    const pinned = Number(offer.pinnedVersion);
    const version = pinned === 0 ? assetVersions.at(-1) : assetVersions.find((v) => v.version === pinned);
    const status = licenseStatus(l.expiresAt, now);
    const asset = names.get(l.assetId.toString());
    return [
      {
        licenseId: l.licenseId.toString(),
        assetId: l.assetId.toString(),
        assetName: asset?.name ?? untitledName("MODEL", l.assetId.toString()),
        assetKind: asset?.kind ?? "MODEL",
        role: l.holder === who ? "holder" : "delegate",
        holder: l.holder,
        seats: Number(l.seats),
        delegates: delegations
          .filter((d) => d.licenseId === l.licenseId && d.epoch === l.epoch)
          .map((d) => d.account),
        expiresAt: l.expiresAt,
        status,
        secondsLeft: l.expiresAt ? Math.floor((l.expiresAt.getTime() - now.getTime()) / 1000) : null,
        renewable: status === "expiring" || status === "expired",
        purchasedAt: l.purchasedAt,
        txHash: l.txHash,
        offer: {
          id: offer.offerId.toString(),
          currency: currencySymbol(offer.currency),
          currencyAddress: offer.currency,
          price: offer.price.toFixed(),
          period: offer.period.toString(),
          pinnedVersion: pinned,
          version: version?.version ?? pinned,
          contentHash: version?.contentHash ?? null,
          rights: offer.rights,
          transferable: offer.transferable,
          termsHash: offer.termsHash,
        },
      } satisfies LicenseView,
    ];
  });
}
