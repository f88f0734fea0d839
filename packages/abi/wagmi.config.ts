// Generates src/generated.ts (typed `as const` ABIs) from the Hardhat build of contracts/src.
// Run from the repo root: `pnpm build:contracts`. CI fails when the committed file is stale.
import { defineConfig } from "@wagmi/cli";
import { hardhat } from "@wagmi/cli/plugins";

export default defineConfig({
  out: "packages/abi/src/generated.ts",
  plugins: [
    hardhat({
      project: ".",
      // Only deployable contracts: interfaces and tests have no address to bind to.
      include: ["contracts/src/*.sol/*.json", "contracts/src/dev/*.sol/*.json"],
      commands: { build: "hardhat build --quiet" },
    }),
  ],
});
