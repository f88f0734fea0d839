// Tests here start real Postgres clusters and run Prisma's wasm engine: seconds, not milliseconds.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Each file runs in its own process, so each gets its own embedded server when DATABASE_URL is unset.
    pool: "forks",
  },
});
