// `pnpm soak [--seeds N] [--from S] [--steps n] [--kills k]`: runs the indexer's seeded simulations
// (consistency: batches, re-processing and reorgs; crash: SIGKILLs, RPC faults and reorgs) over N
// seeds and prints every failing seed with the command that replays it. Seeds are random unless
// --from gives the first of N consecutive ones. CI keeps its fixed seeds; this is for finding new ones.
// Smaller than CI's runs by default (--steps workload actions, --kills SIGKILLs) so that 50 seeds take
// about an hour on 2 cores (CI: 200 steps for consistency, 80 steps and 20 kills for the crash test). Each seed's output is kept in .tessera/soak/<seed>.log.
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const FILES = ["test/integration/indexer-consistency.test.ts", "test/integration/indexer-crash.test.ts"];
const { values } = parseArgs({
  options: {
    seeds: { type: "string", default: "50" },
    from: { type: "string" },
    steps: { type: "string", default: "60" },
    kills: { type: "string", default: "4" },
  },
});
const count = Number(values.seeds);
const seeds = values.from
  ? Array.from({ length: count }, (_, i) => Number(values.from) + i)
  : Array.from({ length: count }, () => randomInt(1, 2 ** 31));
const logDir = join(root, ".tessera", "soak");
mkdirSync(logDir, { recursive: true });

/** Runs both simulations for one seed; resolves with the files that failed. */
function runSeed(seed: number): Promise<string[]> {
  const log = createWriteStream(join(logDir, `${seed}.log`));
  const child = spawn(
    join(root, "node_modules", ".bin", "vitest"),
    ["run", "--project", "integration", ...FILES],
    {
      cwd: root,
      env: {
        ...process.env,
        TESSERA_SIM_SEED: String(seed),
        TESSERA_SIM_STEPS: values.steps,
        TESSERA_SIM_KILLS: values.kills,
        FORCE_COLOR: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  for (const stream of [child.stdout, child.stderr])
    stream.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      log.write(chunk);
    });
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      log.end();
      const failed = FILES.filter((file) => new RegExp(`FAIL .*${file.split("/").pop()}`).test(output));
      resolve(code === 0 ? [] : failed.length > 0 ? failed : ["(vitest exited with an error)"]);
    }),
  );
}

const failures: { seed: number; files: string[] }[] = [];
const started = Date.now();
for (const [i, seed] of seeds.entries()) {
  const t0 = Date.now();
  const failed = await runSeed(seed);
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  if (failed.length > 0) failures.push({ seed, files: failed });
  process.stdout.write(
    `[${i + 1}/${seeds.length}] seed ${seed}: ${failed.length === 0 ? "pass" : `FAIL ${failed.join(", ")}`} (${seconds} s)\n`,
  );
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
process.stdout.write(`\nsoak: ${seeds.length} seeds in ${minutes} min, ${failures.length} failing\n`);
for (const { seed, files } of failures) {
  process.stdout.write(
    `  seed ${seed}: ${files.join(", ")}\n    replay: TESSERA_SIM_SEED=${seed} TESSERA_SIM_STEPS=${values.steps} TESSERA_SIM_KILLS=${values.kills} pnpm vitest run --project integration ${files.join(" ")}\n    log: .tessera/soak/${seed}.log\n`,
  );
}
process.exit(failures.length === 0 ? 0 : 1);
