"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useConfig } from "wagmi";
import { RIGHT_BIT, RIGHT_LABEL, RIGHTS } from "@/lib/catalogue-terms";
import { shortenHex } from "@/lib/format";
import { formatPrice } from "@/lib/money";
import { checkLineage } from "@/lib/publish/lineage";
import { checkOffer } from "@/lib/publish/offer";
import { checkSplit } from "@/lib/publish/split";
import { termsHref } from "@/lib/publish/terms-api";
import { TransactionButton } from "@/tx/transaction-button";
import type { TxPlan } from "@/tx/use-transaction";
import { clearDraft, type PublishDraft } from "./draft";
import type { PublishContracts } from "./publish-calls";
import { DocumentsStatus, useSavedDocuments } from "./saved-documents";
import { registerKey } from "./signing-keys";
import { FIELD_ERROR, HINT, PANEL } from "./ui";
import { usePublishMode } from "./use-publish-mode";

const ONE_TX = [{ kind: "transaction", label: "Sign" }] as const;
const loadCalls = () => import("./publish-calls");
// Only wallets that batch atomically need it: the others never download the batch flow.
const BatchPublish = dynamic(() => import("./batch-publish").then((m) => m.BatchPublish));

/**
 * Every transaction listed with what it does, then signed: once, together, when the wallet batches
 * atomically (EIP-5792); otherwise one after another as a checklist. The card and the terms
 * documents are stored first (no wallet needed); each finished step is kept in the draft, so a
 * reload resumes at the first unfinished one (or follows the batch it had sent).
 */
