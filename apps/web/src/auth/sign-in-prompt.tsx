"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useConnection } from "wagmi";
import { describeSignInError, useSignIn, useSignInState } from "./use-session";

/**
 * For pages that show an account's own data: asks the visitor to connect and sign in, then
 * re-renders the page (server components read the session cookie).
 */
export function SignInPrompt({ purpose }: { purpose: string }) {
  const connection = useConnection();
  const state = useSignInState();
  const signIn = useSignIn();
  const router = useRouter();
  const signedIn = state.status === "signed-in";
  useEffect(() => {
    if (signedIn) router.refresh();
  }, [signedIn, router]);
  const address = connection.address;
  const chainId = connection.chain?.id;
  return (
    <div
      className="max-w-xl space-y-3 rounded-2xl border border-slate-200 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
      data-testid="sign-in-prompt"
    >
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Sign in with your wallet {purpose}. Signing in is a free signature: it sends no transaction.
      </p>
      {!address ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Connect your wallet first with the button at the top right.
        </p>
      ) : (
        <button
          type="button"
          disabled={chainId === undefined || signIn.isPending}
          onClick={() => chainId !== undefined && signIn.mutate({ address, chainId })}
          className="inline-flex h-10 items-center rounded-full bg-teal-700 px-5 text-sm font-semibold text-white hover:bg-teal-800 disabled:cursor-not-allowed disabled:bg-slate-300 disabled:text-slate-600"
        >
          {signIn.isPending ? "Waiting for your wallet…" : "Sign in"}
        </button>
      )}
      {address && chainId === undefined ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Your wallet is on another network: switch to Tessera's network first.
        </p>
      ) : null}
      {signIn.error ? (
        <p className="text-sm text-red-700 dark:text-red-400">{describeSignInError(signIn.error)}</p>
      ) : null}
    </div>
  );
}
