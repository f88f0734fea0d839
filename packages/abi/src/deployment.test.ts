import { describe, expect, it } from "vitest";
import { DeploymentError, parseDeployment } from "./deployment.ts";

describe("parseDeployment", () => {
  it("reads the Tessera module's addresses and checksums them", () => {
    const deployment = parseDeployment(31337, {
      "Tessera#AssetRegistry": "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512",
      "Tessera#RoyaltyShares": "0x5fbdb2315678afecb367f032d93f642f64180aa3",
    });
    expect(deployment).toEqual({
      chainId: 31337,
      contracts: {
        AssetRegistry: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
        RoyaltyShares: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      },
    });
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