export function ReviewStep({
  draft,
  update,
  contracts,
  chainId,
  assetName,
}: {
  draft: PublishDraft;
  update: (change: (draft: PublishDraft) => PublishDraft) => void;
  contracts: PublishContracts;
  chainId: number;
  assetName: string;
}) {
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const config = useConfig();
  const router = useRouter();
  const documents = useSavedDocuments(draft, update);
  const { progress } = draft;
  const split = checkSplit(draft.contributors);
  const lineage = checkLineage(draft.parents);
  const allOffersDone = draft.offers.every((_, i) => Boolean(progress.offerHashes[i]));
  const done = progress.assetId !== null && allOffersDone;
  const mode = usePublishMode(draft);
  const checklist = mode === "checklist";

  useEffect(() => {
    if (!done || progress.assetId === null) return;
    clearDraft();
    router.push(`/assets/${chainId}/${progress.assetId}?published=1`);
  }, [done, progress.assetId, chainId, router]);

  const registerPlan: TxPlan = {
    key: registerKey(draft.id),
    label: `Register ${assetName}`,
    prepare: async () => (await loadCalls()).registerWrite(draftRef.current, contracts),
  };

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="publish-mode" data-mode={mode}>
        {mode === "batch"
          ? `Publishing records these ${1 + draft.offers.length} steps on chain, signed once, together: your wallet asks one time, and all of them are recorded or none is.`
          : `Publishing takes ${1 + draft.offers.length} transactions, signed one after another.`}{" "}
        Each line says what it records on chain. If you close the page, come back: publishing resumes where it
        stopped.
      </p>
      {mode === "checking" ? (
        <p role="status" className={HINT}>
          Asking your wallet whether it can sign everything at once…
        </p>
      ) : null}
      <DocumentsStatus state={documents.status} />
      <ol className="space-y-4" data-testid="publish-checklist">
        <li
          className={`${PANEL} space-y-3`}
          data-testid="step-register"
          data-done={progress.assetId !== null}
        >
          <h3 className="font-semibold text-slate-900 dark:text-white">
            1. Register {assetName} as a {draft.kind}
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
            <li>
              Records the card (
              <span className="font-mono">
                {progress.card ? shortenHex(progress.card.sha256) : "saving…"}
              </span>
              ) and the artifact's sha256{" "}
              <span className="break-all font-mono" data-testid="review-artifact-hash">
                {draft.artifact?.sha256 ?? "(no artifact)"}
              </span>
              .
            </li>
            <li>
              Mints the revenue shares:{" "}
              {split.ok
                ? draft.contributors.map((c) => `${shortenHex(c.address)} ${c.percent} %`).join(", ")
                : split.summary}
              .
            </li>
            <li>
              {lineage.ok && lineage.parents.length > 0
                ? `Names ${lineage.parents.length} parent${lineage.parents.length === 1 ? "" : "s"}: ${lineage.parents.map((p) => `#${p.assetId} (${p.bps / 100} %)`).join(", ")}.`
                : "Names no parents."}
            </li>
            <li>Makes you the asset's owner (an ERC-721 token in your wallet).</li>
          </ul>
          {progress.assetId !== null ? (
            <p className="text-sm text-teal-800 dark:text-teal-300" data-testid="registered">
              Registered as asset #{progress.assetId}.
            </p>
          ) : checklist ? (
            <TransactionButton
              plan={registerPlan}
              action="publish"
              steps={ONE_TX}
              disabledReason={documents.ready ? null : documents.waitReason}
              onIndexed={async ({ hash }) => {
                const assetId = await (await loadCalls()).assetIdFromReceipt(
                  config,
                  hash,
                  contracts.assetRegistry,
                );
                update((d) => ({ ...d, progress: { ...d.progress, registerHash: hash, assetId } }));
              }}
            >
              Register the asset
            </TransactionButton>
          ) : null}
        </li>
        {draft.offers.map((offer, index) => {
          const checked = checkOffer(offer);
          const termsHash = progress.terms[index];
          const plan: TxPlan = {
            key: `publish:${draft.id}:offer:${index}`,
            label: `Create offer ${index + 1} on ${assetName}`,
            prepare: async () => (await loadCalls()).createOfferWrite(draftRef.current, index, contracts),
          };
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: offers have no identity beyond their position
            <li key={index} className={`${PANEL} space-y-3`} data-testid={`step-offer-${index}`}>
              <h3 className="font-semibold text-slate-900 dark:text-white">
                {index + 2}. Create offer {index + 1}
              </h3>
              {checked.ok ? (
                <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
                  <li>
                    {formatPrice(
                      checked.terms.price.toString(),
                      checked.terms.currency,
                      checked.terms.period,
                    )}
                  </li>
                  <li>
                    {RIGHTS.filter((r) => (checked.terms.rights & RIGHT_BIT[r]) !== 0)
                      .map((r) => RIGHT_LABEL[r])
                      .join(", ")}
                    ; {checked.terms.transferable ? "transferable" : "not transferable"};{" "}
                    {checked.terms.maxLicenses === 0
                      ? "no cap"
                      : `at most ${checked.terms.maxLicenses} licenses`}
                    ;{" "}
                    {checked.terms.pinnedVersion === 0
                      ? "always the latest version"
                      : `version ${checked.terms.pinnedVersion} only`}
                  </li>
                  <li>
                    Terms:{" "}
                    {termsHash ? (
                      <a
                        href={termsHref(termsHash)}
                        target="_blank"
                        rel="noreferrer"
                        className="font-mono text-teal-700 underline dark:text-teal-400"
                      >
                        {shortenHex(termsHash)}
                      </a>
                    ) : (
                      "saving…"
                    )}
                  </li>
                </ul>
              ) : (
                <p className={FIELD_ERROR}>{checked.problems[0]?.message}</p>
              )}
              {progress.offerHashes[index] ? (
                <p className="text-sm text-teal-800 dark:text-teal-300" data-testid="offer-created">
                  Offer created.
                </p>
              ) : checklist ? (
                <TransactionButton
                  plan={plan}
                  action="publish"
                  steps={ONE_TX}
                  disabledReason={
                    progress.assetId === null
                      ? "Register the asset first: the offer needs its number."
                      : termsHash
                        ? null
                        : "The terms are still being saved."
                  }
                  onIndexed={({ hash }) =>
                    update((d) => {
                      const offerHashes = [...d.progress.offerHashes];
                      offerHashes[index] = hash;
                      return { ...d, progress: { ...d.progress, offerHashes } };
                    })
                  }
                >
                  {`Create offer ${index + 1}`}
                </TransactionButton>
              ) : null}
            </li>
          );
        })}
      </ol>
      {mode === "batch" && !done ? (
        <BatchPublish
          draft={draft}
          update={update}
          contracts={contracts}
          assetName={assetName}
          disabledReason={documents.ready ? null : documents.waitReason}
        />
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-teal-800 dark:text-teal-300">
          Published. Opening the asset page…
        </p>
      ) : null}
    </div>
  );
}
