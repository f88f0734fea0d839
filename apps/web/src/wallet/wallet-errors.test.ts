import { describe, expect, it } from "vitest";
import { ProviderNotFoundError } from "wagmi";
import { describeConnectError, NO_WALLET_MESSAGE } from "./wallet-errors";

describe("describeConnectError", () => {
  it("tells the user to install a wallet when there is no provider", () => {
    expect(describeConnectError(new ProviderNotFoundError())).toBe(NO_WALLET_MESSAGE);
  });

  it("recognises a rejection anywhere in the cause chain (EIP-1193 code 4001)", () => {
    const error = new Error("Connection failed", {
      cause: Object.assign(new Error("denied"), { code: 4001 }),
    });
    expect(describeConnectError(error)).toMatch(/declined/);
  });

  it("falls back to the error's short message", () => {
    const error = Object.assign(new Error("long text"), { shortMessage: "Chain not configured." });
    expect(describeConnectError(error)).toBe("Could not connect the wallet: Chain not configured.");
  });
});
