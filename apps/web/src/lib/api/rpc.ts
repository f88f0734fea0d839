// The browser's read path to the chain: JSON-RPC through Tessera's own origin, so the node's URL (and
// any provider key in it) stays on the server. Only reads are served; the wallet sends transactions.
import { z } from "zod";

export const RPC_READ_METHODS = [
  "eth_blockNumber",
  "eth_call",
  "eth_chainId",
  "eth_estimateGas",
  "eth_feeHistory",
  "eth_gasPrice",
  "eth_getBalance",
  "eth_getBlockByHash",
  "eth_getBlockByNumber",
  "eth_getCode",
  "eth_getStorageAt",
  "eth_getTransactionByHash",
  "eth_getTransactionCount",
  "eth_getTransactionReceipt",
  "eth_maxPriorityFeePerGas",
  // Runs calls in sequence without sending them: a batched publish is checked before the wallet opens.
  "eth_simulateV1",
  "net_version",
] as const;

export const MAX_RPC_BATCH = 20;

const rpcCallSchema = z.strictObject({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.number().int().nonnegative(), z.string().max(64)]),
  method: z.enum(RPC_READ_METHODS, {
    error: (issue) =>
      `${String(issue.input)} is not a read Tessera serves (reads only; your wallet sends transactions)`,
  }),
  params: z.array(z.unknown()).max(8).optional(),
});

const rpcBatchSchema = z
  .array(rpcCallSchema)
  .min(1, "is an empty batch")
  .max(MAX_RPC_BATCH, `holds more than ${MAX_RPC_BATCH} calls`);

type RpcRequest = z.infer<typeof rpcCallSchema> | z.infer<typeof rpcBatchSchema>;

/**
 * One call or a batch. Chosen by shape rather than with z.union, so a refusal names the real
 * problem ("eth_sendRawTransaction is not a read…") instead of "matches neither".
 */
export const rpcRequestSchema = z.unknown().transform((value, context): RpcRequest => {
  const result = (Array.isArray(value) ? rpcBatchSchema : rpcCallSchema).safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    context.addIssue({ code: "custom", message: issue.message, path: issue.path });
  }
  return z.NEVER;
});
