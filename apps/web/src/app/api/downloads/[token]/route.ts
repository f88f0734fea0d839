import { isBlobStoreError } from "@tessera/storage";
import { connection } from "next/server";
import { getAddress } from "viem";
import { PROBLEM_CONTENT_TYPE } from "@/lib/api/problem";
import { ApiError } from "@/server/api/errors";
import { apiRoute } from "@/server/api/route";
import { currentSession } from "@/server/auth/sessions";
import { db } from "@/server/db";
import { licenseOnChain, requireValidLicense } from "@/server/downloads";
import { parseRange } from "@/server/downloads-range";
import { loggingRefusals } from "@/server/downloads-refusals";
import { linkId, verifyLink } from "@/server/downloads-token";
import { blobStore } from "@/server/storage";

/**
 * The artifact's bytes behind a download link: only for the account the link was made for, while
 * the link is fresh and unspent and the license still valid on chain; one byte range at a time so a
 * broken download resumes. Every response that sends bytes is recorded.
 */
export const GET = apiRoute({}, async ({ request }) => {
  await connection();
  const client = db();
  const token = decodeURIComponent(new URL(request.url).pathname.split("/").pop() ?? "");
  let account: string | null = null;
  let licenseId: string | null = null;
  return loggingRefusals(client, { account: () => account, licenseId: () => licenseId }, async () => {
    const forged = () =>
      new ApiError(
        "FORBIDDEN",
        "This download link is not one Tessera made. Open My licenses and press Download for a new one.",
        { code: "LINK_FORGED" },
      );
    const id = linkId(token);
    if (!id) throw forged();
    const session = await currentSession(client);
    if (!session) {
      throw new ApiError(
        "UNAUTHENTICATED",
        "Sign in with the wallet this link was made for, then try again.",
      );
    }
    account = session.address.toLowerCase();
    const grant = await client.downloadGrant.findUnique({ where: { id } });
    if (!grant) throw forged();
    licenseId = grant.licenseId.toString();
    const link = verifyLink(token, { licenseId, sha256: grant.sha256, account: grant.account });
    if (!link) throw forged();
    if (grant.account !== account) {
      throw new ApiError(
        "FORBIDDEN",
        "This download link was made for another account. Sign in with your own wallet and press Download on My licenses.",
        { code: "WRONG_ACCOUNT" },
      );
    }
    if (link.expiresAt <= Date.now()) {
      throw new ApiError("GONE", "This download link has expired. Press Download again for a new one.", {
        code: "LINK_EXPIRED",
      });
    }
    if (grant.completedAt) {
      throw new ApiError(
        "GONE",
        "This download link was already used for the whole file and cannot be used again. Press Download for a new one.",
        { code: "LINK_SPENT" },
      );
    }
    // The license is checked again now: a seat taken back or an expiry since the link was made counts.
    const license = await licenseOnChain(grant.licenseId);
    await requireValidLicense(client, grant.chainId, license, getAddress(account));

    const size = Number(grant.size);
    const range = parseRange(request.headers.get("range"), size);
    if (range.kind === "unsatisfiable") {
      await client.downloadRefusal.create({ data: { account, licenseId, code: "RANGE_NOT_SATISFIABLE" } });
      return new Response(
        JSON.stringify({
          type: "about:blank",
          title: "Range not satisfiable",
          status: 416,
          detail: range.reason,
          code: "RANGE_NOT_SATISFIABLE",
        }),
        {
          status: 416,
          headers: {
            "content-type": PROBLEM_CONTENT_TYPE,
            "content-range": `bytes */${size}`,
            "cache-control": "no-store",
          },
        },
      );
    }
    const start = range.kind === "part" ? range.start : 0;
    const end = range.kind === "part" ? range.end : size - 1;
    const store = await blobStore();
    let source: ReadableStream<Uint8Array>;
    try {
      source = await store.read(grant.sha256 as `0x${string}`, size === 0 ? undefined : { start, end });
    } catch (cause) {
      if (isBlobStoreError(cause, "NOT_FOUND")) {
        throw new ApiError(
          "NOT_FOUND",
          "This file is no longer stored on Tessera. Ask the builder to upload it again.",
          {
            code: "ARTIFACT_MISSING",
            cause,
          },
        );
      }
      throw cause;
    }
    const expected = size === 0 ? 0 : end - start + 1;
    const body = recorded(source, expected, async (bytes, complete) => {
      await client.download.create({
        data: {
          chainId: grant.chainId,
          licenseId: grant.licenseId,
          account: grant.account,
          sha256: grant.sha256,
          grantId: grant.id,
          rangeStart: BigInt(start),
          bytes: BigInt(bytes),
          complete,
        },
      });
      // The last byte delivered: the link is spent (a resumed download ends here too).
      if (complete && end === size - 1) {
        await client.downloadGrant.update({ where: { id: grant.id }, data: { completedAt: new Date() } });
      }
    });
    const headers: Record<string, string> = {
      "content-type": "application/octet-stream",
      "content-length": String(expected),
      "accept-ranges": "bytes",
      etag: `"${grant.sha256}"`,
      "cache-control": "private, no-store",
      "content-disposition": `attachment; filename="license-${licenseId}-${grant.sha256.slice(2, 14)}.bin"`,
      "x-content-sha256": grant.sha256,
    };
    if (range.kind === "part") headers["content-range"] = `bytes ${start}-${end}/${size}`;
    return new Response(body, { status: range.kind === "part" ? 206 : 200, headers });
  });
});

/** Bytes handed to the HTTP response at a time: fewer, larger writes than the file's 64 KiB reads. */
const BATCH_BYTES = 256 * 1024;

/**
 * Passes the bytes through in batches, counting them; reports once, when the stream ends or the
 * client leaves. Pull-based, so a slow client holds back the file read (memory stays bounded).
 */
function recorded(
  source: ReadableStream<Uint8Array>,
  expected: number,
  report: (bytes: number, complete: boolean) => Promise<void>,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let bytes = 0;
  let reported = false;
  const once = (complete: boolean) => {
    if (reported) return Promise.resolve();
    reported = true;
    return report(bytes, complete).catch((error: unknown) =>
      console.error("[downloads] could not record a download", error),
    );
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const batch: Uint8Array[] = [];
      let size = 0;
      while (size < BATCH_BYTES) {
        const { done, value } = await reader.read();
        if (done) {
          if (size > 0)
            controller.enqueue(batch.length === 1 ? (batch[0] as Uint8Array) : Buffer.concat(batch, size));
          bytes += size;
          await once(bytes === expected);
          controller.close();
          return;
        }
        batch.push(value);
        size += value.byteLength;
      }
      bytes += size;
      controller.enqueue(Buffer.concat(batch, size));
    },
    async cancel(reason) {
      await reader.cancel(reason);
      await once(false);
    },
  });
}
