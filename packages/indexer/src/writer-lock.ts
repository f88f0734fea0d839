// One writer per chain: the indexer holds a session-level Postgres advisory lock keyed by chain id
// for as long as it runs. A second copy waits on it as a hot standby and takes over the moment the
// first one's connection ends (clean exit, crash or kill -9 alike: Postgres releases the lock).
import pg from "pg";

/** First half of the advisory-lock key, so Tessera's locks cannot collide with other apps' (ASCII "TSRA"). */
export const LOCK_NAMESPACE = 0x54535241;

export type WriterLock = {
  /** False once the session holding the lock has ended (connection cut, database restarted): another
   *  copy may be writing now, so this one must stop and take the lock again. */
  held(): boolean;
  release(): Promise<void>;
};

export type AcquireOptions = {
  /** How often a standby retries, in ms. */
  pollMs?: number;
  /** Called once when the lock is taken by someone else and this copy starts waiting. */
  onWaiting?: () => void;
  signal?: AbortSignal;
};

export class WriterLockAbortedError extends Error {
  override name = "WriterLockAbortedError";
}

export async function acquireWriterLock(
  databaseUrl: string,
  chainId: number,
  { pollMs = 1_000, onWaiting, signal }: AcquireOptions = {},
): Promise<WriterLock> {
  const client = new pg.Client({ connectionString: databaseUrl });
  let lost = false;
  // Without a listener, a dropped connection's 'error' event would end the process.
  client.on("error", () => {
    lost = true;
  });
  client.on("end", () => {
    lost = true;
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  let announced = false;
  try {
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_lock($1, $2) AS locked",
        [LOCK_NAMESPACE, chainId],
      );
      if (rows[0]?.locked) break;
      if (!announced) onWaiting?.();
      announced = true;
      if (signal?.aborted)
        throw new WriterLockAbortedError(`stopped while waiting for chain ${chainId}'s writer lock`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return {
    held: () => !lost,
    async release() {
      await client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, chainId]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
