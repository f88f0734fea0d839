"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useState } from "react";
import { useConnection } from "wagmi";
import type { CardPreview } from "@/lib/publish/card-api";
import { checkLineage } from "@/lib/publish/lineage";
import { checkOffer } from "@/lib/publish/offer";
import { checkSplit } from "@/lib/publish/split";
import { hasPendingBatch, loadPending } from "@/tx/pending-store";
import { CardStep } from "./card-step";
import { clearDraft, loadDraft, newDraft, type PublishDraft, saveDraft } from "./draft";
import type { PublishContracts } from "./publish-calls";
import { batchKey, registerKey } from "./signing-keys";
import { BUTTON_PRIMARY, BUTTON_QUIET, FIELD_ERROR } from "./ui";
import { useCardPreview } from "./use-card-preview";

// Each later step loads when the builder reaches it: the first visit downloads only the card step
// (the upload client, the offer forms and the signing code are most of the wizard's weight).
const loading = () => <p className="text-sm text-slate-600 dark:text-slate-300">Loading this step…</p>;
const ArtifactStep = dynamic(() => import("./artifact-step").then((m) => m.ArtifactStep), { loading });
const ContributorsStep = dynamic(() => import("./contributors-step").then((m) => m.ContributorsStep), {
  loading,
});
const LineageStep = dynamic(() => import("./lineage-step").then((m) => m.LineageStep), { loading });
const OffersStep = dynamic(() => import("./offers-step").then((m) => m.OffersStep), { loading });
const ReviewStep = dynamic(() => import("./review-step").then((m) => m.ReviewStep), { loading });

const STEPS = ["Card", "Artifact", "Contributors", "Lineage", "Offers", "Review and sign"] as const;

