import { ProviderNotFoundError } from "wagmi";

export const NO_WALLET_MESSAGE =
  "No browser wallet found. Install a wallet extension such as MetaMask (or open Tessera in your " +
  "wallet's built-in browser), then reload this page.";

/** A sentence for the user about why connecting failed. */
export function describeConnectError(error: unknown): string {
  if (error instanceof ProviderNotFoundError) return NO_WALLET_MESSAGE;
  if (hasCode(error, 4001) || hasName(error, "UserRejectedRequestError")) {
    return "The connection request was declined in your wallet.";
  }
  if (hasCode(error, -32002))
    return "Your wallet already has a connection request open. Check the wallet window.";
  if (error instanceof Error) return `Could not connect the wallet: ${shortMessage(error)}`;
  return "Could not connect the wallet.";
}

/** Whether `error` or any error in its cause chain carries the EIP-1193 / JSON-RPC `code`. */
function hasCode(error: unknown, code: number): boolean {
  let current = error;
  for (let depth = 0; depth < 8 && current instanceof Object; depth++) {
    if ((current as { code?: unknown }).code === code) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function hasName(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

function shortMessage(error: Error): string {
  const short = (error as { shortMessage?: unknown }).shortMessage;
  return typeof short === "string" ? short : error.message;
}
