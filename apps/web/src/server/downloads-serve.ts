import "server-only";
import type { IncomingMessage } from "node:http";
import { Writable } from "node:stream";
import type { PrismaClient } from "@tessera/db";
import type { Sha256Hex } from "@tessera/storage";
import { getAddress } from "viem";
import { ApiError } from "./api/errors";
import { header, nodeApiRoute, pathOf, sendProblem } from "./api/node-route";
import { sessionFromCookieHeader } from "./auth/sessions";
import { db } from "./db";
import { licenseOnChain, requireValidLicense } from "./downloads";
import { parseRange } from "./downloads-range";
import { loggingRefusals } from "./downloads-refusals";
import { linkId, verifyLink } from "./downloads-token";
import { blobStore } from "./storage";

// GET /api/downloads/<link>: the artifact's bytes behind a download link, only for the account the
// link was made for, while the link is fresh and unspent and the license still valid on chain; one
// byte range at a time so a broken download resumes. Every response that sends bytes is recorded,
// every refusal logged. Served on Node's own response (src/pages/api/downloads/[token].ts): the file
// is written to the socket in 1 MiB chunks from two reused buffers (the blob store's sendTo), each
// read only once the socket took the previous one: no garbage per chunk, and a slow client holds
// back the disk read.

type DownloadGrant = NonNullable<Awaited<ReturnType<PrismaClient["downloadGrant"]["findUnique"]>>>;

type Who = { account: string | null; licenseId: string | null };

type Granted = {
  grant: DownloadGrant;
  size: number;
  range: ReturnType<typeof parseRange>;
};

export const serveDownload = nodeApiRoute(async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    throw new ApiError("METHOD_NOT_ALLOWED", "Open a download link with GET.");
  }
  const client = db();
  // Filled in as the link is read, so a refusal is logged with whom and which license it concerns.
  const who: Who = { account: null, licenseId: null };
  const granted = await loggingRefusals(
    client,
    { account: () => who.account, licenseId: () => who.licenseId },
    async (): Promise<Granted> => {
      const grant = await checkLink(client, req, who);
      const size = Number(grant.size);
      const range = parseRange(header(req, "range"), size);
      if (range.kind === "unsatisfiable") return { grant, size, range };
      await requireStored(grant.sha256);
      return { grant, size, range };
    },
  );
  const { grant, size, range } = granted;
  if (range.kind === "unsatisfiable") {
    await client.downloadRefusal.create({
      data: { account: who.account, licenseId: who.licenseId, code: "RANGE_NOT_SATISFIABLE" },
    });
    sendProblem(res, new ApiError("RANGE_NOT_SATISFIABLE", range.reason), {
      "content-range": `bytes */${size}`,
    });
    return;
  }
  const start = range.kind === "part" ? range.start : 0;
  const end = range.kind === "part" ? range.end : size - 1;
  const expected = size === 0 ? 0 : end - start + 1;
  res.writeHead(range.kind === "part" ? 206 : 200, {
    "content-type": "application/octet-stream",
    "content-length": String(expected),
    "accept-ranges": "bytes",
    etag: `"${grant.sha256}"`,
    "cache-control": "private, no-store",
    "content-disposition": `attachment; filename="license-${grant.licenseId}-${grant.sha256.slice(2, 14)}.bin"`,
    "x-content-sha256": grant.sha256,
    ...(range.kind === "part" ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const store = await blobStore();
  const bounds = range.kind === "part" && size > 0 ? { start, end } : undefined;
  // The download is recorded, and the link spent, just before the last bytes go out: a client holds
  // the whole file the moment they arrive (Content-Length says so), and a replay must find it spent.
  let recorded = false;
  const record = (bytes: number, complete: boolean) => {
    recorded = true;
    return recordDownload(client, grant, { start, end, size, bytes, complete });
  };
  let passed = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      passed += chunk.byteLength;
      // The callback waits until the socket took the chunk: the store reuses its buffer after it.
      const forward = () => void res.write(chunk, (error) => done(error ?? null));
      if (passed === expected) void record(passed, true).then(forward);
      else forward();
    },
  });
  res.once("close", () => sink.destroy());
  const bytes = await store.sendTo(grant.sha256 as Sha256Hex, bounds, sink);
  if (!recorded) await record(bytes, bytes === expected);
  res.end();
});

/** The grant behind a valid, fresh, unspent link for the signed-in account holding a valid license. */
async function checkLink(client: PrismaClient, req: IncomingMessage, who: Who): Promise<DownloadGrant> {
  const forged = () =>
    new ApiError(
      "FORBIDDEN",
      "This download link is not one Tessera made. Open My licenses and press Download for a new one.",
      { code: "LINK_FORGED" },
    );
  const token = tokenOf(req);
  const id = linkId(token);
  if (!id) throw forged();
  const session = await sessionFromCookieHeader(client, header(req, "cookie") ?? undefined);
  if (!session) {
    throw new ApiError("UNAUTHENTICATED", "Sign in with the wallet this link was made for, then try again.");
  }
  const account = session.address.toLowerCase();
  who.account = account;
  const grant = await client.downloadGrant.findUnique({ where: { id } });
  if (!grant) throw forged();
  who.licenseId = grant.licenseId.toString();
  const link = verifyLink(token, { licenseId: who.licenseId, sha256: grant.sha256, account: grant.account });
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
  return grant;
}

/** Refuses, before any header goes out, an artifact the blob store no longer has. */
async function requireStored(sha256: string): Promise<void> {
  const store = await blobStore();
  if (await store.stat(sha256 as Sha256Hex)) return;
  throw new ApiError(
    "NOT_FOUND",
    "This file is no longer stored on Tessera. Ask the builder to upload it again.",
    {
      code: "ARTIFACT_MISSING",
    },
  );
}

async function recordDownload(
  client: PrismaClient,
  grant: DownloadGrant,
  sent: { start: number; end: number; size: number; bytes: number; complete: boolean },
): Promise<void> {
  try {
    await client.download.create({
      data: {
        chainId: grant.chainId,
        licenseId: grant.licenseId,
        account: grant.account,
        sha256: grant.sha256,
        grantId: grant.id,
        rangeStart: BigInt(sent.start),
        bytes: BigInt(sent.bytes),
        complete: sent.complete,
      },
    });
    // The last byte delivered: the link is spent (a resumed download ends here too).
    if (sent.complete && sent.end === sent.size - 1) {
      await client.downloadGrant.update({ where: { id: grant.id }, data: { completedAt: new Date() } });
    }
  } catch (error) {
    console.error("[downloads] could not record a download", error);
  }
}

function tokenOf(req: IncomingMessage): string {
  const last = pathOf(req).split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
