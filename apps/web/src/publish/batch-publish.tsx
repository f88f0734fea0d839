"use client";

import { useConfig } from "wagmi";
import { BatchButton } from "@/tx/batch-button";
import type { BatchOutcome, BatchPlan } from "@/tx/use-batch";
import type { PublishDraft } from "./draft";
import type { PublishContracts } from "./publish-calls";
import { batchKey } from "./signing-keys";
import { PANEL } from "./ui";

const loadBatch = () => import("./publish-batch");
const loadCalls = () => import("./publish-calls");

/** The one signature of a batched publish: the registration and every offer, recorded together. */
export function BatchPublish({
  draft,
  update,
  contracts,
  assetName,
  disabledReason,
}: {
  draft: PublishDraft;
  update: (change: (draft: PublishDraft) => PublishDraft) => void;
  contracts: PublishContracts;
  assetName: string;
  disabledReason: string | null;
}) {
  const config = useConfig();
  const count = 1 + draft.offers.length;
  const plan: BatchPlan = {
    key: batchKey(draft.id),
    label: `Publish ${assetName} (${count} transactions at once)`,
    prepare: async ({ chainId }) =>
      (await loadBatch()).preparePublishBatch(config, draft, contracts, chainId),
    explainRevert: async ({ account, chainId }, meta) =>
      meta.assetId
        ? (await loadBatch()).explainPublishRevert(config, {
            account,
            chainId,
            registry: contracts.assetRegistry,
            assetId: meta.assetId,
          })
        : null,
  };

  async function recorded({ hash, logs }: BatchOutcome) {
    const assetId = (await loadCalls()).assetIdFromLogs(logs, contracts.assetRegistry);
    update((d) => ({
      ...d,
      progress: {
        ...d.progress,
        registerHash: hash as string,
        assetId,
        offerHashes: d.offers.map(() => hash),
      },
    }));
  }

  return (
    <section
      className={`${PANEL} space-y-3`}
      data-testid="publish-batch"
      aria-labelledby="publish-batch-title"
    >
      <h3 id="publish-batch-title" className="font-semibold text-slate-900 dark:text-white">
        Sign once
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Your wallet can record all {count} steps above in one transaction. If any of them is refused, none is
        recorded.
      </p>
      <BatchButton
        plan={plan}
        action="publish"
        disabledReason={disabledReason}
        onIndexed={(o) => void recorded(o)}
      >
        {`Sign and publish ${assetName}`}
      </BatchButton>
    </section>
  );
}
