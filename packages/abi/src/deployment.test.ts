import { describe, expect, it } from "vitest";
import { DeploymentError, parseDeployment, startBlockOf } from "./deployment.ts";

describe("parseDeployment", () => {
  it("reads the Tessera module's addresses and checksums them", () => {
    const lower = {
      AssetRegistry: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
      RoyaltyShares: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
      LicenseManager: "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0",
      StakingPool: "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
      StakeToken: "0xdc64a140aa3e981100a9beca4e685f962f0cf6c9",
      Stablecoin: "0x5fc8d32690cc91d4c39d9d3abcbd16989f875707",
    };
    const deployment = parseDeployment(
      31337,
      Object.fromEntries(Object.entries(lower).map(([name, address]) => [`Tessera#${name}`, address])),
    );
    expect(deployment.contracts.AssetRegistry).toBe("0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
    expect(deployment.contracts.Stablecoin).toBe("0x5FC8d32690cc91D4c39d9d3abcBD16989F875707");
    expect(Object.keys(deployment.contracts)).toHaveLength(6);
  });

  it("names the missing contract when the module is only partly deployed", () => {
    expect(() =>
      parseDeployment(1, { "Other#AssetRegistry": "0x5fbdb2315678afecb367f032d93f642f64180aa3" }),
    ).toThrow(/AssetRegistry is not deployed/);
  });

  it("rejects something that is not an address", () => {
    expect(() => parseDeployment(1, { "Tessera#AssetRegistry": "0x1234" })).toThrow(DeploymentError);
  });
});

describe("a production deployment and its start block", () => {
  it("reads the TesseraProduction module's addresses too", () => {
    const names = [
      "AssetRegistry",
      "RoyaltyShares",
      "LicenseManager",
      "StakingPool",
      "StakeToken",
      "Stablecoin",
    ];
    const json = Object.fromEntries(
      names.map((name, i) => [`TesseraProduction#${name}`, `0x${String(i + 1).padStart(40, "0")}`]),
    );
    expect(parseDeployment(10, json).contracts.StakingPool).toBe(
      "0x0000000000000000000000000000000000000004",
    );
  });

  it("takes the earliest confirmed deployment transaction's block from Ignition's journal", () => {
    const journal = [
      '{"type":"DEPLOYMENT_INITIALIZE","chainId":11155111}',
      '{"futureId":"Tessera#RoyaltyShares","type":"TRANSACTION_CONFIRM","receipt":{"blockNumber":7012}}',
      '{"futureId":"Tessera#AssetRegistry","type":"TRANSACTION_CONFIRM","receipt":{"blockNumber":7009}}',
      '{"futureId":"Tessera#AllowCurrency0","type":"TRANSACTION_CONFIRM","receipt":{"blockNumber":7100}}',
      "",
    ].join("\n");
    expect(startBlockOf(journal)).toBe(7009n);
    expect(startBlockOf("")).toBe(0n);
  });
});
