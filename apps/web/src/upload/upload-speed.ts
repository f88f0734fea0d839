// Speed and time left of an upload, from progress samples over a sliding window: the last few
// seconds say more about the link than the average since the start (which a pause would distort).

export type SpeedSample = { at: number; bytes: number };

export const SPEED_WINDOW_MS = 5_000;

/** Adds a sample and drops those older than the window (keeping one just outside it as the base). */
export function addSample(samples: SpeedSample[], sample: SpeedSample): SpeedSample[] {
  const next = [...samples, sample];
  while (next.length > 2 && (next[1] as SpeedSample).at <= sample.at - SPEED_WINDOW_MS) next.shift();
  return next;
}

/** Bytes per second over the samples, or null until there is at least a quarter second of them. */
export function bytesPerSecond(samples: SpeedSample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at - first.at < 250) return null;
  return Math.max(0, (last.bytes - first.bytes) / ((last.at - first.at) / 1000));
}

/** "about 2 min left", "about 40 s left", or null when the speed is unknown or zero. */
export function timeLeft(remainingBytes: number, speed: number | null): string | null {
  if (speed === null || speed <= 0) return null;
  const seconds = Math.ceil(remainingBytes / speed);
  if (seconds < 60) return `about ${Math.max(1, seconds)} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.floor(seconds / 3600);
  return `about ${hours} h ${Math.round((seconds % 3600) / 60)} min left`;
}
