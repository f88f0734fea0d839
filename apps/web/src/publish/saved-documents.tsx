"use client";

import { useEffect, useRef, useState } from "react";
import { useConnection } from "wagmi";
import { describeSignInError, useSignIn, useSignInState } from "@/auth/use-session";
import { fetchJson } from "@/lib/api/problem";
import { savedCardSchema } from "@/lib/publish/card-api";
import { savedTermsSchema } from "@/lib/publish/terms-api";
import type { PublishDraft } from "./draft";
import { BUTTON_PRIMARY, FIELD_ERROR, HINT, PANEL } from "./ui";

/**
 * Stores the card and each offer's terms document (the hashes the transactions commit to). Needs a
 * session: the server keeps documents only for signed-in builders.
 */
export function useSavedDocuments(
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
export function DocumentsStatus({ state }: { state: DocumentsState }) {
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
