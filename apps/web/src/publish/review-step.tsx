"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useConfig, useConnection } from "wagmi";
import { describeSignInError, useSignIn, useSignInState } from "@/auth/use-session";
import { fetchJson } from "@/lib/api/problem";
import { RIGHT_BIT, RIGHT_LABEL, RIGHTS } from "@/lib/catalogue-query";
import { shortenHex } from "@/lib/format";
import { formatPrice } from "@/lib/money";
import { savedCardSchema } from "@/lib/publish/card-api";
import { checkLineage } from "@/lib/publish/lineage";
import { checkOffer } from "@/lib/publish/offer";
import { checkSplit } from "@/lib/publish/split";
import { savedTermsSchema, termsHref } from "@/lib/publish/terms-api";
import { TransactionButton } from "@/tx/transaction-button";
import type { TxPlan } from "@/tx/use-transaction";
import { clearDraft, type PublishDraft } from "./draft";
import type { PublishContracts } from "./publish-calls";
import { BUTTON_PRIMARY, FIELD_ERROR, HINT, PANEL } from "./ui";

const ONE_TX = [{ kind: "transaction", label: "Sign" }] as const;
const loadCalls = () => import("./publish-calls");

/**
 * Every transaction listed with what it does, then signed one after another as a checklist. The
 * card and the terms documents are stored first (no wallet needed); each finished step is kept in
 * the draft, so a reload resumes at the first unfinished one.
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

  useEffect(() => {
    if (!done || progress.assetId === null) return;
    clearDraft();
    router.push(`/assets/${chainId}/${progress.assetId}?published=1`);
  }, [done, progress.assetId, chainId, router]);

  const registerPlan: TxPlan = {
    key: `publish:${draft.id}:register`,
    label: `Register ${assetName}`,
    prepare: async () => (await loadCalls()).registerWrite(draftRef.current, contracts),
  };

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Publishing takes {1 + draft.offers.length} transactions, signed one after another. Each line says what
        it records on chain. If you close the page, come back: the list resumes where it stopped.
      </p>
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
          ) : (
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
          )}
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
              ) : (
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
              )}
            </li>
          );
        })}
      </ol>
      {done ? (
        <p role="status" className="text-sm text-teal-800 dark:text-teal-300">
          Published. Opening the asset page…
        </p>
      ) : null}
    </div>
  );
}

/**
 * Stores the card and each offer's terms document (the hashes the transactions commit to). Needs a
 * session: the server keeps documents only for signed-in builders.
 */
function useSavedDocuments(
  draft: PublishDraft,
  update: (change: (draft: PublishDraft) => PublishDraft) => void,
) {
  const signIn = useSignIn();
  const state = useSignInState();
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const signedIn = state.status === "signed-in";
  const missing = draft.progress.card === null || draft.offers.some((_, i) => !draft.progress.terms[i]);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs it on Retry
  useEffect(() => {
    if (!signedIn || !missing) return;
    let cancelled = false;
    (async () => {
      const d = draftRef.current;
      const post = (body: unknown) => ({
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const card =
        d.progress.card ??
        (await fetchJson("/api/cards", post({ kind: d.kind, body: d.card }), savedCardSchema));
      const terms = await Promise.all(
        d.offers.map(async (offer, i) => {
          const saved = d.progress.terms[i];
          if (saved) return saved;
          return (await fetchJson("/api/terms", post({ assetName: card.name, offer }), savedTermsSchema))
            .sha256;
        }),
      );
      if (cancelled) return;
      setError(null);
      update((current) => ({
        ...current,
        progress: { ...current.progress, card, terms },
      }));
    })().catch((e: unknown) => {
      if (!cancelled) setError(e instanceof Error ? e.message : "The documents could not be saved.");
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn, missing, attempt, update]);

  const waitReason = !signedIn
    ? "Sign in first: Tessera stores the card and the terms for signed-in builders."
    : error
      ? "The card or the terms could not be saved (see above)."
      : "Saving the card and the terms…";

  return {
    ready: signedIn && !missing,
    waitReason,
    status: { missing, signedIn, error, signIn, retry: () => setAttempt((n) => n + 1) },
  };
}

type DocumentsState = ReturnType<typeof useSavedDocuments>["status"];

/** Where the card and terms documents stand: stored, waiting for sign-in, saving, or failed. */
function DocumentsStatus({ state }: { state: DocumentsState }) {
  const { missing, signedIn, error, signIn, retry } = state;
  const connection = useConnection();
  if (!missing) {
    return (
      <p className={HINT} data-testid="documents-saved">
        The card and the terms are stored; their fingerprints are listed below.
      </p>
    );
  }
  if (!signedIn) {
    const address = connection.address;
    const chainId = connection.chain?.id;
    return (
      <div className={`${PANEL} space-y-2`}>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Sign in with your wallet (a free signature, no transaction) so Tessera can store your card and terms
          under your account.
        </p>
        <button
          type="button"
          className={BUTTON_PRIMARY}
          disabled={!address || chainId === undefined || signIn.isPending}
          onClick={() => address && chainId !== undefined && signIn.mutate({ address, chainId })}
          data-testid="publish-sign-in"
        >
          {signIn.isPending ? "Waiting for your wallet…" : "Sign in"}
        </button>
        {!address ? <p className={HINT}>Connect your wallet first (top right).</p> : null}
        {signIn.error ? <p className={FIELD_ERROR}>{describeSignInError(signIn.error)}</p> : null}
      </div>
    );
  }
  if (error) {
    return (
      <div className="space-y-2" role="alert">
        <p className={FIELD_ERROR}>{error}</p>
        <button type="button" className={BUTTON_PRIMARY} onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p role="status" className={HINT}>
      Saving the card and the terms…
    </p>
  );
}
