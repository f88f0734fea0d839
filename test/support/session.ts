// Signs in to a running web app over HTTP as a wallet would (Sign-In with Ethereum), for API tests
// that need a session: returns the Cookie header to send.
import { SESSION_TTL_MS, SIGN_IN_STATEMENT } from "@tessera/auth/constants";
import type { LocalAccount } from "viem/accounts";
import { hardhat } from "viem/chains";
import { createSiweMessage } from "viem/siwe";

export async function signInOverHttp(
  web: string,
  account: LocalAccount,
  chainId = hardhat.id,
): Promise<string> {
  const nonceResponse = await fetch(`${web}/api/auth/nonce`, { method: "POST" });
  if (!nonceResponse.ok) throw new Error(`nonce: HTTP ${nonceResponse.status}`);
  const { nonce } = (await nonceResponse.json()) as { nonce: string };
  const url = new URL(web);
  const now = new Date();
  const message = createSiweMessage({
    domain: url.host,
    uri: url.origin,
    address: account.address,
    chainId,
    nonce,
    version: "1",
    statement: SIGN_IN_STATEMENT,
    issuedAt: now,
    expirationTime: new Date(now.getTime() + SESSION_TTL_MS),
  });
  const signature = await account.signMessage({ message });
  const response = await fetch(`${web}/api/auth/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message, signature }),
  });
  if (!response.ok) throw new Error(`sign-in: HTTP ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("sign-in: no session cookie");
  return cookie;
}
