import { connection } from "next/server";
import { getAddress } from "viem";
import { downloadFileName, downloadRequestSchema } from "@/lib/api/downloads";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { coveredArtifact, licenseOnChain, requireValidLicense } from "@/server/downloads";
import { loggingRefusals } from "@/server/downloads-refusals";
import { newLinkId, signLink } from "@/server/downloads-token";
import { serverEnv } from "@/server/env";
import { blobStore } from "@/server/storage";

/** How long a download link works: enough to start (and resume) a download, short enough to be harmless. */
const LINK_LIFETIME_MS = 10 * 60 * 1000;

/**
 * A download link for the artifact a license covers, for the signed-in holder or a delegate. No
 * wallet signature: the session is the proof of account, the chain the proof of license.
 */
export const POST = apiRoute({ body: downloadRequestSchema, maxBodyBytes: 1024 }, async ({ body }) => {
  await connection();
  const client = db();
  let account: string | null = null;
  return loggingRefusals(client, { account: () => account, licenseId: () => body.licenseId }, async () => {
    const session = await currentSession(client);
    if (!session) {
      throw new ApiError(
        "UNAUTHENTICATED",
        "Sign in with your wallet to download: connect it at the top of the page, then sign in.",
      );
    }
    account = session.address.toLowerCase();
    const chainId = serverEnv().TESSERA_CHAIN_ID;
    const license = await licenseOnChain(BigInt(body.licenseId));
    await requireValidLicense(client, chainId, license, getAddress(session.address));
    const covered = await coveredArtifact(client, chainId, license);
    if (covered.sha256 !== body.sha256) {
      throw new ApiError(
        "FORBIDDEN",
        `License #${license.licenseId} covers version ${covered.version}, whose sha256 is ${covered.sha256}, not the file ${body.sha256}.`,
        { code: "NOT_COVERED" },
      );
    }
    const stat = await (await blobStore()).stat(covered.sha256 as `0x${string}`);
    if (!stat) {
      throw new ApiError(
        "NOT_FOUND",
        "The builder has not uploaded this version's file to Tessera yet. Ask them to, then try again.",
        { code: "ARTIFACT_MISSING" },
      );
    }
    const id = newLinkId();
    const expiresAt = Date.now() + LINK_LIFETIME_MS;
    await client.downloadGrant.create({
      data: {
        id,
        chainId,
        licenseId: license.licenseId,
        account,
        sha256: covered.sha256,
        size: BigInt(stat.size),
        expiresAt: new Date(expiresAt),
      },
    });
    const token = signLink({ id, expiresAt, licenseId: body.licenseId, sha256: covered.sha256, account });
    return Response.json(
      {
        url: `/api/downloads/${token}`,
        expiresAt: new Date(expiresAt).toISOString(),
        sha256: covered.sha256,
        size: stat.size,
        fileName: downloadFileName(license.licenseId.toString(), covered.version, covered.sha256),
      },
      { headers: { "cache-control": "no-store" } },
    );
  });
});
