// Shapes shared by the eth_* readers: quantities and hashes travel as 0x-prefixed hex strings.
import type { Hex } from "viem";
import { z } from "zod";

// A prefix check, not a regex: a backfill validates hundreds of thousands of these.
export const hexSchema = z.custom<Hex>((value) => typeof value === "string" && value.startsWith("0x"), {
  message: "expected a 0x-prefixed hex string",
});

export const toQuantity = (value: bigint): Hex => `0x${value.toString(16)}`;
