// Backfill progress for a person at a terminal (one line redrawn in place) and for a log reader (a
// structured line every few seconds: redraws would only fill a log file with carriage returns).
import type { Logger } from "./log.ts";

export type ProgressState = {
  doneBlocks: number;
  totalBlocks: number;
  events: number;
  blocksPerSecond: number;
  eventsPerSecond: number;
};

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function percentDone({ doneBlocks, totalBlocks }: ProgressState): number {
  return totalBlocks <= 0 ? 100 : Math.min(100, (doneBlocks / totalBlocks) * 100);
}

/** Seconds left at the current rate; undefined while there is no rate to go by. */
export function etaSeconds(state: ProgressState): number | undefined {
  const left = Math.max(0, state.totalBlocks - state.doneBlocks);
  if (left === 0) return 0;
  return state.blocksPerSecond > 0 ? Math.ceil(left / state.blocksPerSecond) : undefined;
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "--";
  const s = Math.max(0, Math.round(seconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h${pad(Math.floor((s % 3600) / 60))}m`;
}

/** The terminal line: `backfill [█████░░░░░] 50.0% 500/1,000 blocks · 100 blocks/s · 20 events/s · ETA 5s`. */
export function formatProgressLine(state: ProgressState, { label = "backfill", barWidth = 20 } = {}): string {
  const percent = percentDone(state);
  const filled = Math.round((percent / 100) * barWidth);
  const bar = `${"█".repeat(filled)}${"░".repeat(barWidth - filled)}`;
  return [
    `${label} [${bar}] ${percent.toFixed(1)}% ${integer.format(state.doneBlocks)}/${integer.format(state.totalBlocks)} blocks`,
    `${integer.format(state.blocksPerSecond)} blocks/s`,
    `${integer.format(state.eventsPerSecond)} events/s`,
    `ETA ${formatDuration(etaSeconds(state))}`,
  ].join(" · ");
}

/** The same facts as fields of a log entry. */
export function progressFields(state: ProgressState): Record<string, number | null> {
  return {
    doneBlocks: state.doneBlocks,
    totalBlocks: state.totalBlocks,
    percent: Math.round(percentDone(state) * 10) / 10,
    events: state.events,
    blocksPerSecond: Math.round(state.blocksPerSecond),
    eventsPerSecond: Math.round(state.eventsPerSecond),
    etaSeconds: etaSeconds(state) ?? null,
  };
}

export type ProgressReporterOptions = {
  totalBlocks: number;
  label?: string;
  /** Where the in-place line goes; the line is drawn only when `isTTY`. */
  stream?: { write(text: string): unknown; isTTY?: boolean };
  /** Gets the periodic line when the stream is not a terminal. */
  logger?: Logger;
  now?: () => number;
  redrawIntervalMs?: number;
  logIntervalMs?: number;
  /** Rates are measured over this much recent time, so the ETA follows a change of pace. */
  rateWindowMs?: number;
};

export type ProgressReporter = {
  advance(blocks: number, events: number): void;
  finish(): void;
  state(): ProgressState;
};

type Sample = { at: number; blocks: number; events: number };

export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const { totalBlocks, label = "backfill", logger } = options;
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tty = Boolean(stream.isTTY);
  const interval = tty ? (options.redrawIntervalMs ?? 100) : (options.logIntervalMs ?? 5_000);
  const windowMs = options.rateWindowMs ?? 10_000;
  const samples: Sample[] = [{ at: now(), blocks: 0, events: 0 }];
  let done = { blocks: 0, events: 0 };
  let lastOutput = Number.NEGATIVE_INFINITY;

  const state = (): ProgressState => {
    const at = now();
    while (samples.length > 1 && samples[0]!.at < at - windowMs) samples.shift();
    const first = samples[0]!;
    const seconds = (at - first.at) / 1_000;
    return {
      doneBlocks: done.blocks,
      totalBlocks,
      events: done.events,
      blocksPerSecond: seconds > 0 ? (done.blocks - first.blocks) / seconds : 0,
      eventsPerSecond: seconds > 0 ? (done.events - first.events) / seconds : 0,
    };
  };

  const output = (final: boolean) => {
    const current = state();
    if (tty) stream.write(`\r\x1b[2K${formatProgressLine(current, { label })}${final ? "\n" : ""}`);
    else if (logger) logger.info(`${label} progress`, progressFields(current));
    else stream.write(`${formatProgressLine(current, { label })}\n`);
    lastOutput = now();
  };

  return {
    advance(blocks, events) {
      done = { blocks: done.blocks + blocks, events: done.events + events };
      samples.push({ at: now(), ...done });
      if (now() - lastOutput >= interval) output(false);
    },
    finish: () => output(true),
    state,
  };
}
