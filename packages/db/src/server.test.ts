import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClient } from "./databases.ts";
import { findFreePort } from "./embedded-guards.ts";
import { DatabaseUnreachableError, PortInUseError } from "./errors.ts";
import { startDatabase } from "./server.ts";
import { createTestDatabase } from "./testing.ts";

// These tests start their own embedded clusters (env: {} hides any DATABASE_URL) in a private temp dir.
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tessera-server-test-"));
  await chmod(root, 0o755); // as root, Postgres runs as `postgres` and must enter it
});
afterAll(() => rm(root, { recursive: true, force: true }));

const countCards = (url: string) =>
  withClient(url, async (c) => Number((await c.query(`SELECT count(*) FROM cards`)).rows[0].count));

describe("startDatabase with DATABASE_URL", () => {
  it("uses the server it names, checks that it answers, and reports embedded: false", async () => {
    const target = await createTestDatabase();
    try {
      const db = await startDatabase({
        dataDir: join(root, "unused"),
        port: 1,
        env: { DATABASE_URL: target.url },
      });
      expect(db).toMatchObject({ url: target.url, embedded: false });
      await db.stop(); // a no-op: the external server keeps running
      await expect(countCards(target.url).catch((e: { code?: string }) => e.code)).resolves.toBe("42P01");
    } finally {
      await target.drop();
    }
  });

  it("fails with a DatabaseUnreachableError that names the URL but hides its password", async () => {
    const port = await findFreePort(); // nothing listens there
    const url = `postgresql://postgres:s3cret@127.0.0.1:${port}/tessera`;
    const failure = startDatabase({ dataDir: join(root, "unused"), port: 1, env: { DATABASE_URL: url } });
    await expect(failure).rejects.toBeInstanceOf(DatabaseUnreachableError);
    await expect(failure).rejects.toThrow(`127.0.0.1:${port}`);
    await expect(failure).rejects.not.toThrow("s3cret");
  });
});

describe("startDatabase without DATABASE_URL (embedded Postgres)", () => {
  it("initialises the data directory once, creates `tessera`, and keeps the data across restarts", async () => {
    const dataDir = join(root, "persist");
    const port = await findFreePort();
    const first = await startDatabase({ dataDir, port, env: {} });
    expect(first.embedded).toBe(true);
    expect(new URL(first.url).pathname).toBe("/tessera");
    expect(first.timings?.initMs).toBeGreaterThan(0);
    await withClient(first.url, (c) => c.query("CREATE TABLE cards (id int); INSERT INTO cards VALUES (1)"));
    await first.stop();
    await expect(withClient(first.url, (c) => c.query("SELECT 1"))).rejects.toBeInstanceOf(
      DatabaseUnreachableError,
    );

    const second = await startDatabase({ dataDir, port, env: {} });
    try {
      expect(second.timings?.initMs).toBe(0);
      expect(await countCards(second.url)).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it("starts after a crash left postmaster.pid behind, whether its pid is dead or reused by another process", async () => {
    const dataDir = join(root, "crash");
    const port = await findFreePort();
    const first = await startDatabase({ dataDir, port, env: {} });
    const pidFile = join(dataDir, "postmaster.pid");
    const lockFile = await readFile(pidFile, "utf8"); // what a crash would leave behind
    await first.stop();
    for (const pid of [String(lockFile.split("\n")[0]), "1"]) {
      // first the dead postmaster's own pid, then pid 1: alive, and not a Postgres (pid reuse)
      await writeFile(pidFile, [pid, ...lockFile.split("\n").slice(1)].join("\n"));
      const again = await startDatabase({ dataDir, port, env: {} });
      await expect(withClient(again.url, (c) => c.query("SELECT 1"))).resolves.toBeTruthy();
      await again.stop();
    }
  });

  it("takes over from an embedded Postgres orphaned by a dev server that was killed", async () => {
    const dataDir = join(root, "orphan");
    const port = await findFreePort();
    const serverModule = new URL("./server.ts", import.meta.url).href;
    const script = `const { startDatabase } = await import(${JSON.stringify(serverModule)});
      await startDatabase({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, env: {} });
      console.log("ready"); setInterval(() => {}, 1000);`;
    const devServer = spawn(process.execPath, ["--input-type=module", "-e", script], {
      env: { PATH: process.env.PATH },
    });
    await new Promise<void>((resolve, reject) => {
      devServer.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      devServer.once("exit", (code) => reject(new Error(`dev server exited with ${code}`)));
    });
    const orphan = Number((await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    devServer.kill("SIGKILL"); // no exit hook runs: its Postgres keeps running without a parent
    await new Promise((resolve) => devServer.once("exit", resolve));

    const db = await startDatabase({ dataDir, port, env: {} });
    try {
      expect(isAlive(orphan)).toBe(false);
      await expect(withClient(db.url, (c) => c.query("SELECT 1"))).resolves.toBeTruthy();
    } finally {
      await db.stop();
    }
  });

  it("refuses a port that is already taken with a PortInUseError", async () => {
    const port = await findFreePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const failure = startDatabase({ dataDir: join(root, "busy"), port, env: {} });
      await expect(failure).rejects.toBeInstanceOf(PortInUseError);
      await expect(failure).rejects.toMatchObject({ port, code: "PORT_IN_USE" });
    } finally {
      blocker.close();
    }
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
