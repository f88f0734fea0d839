import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests for the web app's plain modules (no DOM, no Next runtime). Run from the repo root:
//   node_modules/.bin/vitest run --root apps/web

// `server-only` throws unless resolved with the react-server condition, as Next does for server
// code. Setting that condition globally would also swap React for its server build, so point
// just this package at its empty server entry.
const serverOnlyEmpty = join(dirname(createRequire(import.meta.url).resolve("server-only")), "empty.js");

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: serverOnlyEmpty },
      { find: /^@\//, replacement: fileURLToPath(new URL("./src/", import.meta.url)) },
    ],
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
