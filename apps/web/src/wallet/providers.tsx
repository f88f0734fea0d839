"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { WagmiProvider } from "wagmi";
import { createWagmiConfig } from "./config";

/** Client-side context for wallet hooks: wagmi plus the react-query cache it runs on. */
export function Providers({ children }: { children: ReactNode }) {
  // One config and one query cache per browser tab, never shared between server requests.
  const [config] = useState(createWagmiConfig);
  const [queryClient] = useState(() => new QueryClient());
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}
