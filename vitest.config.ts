// Every TypeScript test in the workspace. `pnpm test` (scripts/test.ts) builds the contracts and the
// web app first, because the integration and browser projects run against the real builds.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Integration tests call the web app's server modules directly: resolve its `@/` imports, and let
// `server-only` load outside Next (as apps/web/vitest.config.ts does for the unit tests).
const webRequire = createRequire(fileURLToPath(new URL("./apps/web/package.json", import.meta.url)));
const serverOnlyEmpty = join(dirname(webRequire.resolve("server-only")), "empty.js");
const webSrc = fileURLToPath(new URL("./apps/web/src/", import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/{abi,indexer}/src/**/*.test.ts", "scripts/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      "packages/db",
      "apps/web",
      {
        resolve: {
          alias: [
            { find: /^server-only$/, replacement: serverOnlyEmpty },
            { find: /^@\//, replacement: webSrc },
          ],
        },
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
