import { describe, expect, it } from "vitest";
import { AdaptiveRateLimiter } from "./rate-limiter.ts";

function limiter(maxConcurrency = 8) {
  let clock = 0;
  const sleeps: number[] = [];
  const instance = new AdaptiveRateLimiter(
    { maxConcurrency, rateIncreasePerSuccess: 1, minRatePerSecond: 0.5, maxRatePerSecond: 100 },
    {
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    },
  );
  return { limiter: instance, sleeps, advance: (ms: number) => (clock += ms) };
}

describe("AdaptiveRateLimiter", () => {
  it("neither spaces nor narrows requests until a 429", async () => {
    const { limiter: l, sleeps } = limiter();
    for (let i = 0; i < 20; i++) l.release(await l.acquire(), "success");
    expect(sleeps).toEqual([]);
    expect(l.snapshot()).toEqual({ concurrencyLimit: 8, inFlight: 0, ratePerSecond: null });
  });

  it("halves the observed rate and the window on a 429, then adds back one request per second per success", async () => {
    const { limiter: l, advance } = limiter();
    for (let i = 0; i < 20; i++) {
      l.release(await l.acquire(), "success");
      advance(50); // 20 requests per second
    }
    l.release(await l.acquire(), "rate-limited");
    expect(l.snapshot()).toMatchObject({ concurrencyLimit: 4, ratePerSecond: 10 });
    for (let i = 0; i < 5; i++) l.release(await l.acquire(), "success");
    expect(l.snapshot().ratePerSecond).toBe(15);
  });

  it("spaces request starts at the reduced rate", async () => {
    const { limiter: l, sleeps } = limiter();
    l.release(await l.acquire(), "rate-limited"); // one start seen: the floor of 1 req/s halves to 0.5
    expect(l.snapshot().ratePerSecond).toBe(0.5);
    await l.acquire();
    expect(sleeps).toEqual([2_000]);
  });

  it("halves only once for 429s of requests that started before the last decrease", async () => {
    const { limiter: l } = limiter(8);
    const permits = await Promise.all(Array.from({ length: 8 }, () => l.acquire()));
    for (const permit of permits) l.release(permit, "rate-limited");
    expect(l.snapshot().concurrencyLimit).toBe(4);
  });

  it("queues requests beyond the window and lets them in as others finish", async () => {
    const { limiter: l } = limiter(2);
    const first = await l.acquire();
    await l.acquire();
    let thirdIn = false;
    const third = l.acquire().then(() => (thirdIn = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(thirdIn).toBe(false);
    l.release(first, "success");
    await third;
    expect(l.snapshot().inFlight).toBe(2);
  });

  it("stops spacing once the rate climbs back to the maximum", async () => {
    const { limiter: l } = limiter();
    l.release(await l.acquire(), "rate-limited");
    for (let i = 0; i < 100; i++) l.release(await l.acquire(), "success");
    expect(l.snapshot()).toMatchObject({ ratePerSecond: null, concurrencyLimit: 8 });
  });
});
