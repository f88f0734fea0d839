import { type Address, getAddress, isAddress } from "viem";
import { parseSiweMessage } from "viem/siwe";
import { CLOCK_SKEW_MS, NONCE_TTL_MS } from "./constants.ts";
import { SignInError, type SignInErrorCode } from "./errors.ts";

// The checks EIP-4361 asks of a server, each refused with its own reason: the message is for this
// site (domain and URI), this chain, a recent moment, and a live window (expiration, not-before).
// The nonce and the signature are checked by the caller (they need the database and the chain).

export type Expected = { domain: string; origin: string; chainId: number; chainName: string; now: Date };

export type SignInMessage = { address: Address; chainId: number; nonce: string; expirationTime?: Date };

const refuse = (code: SignInErrorCode, sentence: string) => new SignInError(code, sentence);

export function checkSignInMessage(message: string, expected: Expected): SignInMessage {
  const fields = parseSiweMessage(message);
  const { address, chainId, domain, nonce, uri, version, issuedAt } = fields;
  if (
    !address ||
    !isAddress(address) ||
    !chainId ||
    !domain ||
    !nonce ||
    !uri ||
    version !== "1" ||
    !issuedAt
  ) {
    throw refuse(
      "SIGN_IN_MALFORMED",
      "This is not a valid Sign-In with Ethereum message. Start signing in again from Tessera.",
    );
  }
  if (domain !== expected.domain) {
    throw refuse(
      "SIGN_IN_WRONG_DOMAIN",
      `This sign-in message was made for another website (${domain}), not ${expected.domain}. Sign in again from this page.`,
    );
  }
  if (originOf(uri) !== expected.origin) {
    throw refuse(
      "SIGN_IN_WRONG_URI",
      `This sign-in message names another address (${uri}), not ${expected.origin}. Sign in again from this page.`,
    );
  }
  if (chainId !== expected.chainId) {
    throw refuse(
      "SIGN_IN_WRONG_CHAIN",
      `This sign-in message is for chain ${chainId}, but Tessera runs on ${expected.chainName} (chain ${expected.chainId}). Switch your wallet to ${expected.chainName} and sign in again.`,
    );
  }
  const now = expected.now.getTime();
  if (issuedAt.getTime() > now + CLOCK_SKEW_MS || issuedAt.getTime() < now - NONCE_TTL_MS) {
    throw refuse(
      "SIGN_IN_STALE",
      "This sign-in message was not made just now. Check that your computer's clock is right, then sign in again.",
    );
  }
  if (fields.expirationTime && fields.expirationTime.getTime() <= now) {
    throw refuse("SIGN_IN_EXPIRED", "This sign-in message has expired. Sign in again.");
  }
  if (fields.notBefore && fields.notBefore.getTime() > now + CLOCK_SKEW_MS) {
    throw refuse("SIGN_IN_NOT_YET_VALID", "This sign-in message is not valid yet. Sign in again.");
  }
  return { address: getAddress(address), chainId, nonce, expirationTime: fields.expirationTime };
}

function originOf(uri: string): string | null {
  try {
    return new URL(uri).origin;
  } catch {
    return null;
  }
}
