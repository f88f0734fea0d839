import { createTestDatabase } from "@tessera/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireWriterLock } from "./writer-lock.ts";

describe("acquireWriterLock", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it("makes a second writer for the same chain wait until the first releases", async () => {
    const first = await acquireWriterLock(database.url, 31337);
    let waiting = false;
    let secondHasIt = false;
    const second = acquireWriterLock(database.url, 31337, {
      pollMs: 50,
      onWaiting: () => (waiting = true),
    }).then((lock) => {
      secondHasIt = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waiting).toBe(true);
    expect(secondHasIt).toBe(false);
    await first.release();
    const lock = await second;
    expect(secondHasIt).toBe(true);
    await lock.release();
  });

  it("lets writers for different chains run side by side", async () => {
    const local = await acquireWriterLock(database.url, 31337);
    const other = await acquireWriterLock(database.url, 11155111, { pollMs: 50 });
    await Promise.all([local.release(), other.release()]);
  });

  it("gives up waiting when stopped", async () => {
    const holder = await acquireWriterLock(database.url, 1);
    const stop = new AbortController();
    const waiting = acquireWriterLock(database.url, 1, {
      pollMs: 20,
      signal: stop.signal,
      onWaiting: () => stop.abort(),
    });
    await expect(waiting).rejects.toThrow(/stopped while waiting/);
    await holder.release();
  });
});
