import { encodeErrorResult } from "viem";
import { describe, expect, it } from "vitest";
import { decodeRevert, describeTxError } from "./describe-error";
import { tesseraErrorAbi } from "./error-abi";
import { ERROR_SENTENCES } from "./error-sentences";

const errorNames: string[] = [...new Set(tesseraErrorAbi.map((error) => error.name))];

describe("contract error sentences", () => {
  it("has a sentence for every custom error in @tessera/abi", () => {
    const missing = errorNames.filter((name) => !(name in ERROR_SENTENCES));
    expect(missing, `add a sentence for: ${missing.join(", ")}`).toEqual([]);
  });

  it("has no sentence for an error that no contract defines (stale entries)", () => {
    const stale = Object.keys(ERROR_SENTENCES).filter((name) => !errorNames.includes(name));
    expect(stale).toEqual([]);
  });

  it.each(tesseraErrorAbi.map((e) => [e.name, e] as const))(
    "%s reads as a sentence with its values filled in",
    (_name, error) => {
      const args = error.inputs.map((input) =>
        input.type === "address"
          ? "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
          : input.type === "bytes32"
            ? `0x${"ab".repeat(32)}`
            : input.type === "string"
              ? "x"
              : input.type === "bool"
                ? true
                : 7n,
      );
      const data = encodeErrorResult({ abi: [error], errorName: error.name, args });
      const decoded = decodeRevert(data);
      expect(decoded?.name).toBe(error.name);
      expect(decoded?.sentence).toMatch(/^[A-Z#0-9$].*[.!]$/s);
      expect(decoded?.sentence).not.toMatch(/undefined|\[object|NaN/);
    },
  );
});

describe("describeTxError", () => {
  it("recognises a wallet rejection anywhere in the cause chain", () => {
    const error = new Error("failed", { cause: Object.assign(new Error("User rejected"), { code: 4001 }) });
    expect(describeTxError(error)).toMatchObject({ kind: "rejected", retry: true });
  });

  it("decodes a nested revert (a token error inside a purchase) against every Tessera ABI", () => {
    const data = encodeErrorResult({
      abi: tesseraErrorAbi,
      errorName: "LicenseManagerSoldOut",
      args: [3n, 10],
    });
    const error = new Error("Execution reverted", { cause: Object.assign(new Error("rpc"), { data }) });
    expect(describeTxError(error)).toMatchObject({
      kind: "reverted",
      errorName: "LicenseManagerSoldOut",
      message: expect.stringMatching(/Offer #3 is sold out/),
    });
  });

  it("does not offer Retry when the account lacks ETH", () => {
    const error = Object.assign(new Error("insufficient funds for gas * price + value"), {
      name: "InsufficientFundsError",
    });
    expect(describeTxError(error)).toMatchObject({ kind: "funds", retry: false });
  });
});
