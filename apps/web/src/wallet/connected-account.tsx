"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Address } from "viem";
import { useChains, useDisconnect, useSwitchChain } from "wagmi";
import { describeSignInError, type useSignIn, useSignInState, useSignOut } from "@/auth/use-session";
import { rolesResponseSchema } from "@/lib/api/auth";
import { fetchJson } from "@/lib/api/problem";
import { shortenHex } from "@/lib/format";
import { POPOVER } from "./styles";
import { WalletNotice } from "./wallet-notice";

const ITEM =
  "flex w-full cursor-default select-none items-center rounded-lg px-3 py-2 text-left text-sm outline-none data-[highlighted]:bg-slate-100 data-[disabled]:opacity-50 dark:data-[highlighted]:bg-slate-800";

/** The connected account: a switch when the wallet is on another chain, and a menu (sign in/out, disconnect). */
export function ConnectedAccount({
  address,
  onSupportedChain,
  signIn,
}: {
  address: Address;
  onSupportedChain: boolean;
  signIn: ReturnType<typeof useSignIn>;
}) {
  const [chain] = useChains();
  const switchChain = useSwitchChain();
  const disconnect = useDisconnect();
  const state = useSignInState();
  const signOut = useSignOut();
  const signedIn = state.status === "signed-in";
  // The role pages are not in the main navigation: only arbiters and protocol admins see them here.
  const roles = useQuery({
    queryKey: ["tessera-roles", address],
    queryFn: () => fetchJson("/api/auth/roles", { cache: "no-store" }, rolesResponseSchema),
    enabled: signedIn,
    staleTime: 60_000,
  });
  const rolePages = signedIn ? (roles.data?.roles ?? []) : [];

  function startSignIn() {
    if (chain) signIn.mutate({ address, chainId: chain.id });
  }

  return (
    <div className="relative flex items-center gap-1">
      {!onSupportedChain && chain ? (
        <button
          type="button"
          data-testid="switch-chain"
          aria-label={`Switch to ${chain.name}`}
          className="inline-flex h-9 items-center whitespace-nowrap rounded-full bg-amber-100 px-3 text-sm font-medium text-amber-900 hover:bg-amber-200 disabled:opacity-70 dark:bg-amber-400/15 dark:text-amber-200"
          disabled={switchChain.isPending}
          onClick={() => switchChain.mutate({ chainId: chain.id })}
        >
          <span className="sm:hidden">Switch</span>
          <span className="max-sm:hidden">Switch to {chain.name}</span>
        </button>
      ) : null}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          data-testid="wallet-address"
          data-address={address}
          data-signed-in={signedIn ? "true" : "false"}
          title={address}
          className="inline-flex h-9 items-center gap-2 whitespace-nowrap rounded-full bg-slate-100 px-3 font-mono text-sm text-slate-800 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
        >
          <span
            aria-hidden="true"
            className={`size-2 rounded-full ${onSupportedChain ? "bg-emerald-500" : "bg-amber-500"}`}
          />
          <span className="sr-only">{signedIn ? "Signed in as " : "Connected as "}</span>
          {shortenHex(address, 4, 4)}
          {signedIn ? (
            <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5 text-teal-700 dark:text-teal-400">
              <path
                d="M3.5 8.5l3 3 6-7"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
          ) : null}
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={8}
            className="z-30 w-72 rounded-xl bg-white p-1 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
          >
            <div className="px-3 py-2 text-xs text-slate-500 dark:text-slate-400">
              <p className="break-all font-mono text-slate-800 dark:text-slate-100">{address}</p>
              <p className="mt-1" data-testid="sign-in-status">
                {signedIn
                  ? "Signed in. Downloads and publishing work without signing again."
                  : state.status === "other-account"
                    ? `Signed in as ${shortenHex(state.session.address, 4, 4)}, not this account.`
                    : "Connected, not signed in. Sign in to download what you license or to publish."}
              </p>
            </div>
            <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
            {signedIn ? (
              <DropdownMenu.Item className={ITEM} onSelect={() => signOut.mutate()} data-testid="sign-out">
                Sign out
              </DropdownMenu.Item>
            ) : (
              <DropdownMenu.Item
                className={ITEM}
                disabled={!onSupportedChain || signIn.isPending}
                onSelect={startSignIn}
                data-testid="sign-in"
              >
                {onSupportedChain ? "Sign in with this wallet" : `Sign in (switch to ${chain?.name} first)`}
              </DropdownMenu.Item>
            )}
            {rolePages.includes("arbiter") ? (
              <DropdownMenu.Item asChild className={ITEM}>
                <Link href="/arbiter" data-testid="role-link-arbiter">
                  Arbiter desk: challenges to decide
                </Link>
              </DropdownMenu.Item>
            ) : null}
            {rolePages.includes("admin") ? (
              <DropdownMenu.Item asChild className={ITEM}>
                <Link href="/admin" data-testid="role-link-admin">
                  Protocol settings
                </Link>
              </DropdownMenu.Item>
            ) : null}
            <DropdownMenu.Item className={ITEM} onSelect={() => void navigator.clipboard?.writeText(address)}>
              Copy address
            </DropdownMenu.Item>
            <DropdownMenu.Item
              className={ITEM}
              data-testid="disconnect-wallet"
              onSelect={() => {
                if (signedIn) signOut.mutate();
                disconnect.mutate();
              }}
            >
              Disconnect{signedIn ? " and sign out" : ""}
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {signIn.isPending ? (
        <p role="status" className={`${POPOVER} p-4 text-sm text-slate-700 dark:text-slate-200`}>
          Sign the message in your wallet to sign in. It is free and sends no transaction.
        </p>
      ) : signIn.isError ? (
        <WalletNotice
          testId="sign-in-error"
          message={describeSignInError(signIn.error)}
          onDismiss={() => signIn.reset()}
        />
      ) : null}
    </div>
  );
}
