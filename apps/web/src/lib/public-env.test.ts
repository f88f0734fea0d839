import { describe, expect, it } from "vitest";
import { parsePublicEnv } from "./public-env";

describe("parsePublicEnv", () => {
  it("defaults to the local Hardhat node", () => {
    expect(parsePublicEnv({})).toEqual({ rpcUrl: "http://127.0.0.1:8545", chainId: 31337 });
  });

  it("reads a configured RPC URL and chain id", () => {
    const env = parsePublicEnv({
      NEXT_PUBLIC_RPC_URL: "https://rpc.example.org",
      NEXT_PUBLIC_CHAIN_ID: "84532",
    });
    expect(env).toEqual({ rpcUrl: "https://rpc.example.org", chainId: 84532 });
  });

  it("treats empty variables as unset", () => {
    expect(parsePublicEnv({ NEXT_PUBLIC_RPC_URL: "", NEXT_PUBLIC_CHAIN_ID: "" }).chainId).toBe(31337);
  });

  it.each([
    ["a non-http RPC URL", { NEXT_PUBLIC_RPC_URL: "ws://127.0.0.1:8545" }],
    ["a malformed RPC URL", { NEXT_PUBLIC_RPC_URL: "localhost 8545" }],
    ["a non-numeric chain id", { NEXT_PUBLIC_CHAIN_ID: "hardhat" }],
  ])("rejects %s, naming the variable", (_label, source) => {
    expect(() => parsePublicEnv(source)).toThrowError(/NEXT_PUBLIC_/);
  });
});
