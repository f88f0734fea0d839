import { createHash, randomBytes } from "node:crypto";
import { Readable, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { BlobStore } from "./blob-store.ts";
import { BlobStoreError, type BlobStoreErrorCode } from "./errors.ts";
import type { Sha256Hex } from "./sha256.ts";

// The behaviour every BlobStore must have, written once and run against each implementation
// (blob-store.contract.test.ts): the disk store always, S3 when a bucket is configured.

export const sha256Of = (bytes: Uint8Array): Sha256Hex =>
  `0x${createHash("sha256").update(bytes).digest("hex")}`;

/** A Node stream of `bytes` cut into `chunkSize` pieces, like a socket or a file delivers it. */
export function nodeStreamOf(bytes: Uint8Array, chunkSize = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.byteLength; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    })(),
  );
}

/** A WHATWG stream of `bytes`, like a fetch body. */
export function webStreamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new Response(bytes).body as ReadableStream<Uint8Array>;
}

export async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<BlobStoreErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BlobStoreError) return error.code;
    throw error;
  }
  throw new Error("expected a BlobStoreError, but the call succeeded");
}

export const BAD_HASHES = [
  "",
  "0x",
  `0x${"A".repeat(64)}`, // upper case: one spelling only
  "a".repeat(64), // no 0x
  `0x${"a".repeat(63)}`,
  `0x${"a".repeat(65)}`,
  `0x${"g".repeat(64)}`,
  "../../../etc/passwd",
  `0x${"a".repeat(60)}/../`,
  `0x${"a".repeat(62)}%2F`,
  `0x${"a".repeat(63)}\0`,
] as Sha256Hex[];

