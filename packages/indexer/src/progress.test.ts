import { describe, expect, it } from "vitest";
import { createLogger } from "./log.ts";
import {
  createProgressReporter,
  etaSeconds,
  formatDuration,
  formatProgressLine,
  type ProgressState,
  progressFields,
} from "./progress.ts";

const halfway: ProgressState = {
  doneBlocks: 523_000,
  totalBlocks: 1_000_000,
  events: 61_000,
  blocksPerSecond: 8_120.4,
  eventsPerSecond: 1_234.6,
};

describe("formatProgressLine", () => {
  it("shows the bar, percent, blocks done of total, both rates and the ETA", () => {
    expect(formatProgressLine(halfway)).toBe(
      "backfill [██████████░░░░░░░░░░] 52.3% 523,000/1,000,000 blocks · 8,120 blocks/s · 1,235 events/s · ETA 59s",
    );
  });

  it("shows a dashed ETA before any rate is known, and a full bar at the end", () => {
    const start = { ...halfway, doneBlocks: 0, blocksPerSecond: 0, eventsPerSecond: 0 };
    expect(formatProgressLine(start, { barWidth: 4, label: "sync" })).toBe(
      "sync [░░░░] 0.0% 0/1,000,000 blocks · 0 blocks/s · 0 events/s · ETA --",
    );
    const end = { ...halfway, doneBlocks: 1_000_000 };
    expect(formatProgressLine(end, { barWidth: 4 })).toMatch(/^backfill \[████\] 100\.0% .* ETA 0s$/);
  });

  it("treats an empty backfill as done", () => {
    expect(formatProgressLine({ ...halfway, doneBlocks: 0, totalBlocks: 0 }, { barWidth: 2 })).toMatch(
      /\[██\] 100\.0%/,
    );
  });
});

describe("formatDuration and etaSeconds", () => {
  it("reads as seconds, minutes or hours", () => {
    expect([0, 59, 65, 3_599, 3_600, 7_384, undefined].map(formatDuration)).toEqual([
      "0s",
      "59s",
      "1m05s",
      "59m59s",
      "1h00m",
      "2h03m",
      "--",
    ]);
  });

  it("rounds the time left up", () => {
    expect(etaSeconds({ ...halfway, doneBlocks: 999_999, blocksPerSecond: 3 })).toBe(1);
  });
});

describe("progressFields", () => {
  it("gives the same facts as numbers for a log entry", () => {
    expect(progressFields(halfway)).toEqual({
      doneBlocks: 523_000,
      totalBlocks: 1_000_000,
      percent: 52.3,
      events: 61_000,
      blocksPerSecond: 8_120,
      eventsPerSecond: 1_235,
      etaSeconds: 59,
    });
  });
});

describe("createProgressReporter", () => {
  it("redraws in place on a terminal at most once per interval, and ends the line when finished", () => {
    let clock = 0;
    const writes: string[] = [];
    const progress = createProgressReporter({
      totalBlocks: 1_000,
      stream: { isTTY: true, write: (text) => writes.push(text) },
      now: () => clock,
    });
    for (let i = 0; i < 10; i++) {
      clock += 30;
      progress.advance(50, 5);
    }
    expect(writes).toHaveLength(3); // at 30, 150 and 270 ms
    expect(writes.every((text) => text.startsWith("\r\x1b[2K") && !text.endsWith("\n"))).toBe(true);
    progress.finish();
    const last = writes.at(-1)!;
    expect(last.startsWith("\r\x1b[2K")).toBe(true);
    expect(last.slice(5)).toMatch(
      /^backfill \[.*\] 50\.0% 500\/1,000 blocks · 1,667 blocks\/s · 167 events\/s · ETA 1s\n$/,
    );
  });

  it("logs a structured line every few seconds when stderr is not a terminal", () => {
    let clock = 0;
    const entries: Record<string, unknown>[] = [];
    const logger = createLogger({
      level: "info",
      format: "json",
      write: (line) => void entries.push(JSON.parse(line)),
    });
    const progress = createProgressReporter({
      totalBlocks: 100,
      stream: { isTTY: false, write: () => {} },
      logger,
      now: () => clock,
      logIntervalMs: 5_000,
    });
    for (let i = 0; i < 10; i++) {
      clock += 1_000;
      progress.advance(10, 1);
    }
    expect(entries.map((entry) => entry.doneBlocks)).toEqual([10, 60]);
    expect(entries[1]).toMatchObject({
      msg: "backfill progress",
      percent: 60,
      blocksPerSecond: 10,
      etaSeconds: 4,
    });
  });

  it("measures rates over the recent window, so the ETA follows a change of pace", () => {
    let clock = 0;
    const progress = createProgressReporter({
      totalBlocks: 10_000,
      stream: { isTTY: false, write: () => {} },
      now: () => clock,
      rateWindowMs: 2_000,
    });
    for (let i = 0; i < 10; i++) {
      clock += 1_000;
      progress.advance(i < 5 ? 100 : 10, 0);
    }
    expect(progress.state().blocksPerSecond).toBeCloseTo(10, 5);
  });
});
