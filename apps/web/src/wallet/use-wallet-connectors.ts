"use client";

import { useEffect, useState } from "react";
import { useConnectors } from "wagmi";

export type WalletConnector = ReturnType<typeof useConnectors>[number];

export type WalletConnectors =
  | { status: "checking" }
  | { status: "none" }
  | { status: "found"; connectors: readonly WalletConnector[] };

// Wallets announced through EIP-6963 appear as their own connectors. The generic `injected`
// connector wraps `window.ethereum`, usually one of those same wallets, so it is only offered
// when nothing announced itself and a provider is actually there.
const GENERIC_INJECTED_ID = "injected";

/** The wallets this browser offers, once known (detection needs `window`, so it runs after mount). */
export function useWalletConnectors(): WalletConnectors {
  const connectors = useConnectors();
  const [result, setResult] = useState<WalletConnectors>({ status: "checking" });

  useEffect(() => {
    let cancelled = false;
    const announced = connectors.filter((connector) => connector.id !== GENERIC_INJECTED_ID);
    const generic = connectors.filter((connector) => connector.id === GENERIC_INJECTED_ID);
    const candidates = announced.length > 0 ? announced : generic;
    void Promise.all(
      candidates.map(async (connector) => ((await connector.getProvider()) ? [connector] : [])),
    )
      .then((found) => found.flat())
      .catch((): WalletConnector[] => [])
      .then((available) => {
        if (cancelled) return;
        setResult(available.length > 0 ? { status: "found", connectors: available } : { status: "none" });
      });
    return () => {
      cancelled = true;
    };
  }, [connectors]);

  return result;
}
