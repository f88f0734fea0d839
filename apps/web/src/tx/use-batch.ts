"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Address, Hex, Log } from "viem";
import { type Config, useConfig, useConnection } from "wagmi";
import type { TxErrorDescription } from "./describe-error";
import {
  clearPendingBatch,
  loadPendingBatch,
  type PendingBatch,
  savePendingBatch,
} from "./pending-batch-store";
import {
  BUSY_STATUSES,
  type ContractWrite,
  describeWriteFailure,
  TxPreconditionError,
  type TxStage,
} from "./use-transaction";
import { waitUntilIndexed } from "./wait-indexed";

// Several calls signed once and recorded together (EIP-5792 `wallet_sendCalls` with atomicity
// required), through the same states as a single transaction:
//   preparing (checks, simulation) → signing (once, in the wallet) → pending (the wallet's batch id;
//   survives a reload and resumes with `wallet_getCallsStatus`) → confirmed (block) → indexed.
// A revert undoes every call; the plan may say why in words (e.g. another registration came first).

export type BatchContext = { account: Address; chainId: number; config: Config };

export type BatchPlan = {
  /** Stable per action and subject: the pending batch id is stored under it. */
  key: string;
  /** What the batch does, in words. */
  label: string;
  /** Reads and checks before the wallet opens; `meta` is kept with the pending batch for `explainRevert`. */
  prepare: (
    context: BatchContext,
  ) => Promise<{ calls: readonly ContractWrite[]; meta?: Record<string, string> }>;
  /** After an on-chain revert: a sentence saying why, when the plan can tell. */
  explainRevert?: (context: BatchContext, meta: Record<string, string>) => Promise<string | null>;
};

export type BatchStage =
  | Exclude<TxStage, { status: "pending" }>
  | { status: "pending"; batchId: string; resumed: boolean };

export type BatchOutcome = { hash: Hex; blockNumber: bigint; logs: readonly Log[] };

const STATUS_TIMEOUT_MS = 10 * 60 * 1000;

const loadActions = () => import("./batch-actions");

const NOT_SENT: TxErrorDescription = {
  kind: "unknown",
  retry: true,
  message: "Your wallet could not send the batch, so nothing was recorded. Try again.",
};
const REVERTED: TxErrorDescription = {
  kind: "reverted",
  retry: true,
  message:
    "The network refused the batch, so none of it was recorded (your wallet paid only the network fee). Try again: Tessera checks it first and says what is wrong.",
};
const PARTIAL: TxErrorDescription = {
  kind: "unknown",
  retry: false,
  message:
    "Your wallet ran only part of the batch although it was asked to run all of it or nothing. Check your wallet's activity before trying again, and contact Tessera support.",
};

/** EIP-5792: the wallet does not know the batch id it was asked about. */
const UNKNOWN_BUNDLE_ID = 5730;
// No Retry: signing again could publish twice if the first batch went through.
const FORGOTTEN: TxErrorDescription = {
  kind: "unknown",
  retry: false,
  message:
    "The wallet connected now does not know the batch this page sent, so Tessera cannot tell whether it went through. Check the asset in your wallet's activity or on the Studio page before trying again.",
};

function hasCode(error: unknown, code: number): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 10; depth++) {
    if ((e as { code?: unknown }).code === code) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export function useBatch(
  plan: BatchPlan,
  { onIndexed }: { onIndexed?: (outcome: BatchOutcome) => void } = {},
) {
  const config = useConfig();
  const connection = useConnection();
  const router = useRouter();
  const [stage, setStage] = useState<BatchStage>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);
  const planRef = useRef(plan);
  planRef.current = plan;
  const onIndexedRef = useRef(onIndexed);
  onIndexedRef.current = onIndexed;

  const fail = useCallback(async (error: unknown) => {
    setStage({ status: "failed", error: await describeWriteFailure(error) });
  }, []);

  /** Follows a sent batch to `indexed` by asking the wallet for its status, also after a reload. */
  const follow = useCallback(
    async (pending: PendingBatch, resumed: boolean) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const { key } = planRef.current;
      setStage({ status: "pending", batchId: pending.batchId, resumed });
      try {
        const result = await (await loadActions()).waitForBatch(config, {
          id: pending.batchId,
          timeout: STATUS_TIMEOUT_MS,
        });
        if (controller.signal.aborted) return;
        if (result.status === "failure") {
          clearPendingBatch(key);
          if (result.statusCode === 600) return setStage({ status: "failed", error: PARTIAL });
          if (result.statusCode < 500) return setStage({ status: "failed", error: NOT_SENT });
          const context = { account: pending.account as Address, chainId: pending.chainId, config };
          const why = await planRef.current.explainRevert?.(context, pending.meta).catch(() => null);
          return setStage({ status: "failed", error: why ? { ...REVERTED, message: why } : REVERTED });
        }
        const { hash, blockNumber } = result;
        setStage({ status: "confirmed", hash, blockNumber, slowIndexer: false });
        await waitUntilIndexed(blockNumber, {
          signal: controller.signal,
          onSlow: () => setStage({ status: "confirmed", hash, blockNumber, slowIndexer: true }),
        });
        clearPendingBatch(key);
        router.refresh();
        setStage({ status: "indexed", hash, blockNumber });
        onIndexedRef.current?.(result);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (hasCode(error, UNKNOWN_BUNDLE_ID)) {
          // Another wallet (or a reinstalled one) is connected now: asking again cannot help.
          clearPendingBatch(planRef.current.key);
          return setStage({ status: "failed", error: FORGOTTEN });
        }
        // A timeout or an unreachable wallet leaves the pending id: Retry (or a reload) asks again.
        await fail(error);
      }
    },
    [config, router, fail],
  );

  // A reload resumes a batch this flow had sent, once the wallet is back: only it knows the id.
  const connected = connection.status === "connected";
  useEffect(() => {
    if (!connected) return;
    const pending = loadPendingBatch(plan.key);
    if (pending) void follow(pending, true);
    return () => abort.current?.abort();
  }, [plan.key, connected, follow]);

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
    try {
      const { calls, meta = {} } = await prepare({ account, chainId, config });
      const actions = await loadActions();
      await actions.simulateBatch(config, { account, chainId, calls });
      setStage({ status: "signing", step: label, kind: "transaction" });
      const batchId = await actions.sendBatch(config, { account, chainId, calls });
      const pending: PendingBatch = { batchId, chainId, account, label, since: Date.now(), meta };
      savePendingBatch(key, pending);
      await follow(pending, false);
    } catch (error) {
      await fail(error);
    }
  }, [config, connection.address, connection.chain?.id, follow, fail]);

  /** Retry: ask again about a stored batch, or start over (prepare reads the chain afresh). */
  const retry = useCallback(() => {
    const pending = loadPendingBatch(planRef.current.key);
    if (pending) return void follow(pending, true);
    return void start();
  }, [follow, start]);

  const reset = useCallback(() => setStage({ status: "idle" }), []);

  return { stage, start, retry, reset, busy: BUSY_STATUSES.has(stage.status) };
}
