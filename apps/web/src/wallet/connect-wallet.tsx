"use client";

import { useState } from "react";
import { useChains, useConnect, useConnection } from "wagmi";
import { useSignIn } from "@/auth/use-session";
import { ConnectedAccount } from "./connected-account";
import { BUTTON_PRIMARY, POPOVER } from "./styles";
import { useWalletConnectors, type WalletConnector } from "./use-wallet-connectors";
import { describeConnectError, NO_WALLET_MESSAGE } from "./wallet-errors";
import { WalletNotice } from "./wallet-notice";

/**
 * The header's wallet control: connect (choosing a wallet if several), or the connected account.
 * Connecting also signs in, so the two take three actions: this click, the wallet's approval and
 * the signature. Declining the signature leaves the wallet connected; "Sign in" stays in its menu.
 */
export function ConnectWallet() {
  const connection = useConnection();
  const [chain] = useChains();
  const wallets = useWalletConnectors();
  const connect = useConnect();
  const signIn = useSignIn();
  const [notice, setNotice] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);

  if (connection.status === "connected") {
    return (
      <ConnectedAccount
        address={connection.address}
        onSupportedChain={connection.chain !== undefined}
        signIn={signIn}
      />
    );
  }

  function connectWith(connector: WalletConnector) {
    setChoosing(false);
    setNotice(null);
    connect.mutate(
      { connector },
      {
        onError: (error) => setNotice(describeConnectError(error)),
        onSuccess: ({ accounts, chainId }) => {
          const [address] = accounts;
          // On another network the message could not be accepted: the switch button comes first.
          if (address && chain && chainId === chain.id) signIn.mutate({ address, chainId });
        },
      },
    );
  }

  function onConnectClick() {
    if (wallets.status !== "found") return setNotice(NO_WALLET_MESSAGE);
    const [only, ...others] = wallets.connectors;
    if (only && others.length === 0) return connectWith(only);
    setChoosing((open) => !open);
  }

  const busy =
    connection.status === "connecting" || connection.status === "reconnecting" || connect.isPending;
  return (
    <div className="relative">
      <button
        type="button"
        data-testid="connect-wallet"
        className={BUTTON_PRIMARY}
        // Enabled once the page has looked for wallets: a press before that (or before hydration) would
        // wrongly say there is no wallet, or do nothing at all.
        disabled={busy || wallets.status === "checking"}
        aria-expanded={choosing}
        onClick={onConnectClick}
      >
        {busy ? "Connecting…" : "Connect wallet"}
      </button>
      {choosing && wallets.status === "found" ? (
        <ul className={POPOVER} aria-label="Choose a wallet">
          {wallets.connectors.map((connector) => (
            <li key={connector.uid}>
              <button
                type="button"
                className="flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
                onClick={() => connectWith(connector)}
              >
                {connector.icon ? (
                  // biome-ignore lint/performance/noImgElement: a data: URI announced by the wallet (EIP-6963); nothing to optimise
                  <img src={connector.icon} alt="" className="size-5" />
                ) : null}
                {connector.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {notice ? (
        <WalletNotice testId="wallet-notice" message={notice} onDismiss={() => setNotice(null)} />
      ) : null}
    </div>
  );
}
