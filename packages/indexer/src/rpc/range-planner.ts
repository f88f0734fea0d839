// Chooses the block span of each eth_getLogs request during a backfill. Providers cap a request by
// block span (Infura, QuickNode: 10,000), by result count (10,000 logs) or by answer size (Alchemy),
// and a local node has no cap but slows down on huge answers; none of this is known in advance. So
// the planner halves on "too large" and doubles after a run of quick, small answers.
import { z } from "zod";
import type { RpcRangeTooLarge } from "./errors.ts";

export const rangeTuningSchema = z.object({
  /** Blocks in the first request. */
  initialSpan: z.number().int().positive().default(1_000),
  maxSpan: z.number().int().positive().default(100_000),
  /** Consecutive quick answers needed before the span grows. */
  growAfter: z.number().int().positive().default(3),
  growthFactor: z.number().min(1.1).default(2),
  /** An answer is quick when it took less than this... */
  targetDurationMs: z.number().positive().default(2_000),
  /** ...and held fewer logs than this. */
  targetLogCount: z.number().int().positive().default(5_000),
  /** Successes after which a span that was once too large may be tried again (density changes). */
  ceilingTtl: z.number().int().positive().default(200),
});

export type RangeTuning = z.infer<typeof rangeTuningSchema>;
export type RangeTuningInput = z.input<typeof rangeTuningSchema>;

export type BlockRange = { fromBlock: bigint; toBlock: bigint };
export type SpanChange = "grown" | "shrunk" | "kept";

/** Even one block's logs are more than the node will return in one answer. */
export class BlockTooLargeError extends Error {
  override name = "BlockTooLargeError";
  readonly block: bigint;
  constructor(block: bigint, cause: RpcRangeTooLarge) {
    super(
      `block ${block} alone holds more logs than the RPC node returns from one eth_getLogs call ` +
        `(${cause.message}); filter fewer addresses or use a node without this limit`,
      { cause },
    );
    this.block = block;
  }
}

const spanOf = (range: BlockRange) => Number(range.toBlock - range.fromBlock) + 1;

export class RangePlanner {
  readonly #tuning: RangeTuning;
  readonly #toBlock: bigint;
  #cursor: bigint;
  #span: number;
  #streak = 0;
  // The smallest span known to be refused, so that growth probes below it instead of hitting it again.
  #ceiling: number | undefined;
  #sinceCeiling = 0;
  #lastGood: number | undefined;

  constructor(range: BlockRange, tuning: RangeTuningInput = {}) {
    this.#tuning = rangeTuningSchema.parse(tuning);
    this.#cursor = range.fromBlock;
    this.#toBlock = range.toBlock;
    this.#span = Math.min(this.#tuning.initialSpan, this.#tuning.maxSpan);
  }

  get span(): number {
    return this.#span;
  }

  /** The next range to ask for, or undefined once `toBlock` is covered. */
  next(): BlockRange | undefined {
    if (this.#cursor > this.#toBlock) return undefined;
    const end = this.#cursor + BigInt(this.#span) - 1n;
    return { fromBlock: this.#cursor, toBlock: end < this.#toBlock ? end : this.#toBlock };
  }

  succeeded(
    range: BlockRange,
    { durationMs, logCount }: { durationMs: number; logCount: number },
  ): SpanChange {
    const { targetDurationMs, targetLogCount, growAfter, ceilingTtl } = this.#tuning;
    this.#cursor = range.toBlock + 1n;
    this.#lastGood = spanOf(range);
    if (this.#ceiling !== undefined && ++this.#sinceCeiling >= ceilingTtl) this.#ceiling = undefined;
    if (durationMs < targetDurationMs && logCount < targetLogCount) {
      if (++this.#streak < growAfter) return "kept";
      this.#streak = 0;
      return this.#grow();
    }
    this.#streak = 0;
    // Far over target: answer faster next time rather than wait for an error or a timeout.
    if ((durationMs > 2 * targetDurationMs || logCount > 2 * targetLogCount) && this.#span > 1) {
      this.#span = Math.max(1, Math.floor(this.#span / 2));
      return "shrunk";
    }
    return "kept";
  }

  /**
   * The node refused `range`: the next request retries its start with half the span, or with the
   * last span that worked if that is larger (and smaller than the refused one).
   */
  tooLarge(range: BlockRange, error: RpcRangeTooLarge): void {
    const refused = spanOf(range);
    if (refused <= 1) throw new BlockTooLargeError(range.fromBlock, error);
    this.#ceiling = Math.min(this.#ceiling ?? refused, refused);
    this.#sinceCeiling = 0;
    this.#streak = 0;
    const good = this.#lastGood !== undefined && this.#lastGood < refused ? this.#lastGood : 0;
    this.#span = Math.max(Math.floor(refused / 2), good);
  }

  #grow(): SpanChange {
    let next = Math.min(this.#tuning.maxSpan, Math.ceil(this.#span * this.#tuning.growthFactor));
    // Below a known refusal, probe halfway to it: a binary search for the node's limit.
    if (this.#ceiling !== undefined) next = Math.min(next, Math.floor((this.#span + this.#ceiling) / 2));
    if (next <= this.#span) return "kept";
    this.#span = next;
    return "grown";
  }
}
