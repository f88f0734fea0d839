"use client";

import { shortenHex } from "@/lib/format";
import type { BatchStage } from "./use-batch";
import type { TxStage } from "./use-transaction";

export type TxStep = { kind: "signature" | "transaction"; label: string };

const STATUS_ORDER = ["preparing", "signing", "pending", "confirmed", "indexed"] as const;

/**
 * Where a write stands, in words, announced to screen readers as it changes: the steps the wallet
 * will ask for (with their count), then pending → confirmed → indexed, or why it stopped.
 */
export function TransactionStatus({
  stage,
  steps,
  onRetry,
  onDismiss,
  idleHint,
}: {
  stage: TxStage | BatchStage;
  steps: readonly TxStep[];
  /** What the wallet will ask, when the step count alone would mislead (a batch: once, for all). */
  idleHint?: string;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const signatures = steps.filter((s) => s.kind === "signature").length;
  const transactions = steps.filter((s) => s.kind === "transaction").length;
  return (
    <div data-testid="tx-status" data-state={stage.status} className="space-y-2 text-sm">
      {stage.status === "idle" ? (
        <p className="text-slate-500 dark:text-slate-400">
          {idleHint ?? (
            <>
              Your wallet will ask for {countWords(signatures, "free signature", "free signatures")}
              {signatures > 0 && transactions > 0 ? " and " : ""}
              {countWords(transactions, "transaction", "transactions")}.
            </>
          )}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="text-slate-700 dark:text-slate-200">
        {message(stage)}
      </p>
      {"hash" in stage && stage.hash ? (
        <p className="font-mono text-xs text-slate-500 dark:text-slate-400" title={stage.hash}>
          Transaction {shortenHex(stage.hash, 6, 6)}
        </p>
      ) : null}
      {"batchId" in stage ? (
        <p className="font-mono text-xs text-slate-500 dark:text-slate-400" title={stage.batchId}>
          Batch {stage.batchId.length > 20 ? shortenHex(stage.batchId, 6, 6) : stage.batchId}
        </p>
      ) : null}
      {stage.status !== "idle" && stage.status !== "failed" ? <Progress stage={stage} /> : null}
      {stage.status === "failed" ? (
        <div role="alert" data-testid="tx-error" data-kind={stage.error.kind} className="space-y-2">
          <p className="text-rose-800 dark:text-rose-300">{stage.error.message}</p>
          <div className="flex gap-2">
            {stage.error.retry ? (
              <button
                type="button"
                data-testid="tx-retry"
                onClick={onRetry}
                className="rounded-full bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-white dark:text-slate-900"
              >
                Retry
              </button>
            ) : null}
            <button
              type="button"
              onClick={onDismiss}
              className="rounded-full px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function Progress({ stage }: { stage: TxStage | BatchStage }) {
  const reached = STATUS_ORDER.indexOf(stage.status as (typeof STATUS_ORDER)[number]);
  const labels = ["Check", "Sign", "Pending", "Confirmed", "Recorded"];
  return (
    <ol className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label="Progress">
      {labels.map((label, index) => (
        <li
          key={label}
          aria-current={index === reached ? "step" : undefined}
          className={
            index < reached || stage.status === "indexed"
              ? "text-teal-700 dark:text-teal-400"
              : index === reached
                ? "font-semibold text-slate-900 dark:text-white"
                : "text-slate-400 dark:text-slate-500"
          }
        >
          {index < reached || stage.status === "indexed" ? "✓ " : ""}
          {label}
        </li>
      ))}
    </ol>
  );
}

function message(stage: TxStage | BatchStage): string {
  switch (stage.status) {
    case "idle":
      return "";
    case "preparing":
      return "Checking the transaction before your wallet opens…";
    case "signing":
      return stage.kind === "signature"
        ? `${stage.step}: sign in your wallet. This is free and sends nothing yet.`
        : `${stage.step}: confirm the transaction in your wallet.`;
    case "pending":
      if ("batchId" in stage) {
        return stage.resumed
          ? "Still waiting for the network to include your batch (it was sent before this page loaded)…"
          : "Sent as one batch. Waiting for the network to include it…";
      }
      return stage.resumed
        ? "Still waiting for the network to include your transaction (it was sent before this page loaded)…"
        : "Sent. Waiting for the network to include it…";
    case "confirmed":
      return stage.slowIndexer
        ? `Confirmed in block ${stage.blockNumber}. Tessera is taking longer than usual to record it; it is safe on chain and this page updates by itself.`
        : `Confirmed in block ${stage.blockNumber}. Updating Tessera…`;
    case "indexed":
      return `Done: recorded in block ${stage.blockNumber}.`;
    case "failed":
      return "";
  }
}

function countWords(count: number, one: string, many: string): string {
  if (count === 0) return "";
  return count === 1 ? `one ${one}` : `${count} ${many}`;
}
