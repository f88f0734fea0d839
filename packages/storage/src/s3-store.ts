import { randomBytes } from "node:crypto";
import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
  UploadPartCopyCommand,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import {
  type BlobSource,
  type BlobStore,
  type ByteRange,
  chunksOf,
  hashMismatch,
  notFound,
  type PutOptions,
  type PutResult,
  resolveRange,
  tooLarge,
} from "./blob-store.ts";
import { BlobStoreError, isBlobStoreError } from "./errors.ts";
import { digestHex, newSha256, parseSha256Hex, type Sha256Hex } from "./sha256.ts";

// Blobs in an S3-compatible bucket (AWS S3, MinIO, R2, Ceph...):
//   <prefix>sha256/<64 hex digits>   a whole blob
//   <prefix>tmp/<time>.<random>      a write in progress
// S3 has no rename and the hash is known only at the end of the stream, so a put streams the bytes
// (multipart, a few parts in memory at a time) to a temp key while hashing them, then copies the
// object to its hash inside the bucket (server-side: no bytes come back) and deletes the temp. An
// object appears whole or not at all, so a crash never leaves a partial blob under a hash; temp
// keys left by a crash are removed by `sweepTemp` (or a bucket lifecycle rule on <prefix>tmp/).

export type S3BlobStoreOptions = {
  bucket: string;
  /** Key prefix, e.g. "tessera/" (default ""). */
  prefix?: string;
  /** Passed to the AWS SDK's S3Client: region, endpoint, credentials, forcePathStyle. */
  client: S3Client | S3ClientConfig;
  /** Multipart part size in bytes (default 16 MiB; S3's minimum is 5 MiB). */
  partSize?: number;
};

/** S3 copies at most 5 GiB in one CopyObject; larger blobs are copied part by part. */
const MAX_SINGLE_COPY = 5 * 1024 ** 3;
const COPY_PART_SIZE = 1024 ** 3;

export class S3BlobStore implements BlobStore {
  readonly location: string;
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;
  private readonly partSize: number;

  constructor(options: S3BlobStoreOptions) {
    this.client = options.client instanceof S3Client ? options.client : new S3Client(options.client);
    this.bucket = options.bucket;
    this.prefix = options.prefix ?? "";
    this.partSize = options.partSize ?? 16 * 1024 ** 2;
    this.location = `s3://${this.bucket}/${this.prefix}`;
  }

  async put(source: BlobSource, options: PutOptions = {}): Promise<PutResult> {
    const expected =
      options.expectedSha256 === undefined ? undefined : parseSha256Hex(options.expectedSha256);
    const tempKey = `${this.prefix}tmp/${Date.now()}.${randomBytes(8).toString("hex")}`;
    const hash = newSha256();
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.byteLength;
        if (options.maxBytes !== undefined && size > options.maxBytes) {
          callback(tooLarge(options.maxBytes));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    // The source's own failure (or TOO_LARGE) also destroys `counted`, which fails the upload;
    // remember it so the caller gets that error rather than the SDK's wrapper of it.
    let sourceError: unknown;
    pipeline(Readable.from(chunksOf(source)), counted).catch((error: unknown) => {
      sourceError = error;
    });
    const body = counted;
    let failure: unknown;
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: tempKey, Body: body },
      partSize: this.partSize,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      failure = error;
    }
    try {
      if (failure) throw sourceError ?? failure;
      const sha256 = digestHex(hash);
      if (expected && expected !== sha256) throw hashMismatch(expected, sha256);
      if (await this.stat(sha256)) return { sha256, size, created: false };
      await this.copy(tempKey, this.keyOf(sha256), size);
      return { sha256, size, created: true };
    } catch (error) {
      if (isBlobStoreError(error)) throw error;
      throw new BlobStoreError(
        "IO",
        `Storing the blob in ${this.location} failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    } finally {
      await this.client
        .send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tempKey }))
        .catch(() => undefined);
    }
  }

  async stat(sha256: Sha256Hex): Promise<{ size: number } | null> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async read(sha256: Sha256Hex, range?: ByteRange): Promise<ReadableStream<Uint8Array>> {
    const body = await this.getObject(sha256, range);
    if (!body) return new ReadableStream({ start: (controller) => controller.close() });
    return body.transformToWebStream() as ReadableStream<Uint8Array>;
  }

  async readNode(sha256: Sha256Hex, range?: ByteRange): Promise<Readable> {
    const body = await this.getObject(sha256, range);
    if (!body) return Readable.from([]);
    // In Node the SDK's body is the HTTP response itself (an IncomingMessage): a Node stream already.
    return body as unknown as Readable;
  }

  async sendTo(sha256: Sha256Hex, range: ByteRange | undefined, destination: Writable): Promise<number> {
    const source = await this.readNode(sha256, range);
    let sent = 0;
    source.on("data", (chunk: Buffer) => {
      sent += chunk.byteLength;
    });
    // A destination that closes early ends the pipeline with an error: what was sent is the answer.
    await pipeline(source, destination, { end: false }).catch(() => undefined);
    return sent;
  }

  /** The object's body for `range`, refusals first; undefined for an empty blob (S3 refuses its range). */
  private async getObject(sha256: Sha256Hex, range?: ByteRange) {
    const info = await this.stat(sha256);
    if (!info) throw notFound(sha256);
    const bounds = range ? resolveRange(range, info.size) : undefined;
    if (info.size === 0) return undefined;
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: this.keyOf(sha256),
        ...(bounds ? { Range: `bytes=${bounds.start}-${bounds.end}` } : {}),
      }),
    );
    if (!object.Body) throw notFound(sha256);
    return object.Body;
  }

  async delete(sha256: Sha256Hex): Promise<boolean> {
    if (!(await this.stat(sha256))) return false;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
    return true;
  }

  /** Deletes temp objects older than `staleAfterMs` (writes that crashed). */
  async sweepTemp(staleAfterMs = 60 * 60 * 1000): Promise<number> {
    let removed = 0;
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: `${this.prefix}tmp/`,
          ContinuationToken: token,
        }),
      );
      for (const object of page.Contents ?? []) {
        const age = Date.now() - (object.LastModified?.getTime() ?? Date.now());
        if (object.Key && age > staleAfterMs) {
          await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: object.Key }));
          removed++;
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return removed;
  }

  private keyOf(sha256: Sha256Hex): string {
    return `${this.prefix}sha256/${parseSha256Hex(sha256).slice(2)}`;
  }

  private async copy(from: string, to: string, size: number): Promise<void> {
    const copySource = `${this.bucket}/${encodeURIComponent(from).replaceAll("%2F", "/")}`;
    if (size <= MAX_SINGLE_COPY) {
      await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: copySource }));
      return;
    }
    const { UploadId } = await this.client.send(
      new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: to }),
    );
    try {
      const parts: { ETag: string; PartNumber: number }[] = [];
      for (let start = 0, part = 1; start < size; start += COPY_PART_SIZE, part++) {
        const end = Math.min(start + COPY_PART_SIZE, size) - 1;
        const result = await this.client.send(
          new UploadPartCopyCommand({
            Bucket: this.bucket,
            Key: to,
            UploadId,
            PartNumber: part,
            CopySource: copySource,
            CopySourceRange: `bytes=${start}-${end}`,
          }),
        );
        parts.push({ ETag: result.CopyPartResult?.ETag ?? "", PartNumber: part });
      }
      await this.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: this.bucket,
          Key: to,
          UploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    } catch (error) {
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: to, UploadId }))
        .catch(() => undefined);
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}
