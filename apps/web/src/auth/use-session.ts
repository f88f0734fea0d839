"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { useConfig, useConnection } from "wagmi";
import type { Session } from "@/lib/api/auth";
import { ApiRequestError } from "@/lib/api/problem";
import { fetchSession, signInWithWallet, signOut } from "./session-client";

const SESSION_KEY = ["tessera", "session"] as const;

export type SignInState =
  | { status: "loading" }
  | { status: "signed-out" }
  /** Signed in, but as another account than the one the wallet has selected now. */
  | { status: "other-account"; session: Session }
  | { status: "signed-in"; session: Session };

/** The session cookie's owner, compared with the connected account. */
export function useSignInState(): SignInState {
  const connection = useConnection();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
  if (query.isPending) return { status: "loading" };
  const session = query.data ?? null;
  if (!session) return { status: "signed-out" };
  if (connection.address && connection.address.toLowerCase() !== session.address.toLowerCase()) {
    return { status: "other-account", session };
  }
  return { status: "signed-in", session };
}

export function useSignIn() {
  const config = useConfig();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ address, chainId }: { address: Address; chainId: number }) =>
      signInWithWallet(config, address, chainId),
    onSuccess: (session) => client.setQueryData(SESSION_KEY, session),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => client.setQueryData(SESSION_KEY, null),
  });
}

/** Words for a failed sign-in. */
export function describeSignInError(error: unknown): string {
  if (error instanceof ApiRequestError) return error.problem.detail;
  for (let e: unknown = error; e instanceof Object; e = (e as { cause?: unknown }).cause) {
    if (
      (e as { code?: unknown }).code === 4001 ||
      (e as { name?: unknown }).name === "UserRejectedRequestError"
    ) {
      return "You declined the sign-in request in your wallet. You are connected, but not signed in.";
    }
  }
  return "Signing in did not work. Try again from the wallet menu.";
}