export function blobStoreContract(name: string, open: () => Promise<BlobStore>): void {
  describe(`BlobStore contract: ${name}`, () => {
    it("stores streamed bytes under their sha256 and gives the same bytes back", async () => {
      const store = await open();
      const bytes = randomBytes(300_000);
      const put = await store.put(nodeStreamOf(bytes));
      expect(put).toEqual({ sha256: sha256Of(bytes), size: bytes.byteLength, created: true });
      expect(await store.stat(put.sha256)).toEqual({ size: bytes.byteLength });
      expect((await bytesOf(await store.read(put.sha256))).equals(bytes)).toBe(true);
    });

    it("takes a WHATWG stream as well as a Node stream", async () => {
      const store = await open();
      const bytes = randomBytes(70_000);
      const put = await store.put(webStreamOf(bytes));
      expect(put.sha256).toBe(sha256Of(bytes));
      expect((await bytesOf(await store.read(put.sha256))).equals(bytes)).toBe(true);
    });

    it("hashes a multi-part blob (20 MiB in 64 KiB chunks) exactly", async () => {
      const store = await open();
      const bytes = randomBytes(20 * 1024 * 1024);
      const put = await store.put(nodeStreamOf(bytes));
      expect(put).toMatchObject({ sha256: sha256Of(bytes), size: bytes.byteLength });
      const tail = await bytesOf(
        await store.read(put.sha256, { start: bytes.byteLength - 10, end: bytes.byteLength - 1 }),
      );
      expect(tail.equals(bytes.subarray(bytes.byteLength - 10))).toBe(true);
    });

    it("gives the same bytes and ranges as a Node stream, with the same refusals", async () => {
      const store = await open();
      const bytes = randomBytes(3 * 1024 * 1024 + 7);
      const { sha256 } = await store.put(nodeStreamOf(bytes));
      const whole = Buffer.concat(
        await (await store.readNode(sha256, undefined, { highWaterMark: 1024 * 1024 })).toArray(),
      );
      expect(whole.equals(bytes)).toBe(true);
      const part = Buffer.concat(
        await (await store.readNode(sha256, { start: 5, end: bytes.byteLength + 100 })).toArray(),
      );
      expect(part.equals(bytes.subarray(5))).toBe(true);
      expect(await refusal(store.readNode(sha256, { start: bytes.byteLength, end: bytes.byteLength }))).toBe(
        "RANGE_NOT_SATISFIABLE",
      );
      expect(await refusal(store.readNode(sha256Of(randomBytes(8))))).toBe("NOT_FOUND");
    });

    it("sends the bytes of a blob or a range to a Node writable, leaving it open", async () => {
      const store = await open();
      const bytes = randomBytes(2 * 1024 * 1024 + 333);
      const { sha256 } = await store.put(nodeStreamOf(bytes));
      const collect = () => {
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write(chunk: Buffer, _encoding, callback) {
            chunks.push(Buffer.from(chunk)); // copied: the store may reuse its buffer afterwards
            callback();
          },
        });
        return { sink, bytes: () => Buffer.concat(chunks) };
      };
      const whole = collect();
      expect(await store.sendTo(sha256, undefined, whole.sink)).toBe(bytes.byteLength);
      expect(whole.sink.writableEnded).toBe(false);
      expect(whole.bytes().equals(bytes)).toBe(true);
      const part = collect();
      expect(await store.sendTo(sha256, { start: 1000, end: 1_500_000 }, part.sink)).toBe(1_499_001);
      expect(part.bytes().equals(bytes.subarray(1000, 1_500_001))).toBe(true);
      expect(
        await refusal(
          store.sendTo(sha256, { start: bytes.byteLength, end: bytes.byteLength }, collect().sink),
        ),
      ).toBe("RANGE_NOT_SATISFIABLE");
    });

    it("stops sending when the destination closes early, and says how many bytes it took", async () => {
      const store = await open();
      const bytes = randomBytes(5 * 1024 * 1024);
      const { sha256 } = await store.put(nodeStreamOf(bytes));
      let taken = 0;
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          taken += chunk.byteLength;
          // A client that leaves after the first megabyte.
          if (taken >= 1024 * 1024) this.destroy();
          callback();
        },
      });
      const sent = await store.sendTo(sha256, undefined, sink);
      expect(sent).toBeLessThan(bytes.byteLength);
      expect(sent).toBeLessThanOrEqual(taken);
    });

    it("stores identical content once: a second put reports created: false", async () => {
      const store = await open();
      const bytes = randomBytes(10_000);
      const first = await store.put(nodeStreamOf(bytes, 1000));
      const second = await store.put(webStreamOf(bytes));
      expect(first.created).toBe(true);
      expect(second).toEqual({ sha256: first.sha256, size: first.size, created: false });
      expect((await bytesOf(await store.read(first.sha256))).equals(bytes)).toBe(true);
    });

    it("stores an empty blob (the sha256 of no bytes)", async () => {
      const store = await open();
      const put = await store.put(nodeStreamOf(new Uint8Array(0)));
      expect(put.sha256).toBe("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
      expect(put.size).toBe(0);
      expect((await bytesOf(await store.read(put.sha256))).byteLength).toBe(0);
      expect(await refusal(store.read(put.sha256, { start: 0, end: 0 }))).toBe("RANGE_NOT_SATISFIABLE");
    });

    it("reads inclusive byte ranges, clamping an end past the last byte", async () => {
      const store = await open();
      const bytes = randomBytes(1000);
      const { sha256 } = await store.put(nodeStreamOf(bytes));
      const range = async (start: number, end: number) => bytesOf(await store.read(sha256, { start, end }));
      expect((await range(0, 0)).equals(bytes.subarray(0, 1))).toBe(true);
      expect((await range(100, 199)).equals(bytes.subarray(100, 200))).toBe(true);
      expect((await range(999, 999)).equals(bytes.subarray(999))).toBe(true);
      expect((await range(990, 5000)).equals(bytes.subarray(990))).toBe(true);
      expect((await range(0, 999)).equals(bytes)).toBe(true);
    });

    it("refuses ranges outside the blob with its size, before sending anything", async () => {
      const store = await open();
      const { sha256 } = await store.put(nodeStreamOf(randomBytes(100)));
      for (const range of [
        { start: 100, end: 200 },
        { start: 50, end: 49 },
        { start: -1, end: 10 },
        { start: 0.5, end: 10 },
      ]) {
        const error = await store.read(sha256, range).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BlobStoreError);
        expect(error).toMatchObject({ code: "RANGE_NOT_SATISFIABLE", size: 100 });
      }
    });

    it("answers null / NOT_FOUND / false for a hash nothing is stored under", async () => {
      const store = await open();
      const missing = sha256Of(randomBytes(32));
      expect(await store.stat(missing)).toBeNull();
      expect(await refusal(store.read(missing))).toBe("NOT_FOUND");
      expect(await store.delete(missing)).toBe(false);
    });

    it("refuses every malformed hash id (no path can be smuggled in) in every method", async () => {
      const store = await open();
      for (const bad of BAD_HASHES) {
        expect(await refusal(store.stat(bad)), bad).toBe("INVALID_HASH");
        expect(await refusal(store.read(bad)), bad).toBe("INVALID_HASH");
        expect(await refusal(store.delete(bad)), bad).toBe("INVALID_HASH");
        expect(await refusal(store.put(nodeStreamOf(randomBytes(10)), { expectedSha256: bad })), bad).toBe(
          "INVALID_HASH",
        );
      }
    });

    it("refuses content over maxBytes and stores nothing; exactly maxBytes is fine", async () => {
      const store = await open();
      const bytes = randomBytes(5000);
      expect(await refusal(store.put(nodeStreamOf(bytes, 512), { maxBytes: 4999 }))).toBe("TOO_LARGE");
      expect(await store.stat(sha256Of(bytes))).toBeNull();
      const put = await store.put(nodeStreamOf(bytes, 512), { maxBytes: 5000 });
      expect(put).toMatchObject({ sha256: sha256Of(bytes), created: true });
    });

    it("refuses content that does not hash to expectedSha256 and stores nothing", async () => {
      const store = await open();
      const bytes = randomBytes(4096);
      const other = sha256Of(randomBytes(4096));
      expect(await refusal(store.put(nodeStreamOf(bytes), { expectedSha256: other }))).toBe("HASH_MISMATCH");
      expect(await store.stat(sha256Of(bytes))).toBeNull();
      expect(await store.stat(other)).toBeNull();
      const put = await store.put(nodeStreamOf(bytes), { expectedSha256: sha256Of(bytes) });
      expect(put.created).toBe(true);
    });

    it("stores nothing when the source fails midway", async () => {
      const store = await open();
      const bytes = randomBytes(200_000);
      const failing = Readable.from(
        (async function* () {
          yield bytes.subarray(0, 100_000);
          throw new Error("connection reset");
        })(),
      );
      expect(await refusal(store.put(failing))).toBe("IO");
      expect(await store.stat(sha256Of(bytes.subarray(0, 100_000)))).toBeNull();
    });

    it("deletes a blob", async () => {
      const store = await open();
      const { sha256 } = await store.put(nodeStreamOf(randomBytes(64)));
      expect(await store.delete(sha256)).toBe(true);
      expect(await store.stat(sha256)).toBeNull();
      expect(await store.delete(sha256)).toBe(false);
    });
  });
}
