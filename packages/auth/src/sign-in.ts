import type { PrismaClient } from "@tessera/db";
import type { Hex, PublicClient } from "viem";
import { SignInError } from "./errors.ts";
import { checkSignInMessage, type Expected } from "./message.ts";
import { nonceIsLive, openSession, type Session } from "./store.ts";

/**
 * Signs in with a signed EIP-4361 message: checks the message, the nonce and the signature, then
 * consumes the nonce and opens a session. Every refusal is a SignInError with its reason; nothing
 * is written unless all checks pass.
 */
export async function signIn(
  deps: { db: PrismaClient; chain: PublicClient },
  request: { message: string; signature: string },
  expected: Expected,
): Promise<{ token: string; session: Session }> {
  const message = checkSignInMessage(request.message, expected);
  const usedOrExpired = () =>
    new SignInError(
      "SIGN_IN_NONCE_USED",
      "This sign-in request was already used or has expired. Sign in again to get a fresh one.",
    );
  if (!(await nonceIsLive(deps.db, message.nonce, expected.now))) throw usedOrExpired();

  let valid: boolean;
  try {
    // Through the chain, so smart-contract wallets (ERC-1271, and ERC-6492 before deployment) work too.
    valid = await deps.chain.verifyMessage({
      address: message.address,
      message: request.message,
      signature: request.signature as Hex,
    });
  } catch (cause) {
    if (isRpcFailure(cause)) {
      throw new SignInError(
        "SIGN_IN_CHAIN_UNAVAILABLE",
        "Tessera could not reach the chain to check your signature. Try again in a moment.",
        { cause },
      );
    }
    valid = false;
  }
  if (!valid) {
    throw new SignInError(
      "SIGN_IN_BAD_SIGNATURE",
      `The signature was not made by ${message.address}. Sign in again with that account in your wallet.`,
    );
  }
  const opened = await openSession(deps.db, message, expected.now);
  if (!opened) throw usedOrExpired();
  return opened;
}

function isRpcFailure(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === "HttpRequestError" || e.name === "TimeoutError" || e.name === "RpcRequestError")
      return true;
  }
  return false;
}
