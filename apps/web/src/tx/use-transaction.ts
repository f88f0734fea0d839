"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Abi, Address, Hex, TypedDataDefinition } from "viem";
import { type Config, useConfig, useConnection } from "wagmi";
import type { TxErrorDescription } from "./describe-error";
import { clearPending, loadPending, type PendingTx, savePending } from "./pending-store";
import { waitUntilIndexed } from "./wait-indexed";

// The one transaction flow every write in the app goes through:
//   preparing (checks and simulation, before the wallet opens)
//   → signing (each signature, then the transaction, in the wallet)
//   → pending (hash; survives a reload) → confirmed (block) → indexed (Tessera's database has it,
//   and the page has re-rendered with the new data).
// A rejection or a refusal stops at `failed` with words for the user; nothing re-prompts by itself.

export type ContractWrite = {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
};

export type TxContext = {
  account: Address;
  chainId: number;
  config: Config;
  /** Asks the wallet for an EIP-712 signature (e.g. an EIP-2612 permit) as a named step. */
  signTypedData: (step: string, data: TypedDataDefinition) => Promise<Hex>;
};

export type TxPlan = {
  /** Stable per action and subject ("stake:31337:5"): a pending hash is stored under it. */
  key: string;
  /** What the transaction does, in words ("Stake 100 TST on CXR Triage"). */
  label: string;
  /** Reads, checks and signatures before the transaction; returns the call to simulate and send. */
  prepare: (context: TxContext) => Promise<ContractWrite>;
};

export type TxStage =
  | { status: "idle" }
  | { status: "preparing" }
  | { status: "signing"; step: string; kind: "signature" | "transaction" }
  | { status: "pending"; hash: Hex; resumed: boolean }
  | { status: "confirmed"; hash: Hex; blockNumber: bigint; slowIndexer: boolean }
  | { status: "indexed"; hash: Hex; blockNumber: bigint }
  | { status: "failed"; error: TxErrorDescription; hash?: Hex };

export const BUSY_STATUSES: ReadonlySet<TxStage["status"]> = new Set([
  "preparing",
  "signing",
  "pending",
  "confirmed",
]);

/** Thrown in prepare() to refuse before the wallet opens, with a sentence (e.g. "You hold 0 TST"). */
export class TxPreconditionError extends Error {
  override readonly name = "TxPreconditionError";
  readonly retry: boolean;

  constructor(message: string, { retry = false }: { retry?: boolean } = {}) {
    super(message);
    this.retry = retry;
  }
}

const RECEIPT_TIMEOUT_MS = 10 * 60 * 1000;

// The chain actions and the revert decoder (every ABI's errors, viem's decoders) load when a write
// starts or a stored one resumes, not with the page: most visitors never press a write button.
const loadActions = () => import("wagmi/actions");
const loadDescribe = async () => (await import("./describe-error")).describeTxError;

export type TxOutcome = { hash: Hex; blockNumber: bigint };

/** Words for a failed write: a refusal before the wallet opened keeps its own sentence. */
export async function describeWriteFailure(error: unknown): Promise<TxErrorDescription> {
  return error instanceof TxPreconditionError
    ? { kind: "reverted", message: error.message, retry: error.retry }
    : (await loadDescribe())(error);
}

