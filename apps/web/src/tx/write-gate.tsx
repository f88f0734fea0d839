"use client";

import type { ReactNode } from "react";
import { useChains, useConnect, useConnection, useSwitchChain } from "wagmi";
import { BUTTON_PRIMARY } from "@/wallet/styles";
import { useWalletConnectors } from "@/wallet/use-wallet-connectors";
import { describeConnectError, NO_WALLET_MESSAGE } from "@/wallet/wallet-errors";

/**
 * Renders a write control only when it can work: without a wallet it offers to connect one, and on
 * another network a "Switch to <chain>" button takes the write button's place.
 */
export function WriteGate({ action, children }: { action: string; children: ReactNode }) {
  const connection = useConnection();
  const [chain] = useChains();
  const switchChain = useSwitchChain();
  const connect = useConnect();
  const wallets = useWalletConnectors();

  if (connection.status !== "connected") {
    const first = wallets.status === "found" ? wallets.connectors[0] : undefined;
    const problem =
      wallets.status === "none"
        ? NO_WALLET_MESSAGE
        : connect.error
          ? describeConnectError(connect.error)
          : null;
    return (
      <div className="space-y-2">
        <button
          type="button"
          className={BUTTON_PRIMARY}
          data-testid="write-connect"
          disabled={!first || connect.isPending}
          onClick={() => first && connect.mutate({ connector: first })}
        >
          {connect.isPending ? "Connecting…" : `Connect wallet to ${action}`}
        </button>
        {problem ? (
          <p role="alert" className="text-sm text-slate-600 dark:text-slate-300">
            {problem}
          </p>
        ) : null}
      </div>
    );
  }

  if (connection.chain === undefined && chain) {
    return (
      <div className="space-y-2">
        <button
          type="button"
          className={BUTTON_PRIMARY}
          data-testid="write-switch-chain"
          disabled={switchChain.isPending}
          onClick={() => switchChain.mutate({ chainId: chain.id })}
        >
          {switchChain.isPending ? "Switching…" : `Switch to ${chain.name}`}
        </button>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Your wallet is on another network. Tessera runs on {chain.name}: switch to {action}.
        </p>
      </div>
    );
  }

  return <>{children}</>;
}
