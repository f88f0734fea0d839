import { describe, expect, it } from "vitest";
import { DeploymentError, parseDeployment } from "./deployment.ts";

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
