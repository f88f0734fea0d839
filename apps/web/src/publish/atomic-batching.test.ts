import { describe, expect, it } from "vitest";
import { atomicStatusOf } from "./atomic-batching";

describe("reading a wallet's atomic batching capability", () => {
  it("batches when the wallet says supported or ready for Tessera's chain", () => {
    expect(atomicStatusOf({ 31337: { atomic: { status: "supported" } } }, 31337)).toBe("supported");
    expect(atomicStatusOf({ 31337: { atomic: { status: "ready" } } }, 31337)).toBe("ready");
  });

  it("uses the answer for every chain (chain 0) when the chain has no entry of its own", () => {
    expect(atomicStatusOf({ 0: { atomic: { status: "supported" } } }, 31337)).toBe("supported");
    expect(
      atomicStatusOf(
        { 0: { atomic: { status: "supported" } }, 31337: { atomic: { status: "unsupported" } } },
        31337,
      ),
    ).toBeNull();
  });

  it("keeps the checklist for unsupported, other chains, unknown statuses and malformed answers", () => {
    expect(atomicStatusOf({ 31337: { atomic: { status: "unsupported" } } }, 31337)).toBeNull();
    expect(atomicStatusOf({ 1: { atomic: { status: "supported" } } }, 31337)).toBeNull();
    expect(atomicStatusOf({ 31337: { atomic: { status: "maybe" } } }, 31337)).toBeNull();
    expect(atomicStatusOf({ 31337: { paymasterService: { supported: true } } }, 31337)).toBeNull();
    for (const answer of [
      null,
      undefined,
      "yes",
      42,
      [],
      { 31337: null },
      { 31337: { atomic: "supported" } },
    ]) {
      expect(atomicStatusOf(answer, 31337)).toBeNull();
    }
  });

  it("accepts an early draft's atomicBatch flag, but only when it is true", () => {
    expect(atomicStatusOf({ 31337: { atomicBatch: { supported: true } } }, 31337)).toBe("supported");
    expect(atomicStatusOf({ 31337: { atomicBatch: { supported: false } } }, 31337)).toBeNull();
    expect(atomicStatusOf({ 31337: { atomicBatch: { supported: "true" } } }, 31337)).toBeNull();
  });
});
