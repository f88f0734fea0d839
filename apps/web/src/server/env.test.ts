import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv, requireDatabaseUrl } from "./env";

describe("parseServerEnv", () => {
  it("defaults the chain id to the local Hardhat chain (31337)", () => {
    expect(parseServerEnv({}).TESSERA_CHAIN_ID).toBe(31337);
  });

  it("reads the chain id as a number", () => {
    expect(parseServerEnv({ TESSERA_CHAIN_ID: "11155111" }).TESSERA_CHAIN_ID).toBe(11155111);
  });

  it("accepts postgres:// and postgresql:// database URLs", () => {
    for (const url of ["postgres://u@localhost/db", "postgresql://postgres@127.0.0.1:5432/test"]) {
      expect(parseServerEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it("treats an empty variable as unset", () => {
    const env = parseServerEnv({ DATABASE_URL: "", TESSERA_CHAIN_ID: "", TESSERA_RPC_URL: "" });
    expect(env).toMatchObject({
      DATABASE_URL: undefined,
      TESSERA_CHAIN_ID: 31337,
      TESSERA_RPC_URL: "http://127.0.0.1:8545",
    });
  });

  it("rejects a database URL of another kind, naming the variable", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "mysql://localhost/db" })).toThrowError(/DATABASE_URL/);
  });

  it("rejects an RPC URL that is not http(s), naming the variable", () => {
    expect(() => parseServerEnv({ TESSERA_RPC_URL: "ws://127.0.0.1:8545" })).toThrowError(/TESSERA_RPC_URL/);
  });

  it.each(["abc", "0", "-5", "1.5"])("rejects the chain id %j", (value) => {
    expect(() => parseServerEnv({ TESSERA_CHAIN_ID: value })).toThrowError(EnvError);
  });
});

describe("requireDatabaseUrl", () => {
  it("returns the configured URL", () => {
    const env = parseServerEnv({ DATABASE_URL: "postgresql://localhost/tessera" });
    expect(requireDatabaseUrl(env)).toBe("postgresql://localhost/tessera");
  });

  it("fails with a coded error that says how to set it when it is missing", () => {
    const error = (() => {
      try {
        requireDatabaseUrl(parseServerEnv({}));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error).toMatchObject({
      code: "ENV_MISSING",
      message: expect.stringMatching(/DATABASE_URL is not set/),
    });
  });
});
