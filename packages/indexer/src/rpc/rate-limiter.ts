// Lets the indexer find the request rate a node will take without being told it: AIMD, as TCP does.
// A 429 halves both the number of requests in flight and the request rate; each success adds back a
// little. The backfill sends mostly one request at a time, so the rate (a minimum spacing between
// request starts) is what adapts there; the concurrency window matters when callers run in parallel.

export type RateLimiterOptions = {
  maxConcurrency: number;
  /** Requests per second added back per success once a 429 has set a rate. */
  rateIncreasePerSuccess: number;
  /** The rate never drops below this (requests per second). */
  minRatePerSecond: number;
  /** At or above this rate the limiter stops spacing requests at all. */
  maxRatePerSecond: number;
};

export type RateLimiterDeps = { now: () => number; sleep: (ms: number) => Promise<void> };

export type Permit = { readonly epoch: number };
export type Outcome = "success" | "rate-limited" | "failure";

export type RateLimiterSnapshot = {
  concurrencyLimit: number;
  inFlight: number;
  /** null while requests are not being spaced. */
  ratePerSecond: number | null;
};

const WINDOW_MS = 1_000;

export class AdaptiveRateLimiter {
  readonly #options: RateLimiterOptions;
  readonly #deps: RateLimiterDeps;
  #limit: number;
  #inFlight = 0;
  readonly #waiting: Array<() => void> = [];
  #rate = Number.POSITIVE_INFINITY;
  #nextStartAt = 0;
  // Requests that started before the last decrease saw the old rate: their 429s must not halve again.
  #epoch = 0;
  #recentStarts: number[] = [];

  constructor(options: RateLimiterOptions, deps: RateLimiterDeps) {
    this.#options = options;
    this.#deps = deps;
    this.#limit = options.maxConcurrency;
  }

  async acquire(): Promise<Permit> {
    while (this.#inFlight >= Math.floor(this.#limit))
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#inFlight++;
    const now = this.#deps.now();
    if (Number.isFinite(this.#rate)) {
      const startAt = Math.max(now, this.#nextStartAt);
      this.#nextStartAt = startAt + 1_000 / this.#rate;
      if (startAt > now) await this.#deps.sleep(startAt - now);
    }
    this.#recordStart(this.#deps.now());
    return { epoch: this.#epoch };
  }

  release(permit: Permit, outcome: Outcome): void {
    this.#inFlight--;
    if (outcome === "success") this.#increase();
    if (outcome === "rate-limited" && permit.epoch === this.#epoch) this.#decrease();
    const free = Math.max(1, Math.floor(this.#limit) - this.#inFlight);
    for (const wake of this.#waiting.splice(0, free)) wake();
  }

  snapshot(): RateLimiterSnapshot {
    return {
      concurrencyLimit: Math.floor(this.#limit),
      inFlight: this.#inFlight,
      ratePerSecond: Number.isFinite(this.#rate) ? this.#rate : null,
    };
  }

  #increase(): void {
    const { maxConcurrency, rateIncreasePerSuccess, maxRatePerSecond } = this.#options;
    this.#limit = Math.min(maxConcurrency, this.#limit + 1 / Math.floor(this.#limit));
    if (!Number.isFinite(this.#rate)) return;
    this.#rate += rateIncreasePerSuccess;
    if (this.#rate >= maxRatePerSecond) this.#rate = Number.POSITIVE_INFINITY;
  }

  #decrease(): void {
    this.#epoch++;
    this.#limit = Math.max(1, Math.floor(this.#limit / 2));
    const current = Number.isFinite(this.#rate) ? this.#rate : this.#observedRate();
    this.#rate = Math.max(this.#options.minRatePerSecond, current / 2);
    this.#nextStartAt = this.#deps.now() + 1_000 / this.#rate;
  }

  #recordStart(at: number): void {
    this.#recentStarts.push(at);
    while (this.#recentStarts.length > 0 && this.#recentStarts[0]! <= at - WINDOW_MS)
      this.#recentStarts.shift();
  }

  /** Requests started in the last second: the rate that was evidently too much. */
  #observedRate(): number {
    const since = this.#deps.now() - WINDOW_MS;
    const started = this.#recentStarts.filter((at) => at > since).length;
    return Math.max(started, this.#options.minRatePerSecond * 2);
  }
}
