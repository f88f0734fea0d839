// `pnpm test` (README's second command, via scripts/test): every suite, in the order that fails
// fastest, with a summary. Extra arguments go to vitest (e.g. `pnpm test -- --project unit`).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const vitestArgs = process.argv.slice(2).filter((arg) => arg !== "--");

type Step = { name: string; command: string; args: string[]; cwd?: string };

const steps: Step[] = [
  { name: "contracts: Solidity tests (unit, fuzz)", command: bin("hardhat"), args: ["test", "solidity"] },
  {
    name: "web: production build",
    command: join(root, "apps/web/node_modules/.bin/next"),
    args: ["build"],
    cwd: "apps/web",
  },
  {
    name: "TypeScript: unit, integration and browser tests",
    command: bin("vitest"),
    args: ["run", ...vitestArgs],
  },
];

const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
for (const step of steps) {
  process.stdout.write(`\n\x1b[1m▸ ${step.name}\x1b[0m\n`);
  const started = Date.now();
  const run = spawnSync(step.command, step.args, {
    cwd: join(root, step.cwd ?? "."),
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.FORCE_COLOR ?? "1" },
  });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) break;
}

process.stdout.write("\n\x1b[1mSummary\x1b[0m\n");
for (const r of results) {
  process.stdout.write(
    `  ${r.ok ? "\x1b[32m✔" : "\x1b[31m✘"}\x1b[0m ${r.name} (${r.seconds.toFixed(1)} s)\n`,
  );
}
for (const step of steps.slice(results.length)) process.stdout.write(`  - ${step.name} (not run)\n`);
process.exit(results.every((r) => r.ok) && results.length === steps.length ? 0 : 1);
