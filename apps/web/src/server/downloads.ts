import "server-only";
import { licenseManagerAbi } from "@tessera/abi";
import type { PrismaClient } from "@tessera/db";
import { type Address, getAddress } from "viem";
import { assetHref } from "@/lib/asset-href";
import { formatDate } from "@/lib/format";
import { ApiError } from "./api/errors";
import { chainClient } from "./chain";
import { contracts } from "./deployment";

// Who may download what, decided on chain at request time: `isValid(licenseId, account)` is the
// contract's answer, so a license bought seconds ago works before Tessera has indexed it, and a seat
// taken back a second ago stops working at once. Every refusal is an ApiError with a sentence that
// says what to do, and a code the page reacts to.

export type LicenseOnChain = {
  licenseId: bigint;
  offerId: bigint;
  assetId: bigint;
  pinnedVersion: number;
  expiresAt: number;
};

/** The license as the contract has it now, or a NOT_FOUND refusal for a license that never existed. */
export async function licenseOnChain(licenseId: bigint): Promise<LicenseOnChain> {
  const { LicenseManager } = await contracts();
  const lm = { address: LicenseManager, abi: licenseManagerAbi } as const;
  const client = chainClient();
  const license = await client
    .readContract({ ...lm, functionName: "licenseOf", args: [licenseId] })
    .catch(() => null);
  if (!license || license.offerId === 0) {
    throw new ApiError("NOT_FOUND", `There is no license #${licenseId}. Check the number on My licenses.`, {
      code: "LICENSE_NOT_FOUND",
    });
  }
  const offer = await client.readContract({
    ...lm,
    functionName: "offerOf",
    args: [BigInt(license.offerId)],
  });
  return {
    licenseId,
    offerId: BigInt(license.offerId),
    assetId: BigInt(offer.assetId),
    pinnedVersion: Number(offer.pinnedVersion),
    expiresAt: Number(license.expiresAt),
  };
}

/** Refuses unless `account` holds, or has a seat on, the license right now (the chain's answer). */
export async function requireValidLicense(
  db: PrismaClient,
  chainId: number,
  license: LicenseOnChain,
  account: Address,
): Promise<void> {
  const { LicenseManager } = await contracts();
  const client = chainClient();
  const valid = await client.readContract({
    address: LicenseManager,
    abi: licenseManagerAbi,
    functionName: "isValid",
    args: [license.licenseId, account],
  });
  if (valid) return;
  const [owner, head, seat] = await Promise.all([
    client
      .readContract({
        address: LicenseManager,
        abi: licenseManagerAbi,
        functionName: "ownerOf",
        args: [license.licenseId],
      })
      .catch(() => null),
    client.getBlock(),
    db.seatDelegation.findFirst({
      where: { chainId, licenseId: license.licenseId, account: account.toLowerCase() },
    }),
  ]);
  const expired = license.expiresAt !== 0 && license.expiresAt <= Number(head.timestamp);
  const isOwner = owner !== null && getAddress(owner) === getAddress(account);
  if (expired && (isOwner || seat)) {
    throw new ApiError(
      "FORBIDDEN",
      `License #${license.licenseId} expired on ${formatDate(new Date(license.expiresAt * 1000))}. ${
        isOwner ? "Renew it on My licenses (/licenses)" : "Ask its holder to renew it"
      } to download again.`,
      { code: "LICENSE_EXPIRED" },
    );
  }
  if (seat) {
    throw new ApiError(
      "FORBIDDEN",
      `The holder of license #${license.licenseId} has taken back your seat. Ask them for a seat again, or buy a license: ${assetHref(chainId, license.assetId)}#offers`,
      { code: "SEAT_REVOKED" },
    );
  }
  throw new ApiError(
    "FORBIDDEN",
    `This account (${account}) does not hold license #${license.licenseId} and has no seat on it. Buy a license from the offers at ${assetHref(chainId, license.assetId)}#offers, or sign in with the account that holds it.`,
    { code: "NO_LICENSE" },
  );
}

/** The artifact a license covers: its pinned version, or the asset's latest for "always the latest". */
export async function coveredArtifact(
  db: PrismaClient,
  chainId: number,
  license: LicenseOnChain,
): Promise<{ version: number; sha256: string }> {
  const versions = await db.assetVersion.findMany({
    where: { chainId, assetId: license.assetId },
    orderBy: { version: "asc" },
  });
  const version =
    license.pinnedVersion === 0 ? versions.at(-1) : versions.find((v) => v.version === license.pinnedVersion);
  if (!version) {
    throw new ApiError(
      "NOT_FOUND",
      "Tessera has not recorded the version this license covers yet. Try again in a minute.",
      { code: "VERSION_NOT_INDEXED" },
    );
  }
  return { version: version.version, sha256: version.contentHash.toLowerCase() };
}