export function useTransaction(
  plan: TxPlan,
  { onIndexed }: { onIndexed?: (outcome: TxOutcome) => void } = {},
) {
  const config = useConfig();
  const connection = useConnection();
  const router = useRouter();
  const [stage, setStage] = useState<TxStage>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);
  const planRef = useRef(plan);
  planRef.current = plan;
  const onIndexedRef = useRef(onIndexed);
  onIndexedRef.current = onIndexed;

  const fail = useCallback(async (error: unknown, hash?: Hex) => {
    setStage({ status: "failed", error: await describeWriteFailure(error), ...(hash ? { hash } : {}) });
  }, []);

  /** Follows a sent transaction to `indexed`, through replacements (speed-up, cancel) and reloads. */
  const follow = useCallback(
    async (pending: PendingTx, resumed: boolean) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const { key } = planRef.current;
      let hash = pending.hash as Hex;
      setStage({ status: "pending", hash, resumed });
      try {
        const { waitForTransactionReceipt } = await loadActions();
        if (resumed && (await vanished(config, pending))) {
          clearPending(key);
          return setStage({
            status: "failed",
            hash,
            error: {
              kind: "unknown",
              retry: true,
              message:
                "This transaction was replaced or dropped by your wallet while the page was closed. Check your wallet's activity; if it did not go through, try again.",
            },
          });
        }
        let cancelled = false;
        const receipt = await waitForTransactionReceipt(config, {
          hash,
          chainId: pending.chainId,
          timeout: RECEIPT_TIMEOUT_MS,
          onReplaced: (replacement) => {
            // Speed-up (repriced) or another transaction with the same nonce: follow the new one.
            hash = replacement.transaction.hash;
            cancelled = replacement.reason === "cancelled";
            savePending(key, { ...pending, hash });
            setStage({ status: "pending", hash, resumed });
          },
        });
        if (controller.signal.aborted) return;
        if (cancelled) {
          clearPending(key);
          return setStage({
            status: "failed",
            hash,
            error: {
              kind: "rejected",
              retry: true,
              message: "You cancelled this transaction in your wallet.",
            },
          });
        }
        const blockNumber = receipt.blockNumber;
        setStage({ status: "confirmed", hash, blockNumber, slowIndexer: false });
        await waitUntilIndexed(blockNumber, {
          signal: controller.signal,
          onSlow: () => setStage({ status: "confirmed", hash, blockNumber, slowIndexer: true }),
        });
        clearPending(key);
        // Server components read the database: re-render them now that it holds this block.
        router.refresh();
        setStage({ status: "indexed", hash, blockNumber });
        onIndexedRef.current?.({ hash, blockNumber });
      } catch (error) {
        if (controller.signal.aborted) return;
        // A revert is final; a timeout or network error leaves the pending entry to resume later.
        if ((await loadDescribe())(error).kind === "reverted") clearPending(key);
        await fail(error, hash);
      }
    },
    [config, router, fail],
  );

  // A reload (or navigating back) resumes a transaction this flow had sent.
  useEffect(() => {
    const pending = loadPending(plan.key);
    if (pending) void follow(pending, true);
    return () => abort.current?.abort();
  }, [plan.key, follow]);

  const start = useCallback(async () => {
    const { key, label, prepare } = planRef.current;
    const account = connection.address;
    const chainId = connection.chain?.id;
    if (!account || chainId === undefined) {
      return fail(
        new TxPreconditionError("Connect your wallet on Tessera's network first.", { retry: true }),
      );
    }
    setStage({ status: "preparing" });
    let hash: Hex | undefined;
    try {
      const { getTransactionCount, signTypedData, simulateContract, writeContract } = await loadActions();
      const write = await prepare({
        account,
        chainId,
        config,
        signTypedData: async (step, data) => {
          setStage({ status: "signing", step, kind: "signature" });
          const signature = await signTypedData(config, { account, ...data } as never);
          setStage({ status: "preparing" });
          return signature;
        },
      });
      // Simulate before the wallet opens: a refusal is explained without costing a signature.
      const { request } = await simulateContract(config, { ...write, account, chainId } as never);
      const nonce = await getTransactionCount(config, { address: account, chainId, blockTag: "pending" });
      setStage({ status: "signing", step: label, kind: "transaction" });
      hash = await writeContract(config, request);
      const pending: PendingTx = { hash, chainId, account, nonce, label, since: Date.now() };
      savePending(key, pending);
      await follow(pending, false);
    } catch (error) {
      await fail(error, hash);
    }
  }, [config, connection.address, connection.chain?.id, follow, fail]);

  /** Retry: resume following a stored transaction, or start over (the user asked; the wallet opens). */
  const retry = useCallback(() => {
    const pending = loadPending(planRef.current.key);
    if (pending) return void follow(pending, true);
    return void start();
  }, [follow, start]);

  const reset = useCallback(() => setStage({ status: "idle" }), []);

  return { stage, start, retry, reset, busy: BUSY_STATUSES.has(stage.status) };
}

/** True when the stored hash is unknown to the chain and its nonce was used by another transaction. */
async function vanished(config: Config, pending: PendingTx): Promise<boolean> {
  if (pending.nonce === undefined) return false;
  const { getTransaction, getTransactionCount } = await loadActions();
  try {
    await getTransaction(config, { hash: pending.hash as Hex, chainId: pending.chainId });
    return false;
  } catch {
    const used = await getTransactionCount(config, {
      address: pending.account as Address,
      chainId: pending.chainId,
      blockTag: "latest",
    });
    return used > pending.nonce;
  }
}
