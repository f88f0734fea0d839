// Figures for the transfer benches on a shared, noisy machine: the baseline and the measured transfer
// run alternately, several rounds in the same run, and each is reported as every sample plus the
// median, with the load average next to each sample (other work on the same cores slows them).
import { loadavg } from "node:os";

export type Sample = { seconds: number; loadAverage1m: number };

export type Series = { samples: Sample[]; medianSeconds: number; MiBPerSecond: number };

/** Times one run of `run`, with the 1-minute load average when it ended. */
export async function timed(run: () => Promise<void>): Promise<Sample> {
  const start = performance.now();
  await run();
  return { seconds: round((performance.now() - start) / 1000), loadAverage1m: round(loadavg()[0] ?? 0) };
}

export function series(samples: Sample[], mib: number): Series {
  const medianSeconds = median(samples.map((s) => s.seconds));
  return { samples, medianSeconds, MiBPerSecond: round(mib / medianSeconds) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return round(value);
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The bench's JSON with short number arrays on one line, as the repo's formatter (biome) writes them. */
export function resultsJson(results: unknown): string {
  const json = JSON.stringify(results, null, 2).replace(
    /\[\s+([\d.,\s]+?)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s*/).join(", ")}]`,
  );
  return `${json}\n`;
}
