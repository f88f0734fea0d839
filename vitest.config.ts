// Every TypeScript test in the workspace. `pnpm test` (scripts/test.ts) builds the contracts and the
// web app first, because the integration and browser projects run against the real builds.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/{abi,auth,indexer,storage}/src/**/*.test.ts", "scripts/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      "packages/db",
      "apps/web",
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts", "test/e2e/**/*.test.ts"],
          // Each file brings up a chain, a database and a Next.js server: one at a time on 2 cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
