"use client";

import type { Address } from "viem";
import { useChains, useDisconnect, useSwitchChain } from "wagmi";
import { shortenHex } from "@/lib/format";
import { BUTTON_SECONDARY } from "./styles";

/** The connected account, a switch when the wallet is on another chain, and disconnect. */
export function ConnectedAccount({
  address,
  onSupportedChain,
}: {
  address: Address;
  onSupportedChain: boolean;
}) {
  const [chain] = useChains();
  const switchChain = useSwitchChain();
  const disconnect = useDisconnect();

  return (
    <div className="flex items-center gap-1">
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
      <span
        data-testid="wallet-address"
        data-address={address}
        title={address}
        className="inline-flex h-9 items-center gap-2 whitespace-nowrap rounded-full bg-slate-100 px-3 font-mono text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-100"
      >
        <span
          aria-hidden="true"
          className={`size-2 rounded-full ${onSupportedChain ? "bg-emerald-500" : "bg-amber-500"}`}
        />
        <span className="sr-only">Connected as </span>
        {shortenHex(address, 4, 4)}
      </span>
      <button
        type="button"
        data-testid="disconnect-wallet"
        className={`${BUTTON_SECONDARY} max-sm:px-2.5`}
        onClick={() => disconnect.mutate()}
      >
        <svg viewBox="0 0 20 20" fill="none" aria-hidden="true" className="size-4 sm:hidden">
          <path
            d="M8 4H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3M13 14l4-4-4-4M17 10H8"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <span className="max-sm:sr-only">Disconnect</span>
      </button>
    </div>
  );
}
