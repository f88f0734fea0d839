// `pnpm --filter @tessera/db generate` (and the root postinstall): runs `prisma generate` offline.
// The Prisma CLI insists that PRISMA_SCHEMA_ENGINE_BINARY names an existing file before it will even
// generate, and would download the native engine otherwise; generate never executes it, so we point it
// at a file that always exists: the CLI's own entry script. Quiet on success, the CLI's output on failure.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DbError, GenerateFailedError } from "../errors.ts";
import { repoRoot } from "../paths.ts";

// Found through the package's `bin` entry: package.json is the one file its exports map promises.
const prismaPackageJson = createRequire(import.meta.url).resolve("prisma/package.json");
const { bin } = JSON.parse(readFileSync(prismaPackageJson, "utf8")) as { bin: { prisma: string } };
const prismaCli = join(dirname(prismaPackageJson), bin.prisma);

try {
  const run = spawnSync(process.execPath, [prismaCli, "generate"], {
    cwd: repoRoot, // where prisma.config.ts is
    encoding: "utf8",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? prismaCli,
      // No update check or telemetry: both would wait on hosts this machine cannot reach.
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (run.error) throw new GenerateFailedError(run.error.message);
  if (run.status !== 0) throw new GenerateFailedError(`${run.stdout}${run.stderr}`.trim());
} catch (error) {
  console.error(error instanceof DbError ? error.message : error);
  process.exitCode = 1;
}
