// The browser's side of Sign-In with Ethereum: ask for a nonce, have the wallet sign an EIP-4361
// message for this site and chain, and trade it for a session cookie.
import type { Address } from "viem";
import { createSiweMessage } from "viem/siwe";
import type { Config } from "wagmi";
import { signMessage } from "wagmi/actions";
import {
  nonceResponseSchema,
  SESSION_TTL_MS,
  type Session,
  SIGN_IN_STATEMENT,
  sessionResponseSchema,
} from "@/lib/api/auth";
import { fetchJson } from "@/lib/api/problem";

export async function fetchSession(): Promise<Session | null> {
  return (await fetchJson("/api/auth/session", { cache: "no-store" }, sessionResponseSchema)).session;
}

export async function signInWithWallet(
  config: Config,
  address: Address,
  chainId: number,
): Promise<Session | null> {
  const { nonce } = await fetchJson("/api/auth/nonce", { method: "POST" }, nonceResponseSchema);
  const now = new Date();
  const message = createSiweMessage({
    domain: window.location.host,
    uri: window.location.origin,
    address,
    chainId,
    nonce,
    version: "1",
    statement: SIGN_IN_STATEMENT,
    issuedAt: now,
    expirationTime: new Date(now.getTime() + SESSION_TTL_MS),
  });
  const signature = await signMessage(config, { account: address, message });
  const body = JSON.stringify({ message, signature });
  const response = await fetchJson(
    "/api/auth/session",
    { method: "POST", headers: { "content-type": "application/json" }, body },
    sessionResponseSchema,
  );
  return response.session;
}

export async function signOut(): Promise<void> {
  await fetchJson("/api/auth/session", { method: "DELETE" }, sessionResponseSchema);
}
