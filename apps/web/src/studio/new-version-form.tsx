"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import type { Address } from "viem";
import { fetchJson } from "@/lib/api/problem";
import { describeCardProblem, savedCardSchema } from "@/lib/publish/card-api";
import { BUTTON_QUIET, FIELD_ERROR, HINT, LABEL, PANEL } from "@/publish/ui";
import { useCardPreview } from "@/publish/use-card-preview";
import { TransactionButton } from "@/tx/transaction-button";
import { TxPreconditionError } from "@/tx/use-transaction";
import type { UploadResult } from "@/upload/api";
import { ArtifactUpload } from "@/upload/artifact-upload";

const STEPS = [{ kind: "transaction", label: "Publish the version" }] as const;

export type NewVersionTarget = {
  chainId: number;
  assetId: string;
  kind: "model" | "dataset";
  name: string;
  nextVersion: number;
  registry: Address;
  currentCard: string;
  currentMetadataUri: string;
};

/**
 * A new version: upload the new artifact, keep or update the card, then one transaction
 * (publishVersion). Offers that grant "always the latest version" move to it; offers pinned to an
 * earlier version keep granting that one.
 */
export function NewVersionForm({ target }: { target: NewVersionTarget }) {
  const router = useRouter();
  const editorId = useId();
  const [artifact, setArtifact] = useState<UploadResult | null>(null);
  const [editing, setEditing] = useState(false);
  const [card, setCard] = useState(target.currentCard);
  const { preview } = useCardPreview(editing ? target.kind : undefined, editing ? card : undefined);
  const cardRef = useRef({ editing, card });
  cardRef.current = { editing, card };

  const cardErrors = editing ? (preview?.errors ?? []) : [];
  const disabledReason = !artifact
    ? "Upload the new artifact first."
    : editing && !preview
      ? "Checking the card…"
      : cardErrors.length > 0
        ? "Fix the card's problems first (listed under it)."
        : null;

  return (
    <div className="space-y-6">
      <section className={`${PANEL} space-y-3`} aria-labelledby={`${editorId}-a`}>
        <h2 id={`${editorId}-a`} className="text-base font-semibold">
          1. The new artifact
        </h2>
        {artifact ? (
          <p className="text-sm" data-testid="version-artifact">
            {artifact.fileName}: <span className="break-all font-mono text-xs">{artifact.sha256}</span>
          </p>
        ) : (
          <ArtifactUpload onUploaded={setArtifact} />
        )}
      </section>
      <section className={`${PANEL} space-y-3`} aria-labelledby={`${editorId}-c`}>
        <h2 id={`${editorId}-c`} className="text-base font-semibold">
          2. The card
        </h2>
        {editing ? (
          <>
            <label htmlFor={editorId} className={LABEL}>
              Card for version {target.nextVersion}
            </label>
            <textarea
              id={editorId}
              value={card}
              onChange={(e) => setCard(e.target.value)}
              rows={16}
              spellCheck={false}
              className="w-full rounded-lg border border-slate-300 bg-white p-3 font-mono text-xs leading-5 dark:border-slate-600 dark:bg-slate-950"
            />
            {cardErrors.map((problem) => (
              <p key={`${problem.line}:${problem.message}`} className={FIELD_ERROR}>
                {describeCardProblem(problem)}
              </p>
            ))}
          </>
        ) : (
          <div className="space-y-2">
            <p className={HINT}>Version {target.nextVersion} keeps the current card unless you update it.</p>
            <button type="button" className={BUTTON_QUIET} onClick={() => setEditing(true)}>
              Update the card
            </button>
          </div>
        )}
      </section>
      <section className={`${PANEL} space-y-3`} aria-labelledby={`${editorId}-s`}>
        <h2 id={`${editorId}-s`} className="text-base font-semibold">
          3. Publish version {target.nextVersion}
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Records the new artifact's sha256{editing ? " and the updated card" : ""} on chain as version{" "}
          {target.nextVersion} of {target.name}.
        </p>
        <TransactionButton
          plan={{
            key: `publish-version:${target.chainId}:${target.assetId}:${target.nextVersion}`,
            label: `Publish version ${target.nextVersion} of ${target.name}`,
            prepare: async () => {
              if (!artifact) throw new TxPreconditionError("Upload the new artifact first.");
              const { editing: changed, card: text } = cardRef.current;
              let metadataURI = target.currentMetadataUri;
              if (changed && text !== target.currentCard) {
                try {
                  const saved = await fetchJson(
                    "/api/cards",
                    {
                      method: "POST",
                      headers: { "content-type": "application/json" },
                      body: JSON.stringify({ kind: target.kind, body: text }),
                    },
                    savedCardSchema,
                  );
                  metadataURI = saved.metadataURI;
                } catch (error) {
                  throw new TxPreconditionError(
                    error instanceof Error ? error.message : "The card could not be saved.",
                    {
                      retry: true,
                    },
                  );
                }
              }
              const { assetRegistryAbi } = await import("@tessera/abi/browser");
              return {
                address: target.registry,
                abi: assetRegistryAbi,
                functionName: "publishVersion",
                args: [BigInt(target.assetId), artifact.sha256, metadataURI],
              };
            },
          }}
          action="publish a version"
          steps={STEPS}
          disabledReason={disabledReason}
          onIndexed={() => router.push(`/assets/${target.chainId}/${target.assetId}`)}
        >
          {`Publish version ${target.nextVersion}`}
        </TransactionButton>
      </section>
    </div>
  );
}
