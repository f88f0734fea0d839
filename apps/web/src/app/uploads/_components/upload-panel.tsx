"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useSignInState } from "@/auth/use-session";
import { ArtifactUpload } from "@/upload/artifact-upload";

/** The upload control once signed in; a finished upload refreshes the list below it. */
export function UploadPanel({ signedInOnServer }: { signedInOnServer: boolean }) {
  const router = useRouter();
  const state = useSignInState();
  const signedIn = state.status === "signed-in";

  // Signing in (or out) in the header changes what the server renders: fetch it again.
  useEffect(() => {
    if (state.status !== "loading" && signedIn !== signedInOnServer) router.refresh();
  }, [state.status, signedIn, signedInOnServer, router]);

  if (state.status === "loading")
    return <p className="text-sm text-slate-600 dark:text-slate-300">Checking your session…</p>;
  if (!signedIn) {
    return (
      <p
        className="rounded-lg bg-slate-100 p-4 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200"
        data-testid="uploads-sign-in"
      >
        {state.status === "other-account"
          ? "Your wallet has switched to another account. Sign in again from the wallet menu (top right) to upload as this account."
          : "Sign in with your wallet to upload files: press “Connect wallet” at the top right, then sign the message your wallet shows (it costs nothing)."}
      </p>
    );
  }
  return <ArtifactUpload onUploaded={() => router.refresh()} />;
}
