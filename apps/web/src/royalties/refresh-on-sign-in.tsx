"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useSignInState } from "@/auth/use-session";

/**
 * The page is rendered on the server for the signed-in account: when the person signs in, out, or as
 * another account from the header, render it again for whoever is signed in now.
 */
export function RefreshOnSignIn({ renderedFor }: { renderedFor: string | null }) {
  const router = useRouter();
  const state = useSignInState();
  const address =
    state.status === "signed-in" || state.status === "other-account"
      ? state.session.address.toLowerCase()
      : null;
  const last = useRef(renderedFor);
  useEffect(() => {
    if (state.status === "loading") return;
    if (address !== last.current) {
      last.current = address;
      router.refresh();
    }
  }, [address, state.status, router]);
  return null;
}
