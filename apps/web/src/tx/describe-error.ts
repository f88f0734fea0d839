import { BaseError, decodeErrorResult, type Hex } from "viem";
import { tesseraErrorAbi } from "./error-abi";
import { sentenceForError } from "./error-sentences";

export type TxErrorKind = "rejected" | "reverted" | "funds" | "chain" | "network" | "unknown";

export type TxErrorDescription = {
  kind: TxErrorKind;
  /** For the person: what happened and what to do next. */
  message: string;
  /** Whether a plain Retry can help (not when funds are short: topping up comes first). */
  retry: boolean;
  /** The decoded contract error's name, when there is one. */
  errorName?: string;
};

/** Turns anything a write can throw (wallet, RPC, simulation, revert) into words for the user. */
export function describeTxError(error: unknown): TxErrorDescription {
  if (hasCode(error, 4001) || hasName(error, "UserRejectedRequestError")) {
    return { kind: "rejected", message: "You declined in your wallet, so nothing was sent.", retry: true };
  }
  const revert = revertDataOf(error);
  if (revert) {
    const decoded = decodeRevert(revert);
    if (decoded) return { kind: "reverted", message: decoded.sentence, retry: true, errorName: decoded.name };
  }
  if (hasName(error, "InsufficientFundsError") || /insufficient funds/i.test(messageOf(error))) {
    return {
      kind: "funds",
      message:
        "This account does not have enough ETH for this payment and its network fee. Add ETH to the account, then try again.",
      retry: false,
    };
  }
  if (hasName(error, "ChainMismatchError") || hasName(error, "ChainNotConfiguredError")) {
    return {
      kind: "chain",
      message: "Your wallet is on another network. Switch it to Tessera's network, then try again.",
      retry: false,
    };
  }
  const reason = revertReasonOf(error);
  if (reason !== null) {
    return {
      kind: "reverted",
      message: reason ? `The contract refused this: ${reason}.` : "The contract refused this transaction.",
      retry: true,
    };
  }
  if (hasName(error, "HttpRequestError") || hasName(error, "TimeoutError") || hasCode(error, -32603)) {
    return {
      kind: "network",
      message: "The network could not be reached. Check your connection, then try again.",
      retry: true,
    };
  }
  return {
    kind: "unknown",
    message: `Something went wrong: ${shortMessageOf(error)} Try again; if it keeps happening, contact Tessera support.`,
    retry: true,
  };
}

/** The custom error in raw revert data, by name, with its sentence. */
export function decodeRevert(data: Hex): { name: string; sentence: string } | null {
  try {
    const { errorName, args } = decodeErrorResult({ abi: tesseraErrorAbi, data });
    const sentence = sentenceForError(errorName, args ?? []);
    return { name: errorName, sentence: sentence ?? `The contract refused this (${errorName}).` };
  } catch {
    return null;
  }
}

function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (
    let e: unknown = error;
    e && typeof e === "object" && !seen.has(e);
    e = (e as { cause?: unknown }).cause
  ) {
    seen.add(e);
    yield e;
  }
}

function revertDataOf(error: unknown): Hex | null {
  for (const e of causes(error)) {
    const data = (e as { data?: unknown }).data;
    if (typeof data === "string" && /^0x[0-9a-fA-F]{8,}$/.test(data)) return data as Hex;
    if (data && typeof data === "object") {
      const nested = (data as { data?: unknown }).data;
      if (typeof nested === "string" && /^0x[0-9a-fA-F]{8,}$/.test(nested)) return nested as Hex;
    }
    // viem's ContractFunctionRevertedError keeps the raw data as `raw` when it could not decode.
    const raw = (e as { raw?: unknown }).raw;
    if (typeof raw === "string" && /^0x[0-9a-fA-F]{8,}$/.test(raw)) return raw as Hex;
  }
  return null;
}

/** A plain `require(…, "reason")` revert: the reason ("" when the contract gave none); null if not a revert. */
function revertReasonOf(error: unknown): string | null {
  for (const e of causes(error)) {
    if ((e as { name?: string }).name === "ContractFunctionRevertedError") {
      return (e as { reason?: string }).reason ?? "";
    }
  }
  return null;
}

function hasCode(error: unknown, code: number): boolean {
  for (const e of causes(error)) if ((e as { code?: unknown }).code === code) return true;
  return false;
}

function hasName(error: unknown, name: string): boolean {
  for (const e of causes(error)) if ((e as { name?: unknown }).name === name) return true;
  return false;
}

function messageOf(error: unknown): string {
  return [...causes(error)].map((e) => (e as { message?: string }).message ?? "").join(" ");
}

function shortMessageOf(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage.replace(/\.?$/, ".");
  if (error instanceof Error) return error.message.split("\n")[0]?.replace(/\.?$/, ".") ?? "";
  return "an unexpected error.";
}
