import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The monorepo root: Turbopack must see the workspace packages (raw .ts source) and the single
// pnpm lockfile there, and file tracing must start from the same place.
const monorepoRoot = fileURLToPath(new URL("../..", import.meta.url));

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript source with `.ts` relative imports.
  transpilePackages: ["@tessera/abi", "@tessera/auth", "@tessera/db", "@tessera/storage"],
  turbopack: { root: monorepoRoot },
  outputFileTracingRoot: monorepoRoot,
  typedRoutes: true,
  // src/pages/api (the two byte-carrying routes) is bundled like the App Router: its server modules'
  // `import "server-only"` then resolves to the server's no-op. Left external (the Pages Router
  // default), Node loads the package's throwing browser entry and every request fails.
  bundlePagesRouterDependencies: true,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
