// A small, fast ABI decoder for the value types Tessera's events use: (u)intN, address, bool,
// bytesN, string, bytes and arrays of static types. Addresses come back lower-case: the checksum
// would cost a keccak per address, and every projection stores addresses lower-case anyway.
// Anything else falls back to viem.
import { type AbiParameter, decodeAbiParameters, type Hex } from "viem";

const STATIC = /^(u?int\d*|address|bool|bytes([1-9]|[12]\d|3[0-2]))$/;

function word(hex: string, index: number): string {
  return hex.slice(2 + index * 64, 2 + (index + 1) * 64);
}

function staticValue(type: string, w: string): unknown {
  if (type === "address") return `0x${w.slice(24)}`;
  if (type === "bool") return w.endsWith("1");
  if (type.startsWith("bytes")) return `0x${w.slice(0, Number(type.slice(5)) * 2)}`;
  const value = BigInt(`0x${w}`);
  const signed = type.startsWith("int");
  const bits = Number(type.slice(signed ? 3 : 4)) || 256;
  // Two's complement over the whole word (the ABI sign-extends).
  const decoded = signed && value >= 1n << 255n ? value - (1n << 256n) : value;
  // viem returns (u)int8..(u)int48 as numbers; keep that shape so the ABI's types stay true.
  return bits <= 48 ? Number(decoded) : decoded;
}

/** Decodes one indexed topic (a dynamic value is only its hash there). */
export function decodeTopic(input: AbiParameter, topic: Hex): unknown {
  return STATIC.test(input.type) ? staticValue(input.type, topic.slice(2)) : topic;
}

/** Decodes a log's data tuple. */
export function decodeData(inputs: readonly AbiParameter[], data: Hex): unknown[] {
  if (!inputs.every((input) => STATIC.test(input.type) || isSimpleDynamic(input.type))) {
    return [...decodeAbiParameters(inputs, data)];
  }
  return inputs.map((input, i) => {
    const head = word(data, i);
    if (STATIC.test(input.type)) return staticValue(input.type, head);
    const at = Number(BigInt(`0x${head}`)) / 32;
    const length = Number(BigInt(`0x${word(data, at)}`));
    if (input.type === "string" || input.type === "bytes") {
      const bytes = data.slice(2 + (at + 1) * 64, 2 + (at + 1) * 64 + length * 2);
      return input.type === "bytes" ? `0x${bytes}` : Buffer.from(bytes, "hex").toString("utf8");
    }
    const element = input.type.slice(0, -2);
    return Array.from({ length }, (_, k) => staticValue(element, word(data, at + 1 + k)));
  });
}

function isSimpleDynamic(type: string): boolean {
  return type === "string" || type === "bytes" || (type.endsWith("[]") && STATIC.test(type.slice(0, -2)));
}
