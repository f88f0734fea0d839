// Child services for the dev command and the tests: each runs in its own process group so stopping
// it stops everything it spawned (next dev and hardhat fork workers), leaving no orphans.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { dirname } from "node:path";

export type Service = {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

export type StartOptions = {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Every output line goes here (created if missing). */
  logFile: string;
  /** Also echo lines to the terminal with a `name |` prefix. */
  echo?: boolean;
  /** Called with every complete output line (stdout and stderr). */
  onLine?: (line: string) => void;
};

const COLORS = [36, 35, 33, 32, 34];
let colorIndex = 0;

export function startService(options: StartOptions): Service {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const logStream = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const color = COLORS[colorIndex++ % COLORS.length];
  const prefix = `\x1b[${color}m${options.name.padEnd(8)}|\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.on("data", (chunk: Buffer) => {
      logStream.write(chunk);
      if (!options.echo && !options.onLine) return;
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        options.onLine?.(line);
        if (options.echo && line.trim()) process.stdout.write(`${prefix + line}\n`);
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      logStream.end();
      resolve(code);
    });
    child.once("error", () => resolve(-1));
  });

  async function stop(): Promise<void> {
    if (child.exitCode !== null || child.pid === undefined) return;
    signalGroup(child.pid, "SIGTERM");
    const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000).unref());
    if ((await Promise.race([exited, timeout])) === "timeout") signalGroup(child.pid, "SIGKILL");
    await exited;
  }
  return { name: options.name, child, exited, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

export class PortInUseError extends Error {
  override name = "PortInUseError";
  readonly port: number;
  constructor(port: number, purpose: string) {
    super(
      `port ${port} (${purpose}) is already in use. Stop whatever holds it (see \`ss -ltnp 'sport = :${port}'\`), ` +
        "or a Tessera dev session that is still running, and try again.",
    );
    this.port = port;
  }
}

/** Throws PortInUseError when something already listens on `port` on any interface. */
export async function assertPortFree(port: number, purpose: string): Promise<void> {
  for (const host of ["0.0.0.0", "127.0.0.1", "::"]) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EAFNOSUPPORT"));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (!free) throw new PortInUseError(port, purpose);
  }
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns true, or fails after `timeoutMs` with `what` in the message. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** True once a JSON-RPC endpoint answers eth_chainId. */
export async function rpcAnswers(url: string): Promise<boolean> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return response.ok;
}

/**
 * V8 settings for the web server (`next start`), wherever it is started. A 4 MB young generation is
 * collected more often, so the 64 KiB socket buffers of a multi-GB upload are freed sooner: the
 * server's resident memory during a 1 GiB upload stays under 300 MB (276–286 MB against 295–312 with
 * V8's default, same speed; scripts/bench-storage.ts). Deployments start it the same way.
 */
export const WEB_SERVER_NODE_OPTIONS = "--max-semi-space-size=4";
