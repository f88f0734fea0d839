// Block headers in bulk: the hash and parent hash detect reorganisations, the timestamp is shown on
// pages. Fetched without transactions, many per HTTP request.
import type { Hash } from "viem";
import { z } from "zod";
import { RpcRequestError } from "./errors.ts";
import { hexSchema, toQuantity } from "./hex.ts";
import type { JsonRpcClient } from "./json-rpc.ts";

export type BlockHeader = { number: bigint; hash: Hash; parentHash: Hash; timestamp: bigint };

const headerSchema = z
  .looseObject({ number: hexSchema, hash: hexSchema, parentHash: hexSchema, timestamp: hexSchema })
  .transform(
    ({ number, hash, parentHash, timestamp }): BlockHeader => ({
      number: BigInt(number),
      hash,
      parentHash,
      timestamp: BigInt(timestamp),
    }),
  );

/** The node does not have this block (yet): asked beyond the head, or it was just reorganised away. */
export class BlockNotFoundError extends Error {
  override name = "BlockNotFoundError";
  readonly block: bigint;
  constructor(block: bigint) {
    super(`block ${block} is not on the node's chain (beyond its head?)`);
    this.block = block;
  }
}

export type GetBlockHeadersOptions = { batchSize?: number; signal?: AbortSignal };

/** One header per distinct number, ascending; batches go out in parallel under the client's limiter. */
export async function getBlockHeaders(
  client: Pick<JsonRpcClient, "batch">,
  numbers: Iterable<bigint>,
  { batchSize = 100, signal }: GetBlockHeadersOptions = {},
): Promise<BlockHeader[]> {
  const distinct = [...new Set(numbers)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const batches: bigint[][] = [];
  for (let i = 0; i < distinct.length; i += batchSize) batches.push(distinct.slice(i, i + batchSize));
  const answers = await Promise.all(
    batches.map((batch) =>
      client.batch(
        batch.map((n) => ({ method: "eth_getBlockByNumber", params: [toQuantity(n), false] })),
        signal ? { signal } : {},
      ),
    ),
  );
  return answers.flat().map((answer, i) => {
    const wanted = distinct[i]!;
    if (answer === null) throw new BlockNotFoundError(wanted);
    const header = headerSchema.safeParse(answer);
    if (!header.success || header.data.number !== wanted)
      throw new RpcRequestError(`malformed answer for block ${wanted}`, { method: "eth_getBlockByNumber" });
    return header.data;
  });
}

export async function getHeadBlockNumber(
  client: Pick<JsonRpcClient, "request">,
  signal?: AbortSignal,
): Promise<bigint> {
  return BigInt(hexSchema.parse(await client.request("eth_blockNumber", [], signal ? { signal } : {})));
}
