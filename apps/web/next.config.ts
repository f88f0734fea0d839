import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

// The monorepo root: Turbopack must see the workspace packages (raw .ts source) and the single
// pnpm lockfile there, and file tracing must start from the same place.
const monorepoRoot = fileURLToPath(new URL("../..", import.meta.url));

const nextConfig: NextConfig = {
  // Workspace packages export TypeScript source with `.ts` relative imports.
  transpilePackages: ["@tessera/abi", "@tessera/auth", "@tessera/db", "@tessera/storage"],
  turbopack: {
    root: monorepoRoot,
    // The two byte-carrying API routes live in src/pages/api (Node streams, see
    // src/server/api/node-route.ts), and Next resolves `server-only` there to the package's throwing
    // entry, as for a browser module. On the server it has nothing to guard: there it is made the
    // no-op it already is in Server Components. Browser bundles keep the throwing one, and Next's
    // compile-time check still refuses it in any Client Component.
    resolveAlias: {
      "server-only": {
        browser: "next/dist/compiled/server-only/index.js",
        default: "next/dist/compiled/server-only/empty.js",
      },
    },
  },
  outputFileTracingRoot: monorepoRoot,
  typedRoutes: true,
  // Bundle the pages/api routes dependencies as the App Router does (Pages Router default: external).
  bundlePagesRouterDependencies: true,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
