// The indexer's health as the running process sees it, kept in memory (for GET /status) and written to
// the IndexerHealth table (for `tessera-indexer status`, another process) whenever the state changes.
// A write that fails because the database is away is dropped: the next change writes again.
import type { PrismaClient } from "@tessera/db";
import { describeChain, type Failure } from "./errors.ts";

export type HealthState = "running" | "retrying" | "stalled";
export type Health = {
  state: HealthState;
  reason: string | null;
  since: Date;
  failures: number;
};

export type HealthReporter = {
  current(): Health;
  /** A pass succeeded. */
  ok(): Promise<void>;
  /** A pass failed with a retryable failure. */
  failed(failure: Failure): Promise<void>;
};

export function createHealthReporter(
  db: PrismaClient | undefined,
  chainId: number,
  now = () => new Date(),
): HealthReporter {
  let health: Health = { state: "running", reason: null, since: now(), failures: 0 };
  let saved = false;
  const save = async () => {
    if (!db) return;
    const row = {
      state: health.state,
      reason: health.reason,
      since: health.since,
      failures: health.failures,
    };
    await db.indexerHealth
      .upsert({ where: { chainId }, create: { chainId, ...row }, update: row })
      .catch(() => {});
  };
  return {
    current: () => health,
    async ok() {
      if (saved && health.state === "running" && health.failures === 0) return;
      saved = true;
      health = { state: "running", reason: null, since: now(), failures: 0 };
      await save();
    },
    async failed(failure) {
      const state: HealthState = failure.kind === "chain-stalled" ? "stalled" : "retrying";
      const reason = `${failure.kind}: ${describeChain(failure.chain)}`;
      health = {
        state,
        reason,
        since: health.state === state ? health.since : now(),
        failures: health.failures + 1,
      };
      await save();
    },
  };
}
