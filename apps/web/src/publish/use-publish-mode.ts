"use client";

import { useEffect, useRef, useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { hasPendingBatch, loadPending } from "@/tx/pending-store";
import type { PublishDraft } from "./draft";
import { batchKey, registerKey } from "./signing-keys";

/**
 * How the review step signs: `batch` (once, together, EIP-5792) when the wallet says it can run the
 * calls atomically, otherwise `checklist` (one transaction after another). Whatever has started
 * keeps its way: a checklist with a step sent stays a checklist, a batch in flight stays a batch.
 */
export type PublishMode = "checking" | "batch" | "checklist";

export function usePublishMode(draft: PublishDraft): PublishMode {
  const config = useConfig();
  const { address, chain } = useConnection();
  const chainId = chain?.id;
  const [detected, setDetected] = useState<{ for: string; batching: boolean } | null>(null);
  const checklistStarted =
    draft.progress.registerHash !== null ||
    draft.progress.assetId !== null ||
    loadPending(registerKey(draft.id)) !== null;
  const batchInFlight = hasPendingBatch(batchKey(draft.id));
  const subject = `${address}:${chainId}`;
  const needsAsking = !checklistStarted && !batchInFlight && address !== undefined && chainId !== undefined;

  // Asked once per account and chain: the answer stands while a batch runs and after it.
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!needsAsking || !address || chainId === undefined) return;
    const subject = `${address}:${chainId}`;
    if (asked.current === subject) return;
    asked.current = subject;
    void import("./atomic-batching")
      .then(({ detectAtomicBatching }) => detectAtomicBatching(config, address, chainId))
      .then((status) => setDetected({ for: subject, batching: status !== null }));
  }, [needsAsking, config, address, chainId]);

  if (checklistStarted) return "checklist";
  if (batchInFlight) return "batch";
  // Without a wallet there is nothing to ask yet: the gate under the list asks to connect one.
  if (address === undefined || chainId === undefined) return "checklist";
  if (detected?.for !== subject) return "checking";
  return detected.batching ? "batch" : "checklist";
}