/** The publish wizard: card → artifact → contributors → lineage → offers → review and sign. */
export function PublishWizard({ contracts, chainId }: { contracts: PublishContracts; chainId: number }) {
  const connection = useConnection();
  const [draft, setDraft] = useState<PublishDraft | null>(null);

  // The draft lives in localStorage (read after hydration: the server has no localStorage).
  useEffect(() => {
    setDraft(loadDraft() ?? newDraft(connection.address));
  }, [connection.address]);

  const update = useCallback((change: (draft: PublishDraft) => PublishDraft) => {
    setDraft((current) => {
      if (!current) return current;
      const next = change(current);
      saveDraft(next);
      return next;
    });
  }, []);

  const { preview, error: previewError } = useCardPreview(draft?.kind, draft?.card);

  if (!draft) {
    return <p className="text-sm text-slate-600 dark:text-slate-300">Loading your draft…</p>;
  }

  // Once the registration was sent (alone or in a batch), what it records is on chain: the inputs
  // are frozen.
  const signing =
    draft.progress.registerHash !== null ||
    loadPending(registerKey(draft.id)) !== null ||
    hasPendingBatch(batchKey(draft.id));
  /** An edit before signing makes the stored documents stale: they are saved again at review. */
  const edit = (change: (d: PublishDraft) => PublishDraft) =>
    update((d) => {
      const next = change(d);
      const documentsChanged = next.card !== d.card || next.kind !== d.kind || next.offers !== d.offers;
      return documentsChanged ? { ...next, progress: { ...next.progress, card: null, terms: [] } } : next;
    });

  const blocker = stepBlocker(draft, preview);
  const goTo = (step: number) => update((d) => ({ ...d, step }));
  const assetName = preview?.name ?? draft.progress.card?.name ?? "your asset";

  return (
    <div className="space-y-6">
      <nav aria-label="Publishing steps">
        <ol className="flex flex-wrap gap-2 text-sm">
          {STEPS.map((label, index) => {
            const current = draft.step === index;
            const reachable = !signing && index <= firstBlockedStep(draft, preview);
            return (
              <li key={label}>
                <button
                  type="button"
                  aria-current={current ? "step" : undefined}
                  disabled={!reachable && !current}
                  onClick={() => goTo(index)}
                  className={`rounded-full px-3 py-1 ring-1 ${current ? "bg-slate-900 text-white ring-slate-900 dark:bg-white dark:text-slate-900" : "text-slate-700 ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-300 dark:ring-slate-600 dark:hover:bg-slate-800"}`}
                >
                  {index + 1}. {label}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <section aria-labelledby="step-title" className="space-y-4">
        <h2 id="step-title" className="text-lg font-semibold text-slate-900 dark:text-white">
          {draft.step + 1}. {STEPS[draft.step]}
        </h2>
        {draft.step === 0 ? (
          <CardStep
            kind={draft.kind}
            card={draft.card}
            onKind={(kind) => edit((d) => ({ ...d, kind }))}
            onCard={(card) => edit((d) => ({ ...d, card }))}
            preview={preview}
            previewError={previewError}
          />
        ) : null}
        {draft.step === 1 ? (
          <ArtifactStep
            artifact={draft.artifact}
            onArtifact={(artifact) => edit((d) => ({ ...d, artifact }))}
          />
        ) : null}
        {draft.step === 2 ? (
          <ContributorsStep
            rows={draft.contributors}
            onRows={(contributors) => edit((d) => ({ ...d, contributors }))}
          />
        ) : null}
        {draft.step === 3 ? (
          <LineageStep rows={draft.parents} onRows={(parents) => edit((d) => ({ ...d, parents }))} />
        ) : null}
        {draft.step === 4 ? (
          <OffersStep
            offers={draft.offers}
            onOffers={(offers) => edit((d) => ({ ...d, offers }))}
            assetName={assetName}
            intendedUse={preview?.clinical.intendedUse ?? null}
          />
        ) : null}
        {draft.step === 5 ? (
          <ReviewStep
            draft={draft}
            update={update}
            contracts={contracts}
            chainId={chainId}
            assetName={assetName}
          />
        ) : null}
      </section>
      {draft.step < 5 ? (
        <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-700">
          {draft.step > 0 ? (
            <button type="button" className={BUTTON_QUIET} onClick={() => goTo(draft.step - 1)}>
              Back
            </button>
          ) : null}
          <button
            type="button"
            className={BUTTON_PRIMARY}
            data-testid="wizard-next"
            disabled={blocker !== null}
            aria-describedby={blocker ? "wizard-blocker" : undefined}
            onClick={() => goTo(draft.step + 1)}
          >
            Continue to {STEPS[draft.step + 1]?.toLowerCase()}
          </button>
          {blocker ? (
            <p id="wizard-blocker" className={FIELD_ERROR} data-testid="wizard-blocker">
              {blocker}
            </p>
          ) : null}
        </div>
      ) : null}
      {!signing ? (
        <button
          type="button"
          className="text-sm text-slate-500 underline underline-offset-2 hover:text-slate-800 dark:text-slate-400"
          onClick={() => {
            clearDraft();
            const fresh = newDraft(connection.address);
            saveDraft(fresh);
            setDraft(fresh);
          }}
        >
          Discard this draft and start again
        </button>
      ) : null}
    </div>
  );
}

/** Why the current step cannot be left forward yet, in words; null when it can. */
function stepBlocker(draft: PublishDraft, preview: CardPreview | null): string | null {
  switch (draft.step) {
    case 0:
      if (!preview) return "Checking the card…";
      return preview.errors.length > 0 ? "Fix the problems listed under the card first." : null;
    case 1:
      return draft.artifact ? null : "Upload the artifact first: its sha256 is what clinics will verify.";
    case 2: {
      const split = checkSplit(draft.contributors);
      return split.ok ? null : split.summary;
    }
    case 3: {
      const lineage = checkLineage(draft.parents);
      return lineage.ok ? null : lineage.summary;
    }
    case 4: {
      const index = draft.offers.findIndex((o) => !checkOffer(o).ok);
      if (index === -1) return draft.offers.length === 0 ? "Add at least one offer." : null;
      const result = checkOffer(draft.offers[index] as PublishDraft["offers"][number]);
      return `Offer ${index + 1}: ${result.ok ? "" : result.problems[0]?.message}`;
    }
    default:
      return null;
  }
}

/** The furthest step the builder may jump to: the first one whose own checks fail. */
function firstBlockedStep(draft: PublishDraft, preview: CardPreview | null): number {
  for (let step = 0; step < 5; step++) {
    if (stepBlocker({ ...draft, step }, preview) !== null) return step;
  }
  return 5;
}
