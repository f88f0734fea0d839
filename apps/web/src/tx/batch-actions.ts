import type { Address, Hex, Log } from "viem";
import { simulateCalls } from "viem/actions";
import type { Config } from "wagmi";
import { getPublicClient, sendCalls, simulateContract, waitForCallsStatus } from "wagmi/actions";
import type { ContractWrite } from "./use-transaction";

// The chain side of an EIP-5792 batch: simulate, send with `wallet_sendCalls`, follow with
// `wallet_getCallsStatus`. Loaded when a batch starts or a stored one resumes, like the single
// transaction's actions.

export type BatchTarget = { account: Address; chainId: number; calls: readonly ContractWrite[] };

/**
 * Runs the calls in order against the current state before the wallet opens (`eth_simulateV1`), so
 * a refusal is explained without costing a signature: a failing call throws its decoded revert.
 * Nodes without that method (Hardhat's, some providers) can only check the first call alone: the
 * later ones depend on its effects (an offer on the asset the registration creates).
 */
export async function simulateBatch(config: Config, { account, chainId, calls }: BatchTarget): Promise<void> {
  const client = getPublicClient(config, { chainId });
  let results: Awaited<ReturnType<typeof simulateCalls>>["results"] | null = null;
  try {
    if (client) ({ results } = await simulateCalls(client, { account, calls: calls.map(toCall) }));
  } catch {
    results = null; // the node cannot simulate a sequence: fall back below
  }
  if (results) {
    const failed = results.find((result) => result.status === "failure");
    if (failed?.error) throw failed.error;
    return;
  }
  const [first] = calls;
  if (first) await simulateContract(config, { ...first, account, chainId } as never);
}

/** Hands the calls to the wallet as one atomic batch; resolves with the wallet's id for it. */
export async function sendBatch(config: Config, { account, chainId, calls }: BatchTarget): Promise<string> {
  const { id } = await sendCalls(config, {
    account,
    chainId,
    calls: calls.map(toCall),
    // All or nothing: a wallet that cannot guarantee it must refuse rather than send one by one.
    forceAtomic: true,
  });
  return id;
}

export type BatchResult =
  | { status: "success"; hash: Hex; blockNumber: bigint; logs: readonly Log[] }
  /** The wallet could not send it (400), it reverted on chain (500), or only part ran (600). */
  | { status: "failure"; statusCode: number };

/** Waits until the wallet reports the batch included (or failed), polling `wallet_getCallsStatus`. */
export async function waitForBatch(
  config: Config,
  { id, timeout }: { id: string; timeout: number },
): Promise<BatchResult> {
  const result = await waitForCallsStatus(config, { id, timeout });
  if (result.status !== "success") return { status: "failure", statusCode: result.statusCode };
  const receipts = result.receipts ?? [];
  const last = receipts.reduce<(typeof receipts)[number] | undefined>(
    (latest, receipt) => (!latest || receipt.blockNumber >= latest.blockNumber ? receipt : latest),
    undefined,
  );
  if (!last) throw new Error("The wallet reported the batch done but gave no receipt for it.");
  return {
    status: "success",
    hash: last.transactionHash,
    blockNumber: last.blockNumber,
    logs: receipts.flatMap((receipt) => receipt.logs) as unknown as Log[],
  };
}

function toCall(write: ContractWrite) {
  return {
    to: write.address,
    abi: write.abi,
    functionName: write.functionName,
    args: write.args,
    ...(write.value ? { value: write.value } : {}),
  };
}
