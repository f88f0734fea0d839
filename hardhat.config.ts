// Hardhat 3: compiles contracts/src with the npm `solc` (no compiler download), runs the Solidity
// tests in contracts/test, and deploys with the Ignition modules in contracts/ignition.
import { createRequire } from "node:module";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);
const solcVersion: string = require("solc/package.json").version;

// CI runs the fuzzers harder than a developer's edit-test loop; locally the seed is fixed so a
// failure reproduces on the next run.
const ci = process.env.CI === "true";

function compiler() {
  return {
    version: solcVersion,
    path: require.resolve("solc/soljson.js"),
    settings: {
      optimizer: { enabled: true, runs: 1_000 },
      evmVersion: "cancun",
    },
  };
}

export default defineConfig({
  plugins: [hardhatToolboxViem],
  solidity: {
    // Deployments (Ignition) build with the "production" profile, tests with "default": both must
    // compile identically, or what was tested is not what is deployed.
    profiles: { default: compiler(), production: compiler() },
  },
  paths: {
    sources: "contracts/src",
    tests: { solidity: "contracts/test" },
    ignition: "contracts/ignition",
  },
  test: {
    solidity: {
      fuzz: { runs: ci ? 1_000 : 256, ...(ci ? {} : { seed: "0x7e55e2a" }) },
      invariant: { runs: ci ? 100 : 32, depth: 50 },
    },
  },
  networks: {
    // The chain `scripts/dev.ts` starts with `hardhat node`.
    localhost: { type: "http", chainType: "l1", url: "http://127.0.0.1:8545" },
    // A public testnet, entirely from the environment (see README: "Deploy to a testnet").
    testnet: {
      type: "http",
      chainType: "l1",
      url: configVariable("TESSERA_TESTNET_RPC_URL"),
      accounts: [configVariable("TESSERA_DEPLOYER_PRIVATE_KEY")],
    },
  },
});
