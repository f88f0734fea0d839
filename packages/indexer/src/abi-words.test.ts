import { type AbiParameter, decodeAbiParameters, encodeAbiParameters, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { decodeData, decodeTopic } from "./abi-words.ts";

const lowerAddresses = (value: unknown): unknown =>
  typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)
    ? value.toLowerCase()
    : Array.isArray(value)
      ? value.map(lowerAddresses)
      : value;

describe("abi-words", () => {
  it("decodes what viem decodes, with lower-case addresses", () => {
    const inputs: AbiParameter[] = [
      { name: "a", type: "uint256" },
      { name: "b", type: "address" },
      { name: "c", type: "uint8" },
      { name: "d", type: "bool" },
      { name: "e", type: "bytes32" },
      { name: "f", type: "string" },
      { name: "g", type: "uint256[]" },
      { name: "h", type: "uint16[]" },
      { name: "i", type: "uint64" },
      { name: "j", type: "int24" },
      { name: "k", type: "address[]" },
      { name: "l", type: "bytes" },
    ];
    const values = [
      2n ** 255n + 7n,
      "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
      255,
      true,
      `0x${"ab".repeat(32)}`,
      "tessera://card/ünïcode ✓",
      [1n, 2n ** 200n],
      [0, 1000, 65535],
      2n ** 63n,
      -5,
      ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0x0000000000000000000000000000000000000000"],
      "0xdeadbeef",
    ] as const;
    const data = encodeAbiParameters(inputs, values as never);
    expect(decodeData(inputs, data)).toEqual(lowerAddresses([...decodeAbiParameters(inputs, data)]));
  });

  it("decodes topics, leaving a dynamic value's hash as it is", () => {
    const topic = encodeAbiParameters([{ type: "address" }], ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8"]);
    expect(decodeTopic({ type: "address" }, topic)).toBe("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    expect(decodeTopic({ type: "uint32" }, encodeAbiParameters([{ type: "uint32" }], [7]))).toBe(7);
    const hash = `0x${"12".repeat(32)}` as Hex;
    expect(decodeTopic({ type: "string" }, hash)).toBe(hash);
  });

  it("falls back to viem for types it does not handle itself", () => {
    const inputs: AbiParameter[] = [
      { name: "t", type: "tuple", components: [{ name: "x", type: "uint256" }] },
    ] as AbiParameter[];
    const data = encodeAbiParameters(inputs, [{ x: 5n }] as never);
    expect(decodeData(inputs, data)).toEqual([{ x: 5n }]);
  });
});
