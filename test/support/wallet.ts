// A real signing wallet for browser tests: an EIP-1193 provider injected into every page (and
// announced through EIP-6963, as MetaMask does) whose signatures are made in the test process by a
// viem private-key account. Reads go straight to the chain. Nothing is mocked: transactions are
// signed with a real key and mined by the real node.
//
// With `batching`, it also speaks EIP-5792 as a 7702-upgraded wallet does: it reports atomic
// batching, and answers `wallet_sendCalls` with ONE transaction the account sends to itself,
// `execute(calls)` on the BatchExecutor it delegates to (EIP-7702; the first batch carries the signed
// authorization). Every call then runs with the account as msg.sender, and any revert undoes all.
import { randomBytes } from "node:crypto";
import type { BrowserContext } from "playwright-core";
import {
  type Address,
  concat,
  createWalletClient,
  encodeAbiParameters,
  encodeFunctionData,
  type Hex,
  http,
  keccak256,
  numberToHex,
  parseAbi,
} from "viem";
import type { LocalAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

type RpcReply = { result?: unknown; error?: { code: number; message: string } };

const NOT_BATCHING = Symbol("not an EIP-5792 method");

export type InjectedWallet = {
  address: Hex;
  /** Every method the page asked the wallet for, in order. */
  requests: string[];
  /** How many times the page asked for `method`. */
  count(method: string): number;
  /** The user will decline the next request for `method` (EIP-1193 code 4001). */
  declineNext(method: string): void;
  /** The network the wallet is on now. */
  chainId(): number;
  /**
   * Runs `fn` after the wallet has signed the next batch and before it broadcasts it (batching
   * wallets only): what lands in between is what the signed batch meets on chain.
   */
  beforeNextBatchBroadcast(fn: () => Promise<void>): void;
  /** Forgets every batch id it gave out, as a reinstalled wallet or another device would. */
  forgetBatches(): void;
};

/** The standard ERC-7821 entry point the delegate exposes: the wallet speaks the standard, not one contract. */
const ERC7821_ABI = parseAbi(["function execute(bytes32 mode, bytes executionData) payable"]);
/** ERC-7821 batch mode: call type 0x01 (batch), default exec type, no selector, no opData. */
const BATCH_MODE = `0x01${"00".repeat(31)}` as Hex;
const EXECUTIONS = [
  {
    type: "tuple[]",
    components: [
      { name: "target", type: "address" },
      { name: "value", type: "uint256" },
      { name: "callData", type: "bytes" },
    ],
  },
] as const;

type SendCallsRequest = {
  chainId: Hex;
  from?: Hex;
  atomicRequired?: boolean;
  calls: Array<{ to?: Hex; data?: Hex; value?: Hex }>;
};

const walletError = (code: number, message: string) => Object.assign(new Error(message), { code });

/** What the wallet shows the user and signs: the calls that take a user's approval. */
export const SIGNATURE_METHODS = ["personal_sign", "eth_signTypedData_v4"] as const;

export async function injectWallet(
  context: BrowserContext,
  {
    rpcUrl,
    account,
    chainId = hardhat.id,
    batching,
  }: {
    rpcUrl: string;
    account: LocalAccount;
    chainId?: number;
    /** Opt in to EIP-5792 batching through an EIP-7702 delegation to `executor` (a BatchExecutor). */
    batching?: { executor: Address };
  },
): Promise<InjectedWallet> {
  const wallet = createWalletClient({ account, chain: hardhat, transport: http(rpcUrl) });
  const requests: string[] = [];
  const declines = new Set<string>();
  // Like MetaMask: a site sees no accounts until the user approves it through eth_requestAccounts.
  let authorised = false;
  let currentChain = chainId;
  /** The batches this wallet sent: its id for each → the transaction that carries it. */
  const batches = new Map<string, Hex>();
  let beforeBroadcast: (() => Promise<void>) | undefined;

  async function node(method: string, params: unknown[]): Promise<unknown> {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });
    const reply = (await response.json()) as RpcReply;
    if (reply.error) throw walletError(reply.error.code, reply.error.message);
    return reply.result;
  }

  async function delegatedTo(executor: Address): Promise<boolean> {
    const code = (await node("eth_getCode", [account.address, "latest"])) as Hex;
    return code.toLowerCase() === concat(["0xef0100", executor]).toLowerCase();
  }

  async function sendCalls(executor: Address, request: SendCallsRequest): Promise<{ id: Hex }> {
    if (Number(request.chainId) !== currentChain) throw walletError(5710, "Unsupported chain id.");
    if (request.from && request.from.toLowerCase() !== account.address.toLowerCase()) {
      throw walletError(4100, "The requested account is not authorized.");
    }
    if (request.calls.length === 0 || request.calls.some((call) => !call.to)) {
      throw walletError(-32602, "Every call needs a target.");
    }
    const calls = request.calls.map((call) => ({
      target: call.to as Hex,
      value: BigInt(call.value ?? 0),
      callData: call.data ?? "0x",
    }));
    const data = encodeFunctionData({
      abi: ERC7821_ABI,
      functionName: "execute",
      args: [BATCH_MODE, encodeAbiParameters(EXECUTIONS, [calls])],
    });
    const authorizationList = (await delegatedTo(executor))
      ? undefined
      : [await wallet.signAuthorization({ contractAddress: executor, executor: "self" })];
    const prepared = await wallet.prepareTransactionRequest({
      to: account.address,
      data,
      value: calls.reduce((sum, call) => sum + call.value, 0n),
      authorizationList,
    });
    const serializedTransaction = await wallet.signTransaction(prepared);
    const hook = beforeBroadcast;
    beforeBroadcast = undefined;
    await hook?.();
    const hash = keccak256(serializedTransaction);
    try {
      await wallet.sendRawTransaction({ serializedTransaction });
    } catch (error) {
      // Hardhat mines at once and answers a reverting transaction with its revert, although the
      // transaction is in a block; a public node would just take it. Included means sent.
      if ((await node("eth_getTransactionReceipt", [hash])) === null) throw error;
    }
    const id = `0x${randomBytes(32).toString("hex")}` as Hex;
    batches.set(id, hash);
    return { id };
  }

  async function callsStatus(id: string): Promise<unknown> {
    const hash = batches.get(id);
    if (!hash) throw walletError(5730, "Unknown bundle id.");
    const receipt = (await node("eth_getTransactionReceipt", [hash])) as {
      status: Hex;
      logs: unknown[];
      blockHash: Hex;
      blockNumber: Hex;
      gasUsed: Hex;
      transactionHash: Hex;
    } | null;
    return {
      version: "2.0.0",
      id,
      chainId: numberToHex(hardhat.id),
      atomic: true,
      // EIP-5792: 100 pending, 200 confirmed, 500 reverted on chain (atomically: nothing of it ran).
      status: receipt === null ? 100 : receipt.status === "0x1" ? 200 : 500,
      receipts: receipt
        ? [
            {
              logs: receipt.logs,
              status: receipt.status,
              blockHash: receipt.blockHash,
              blockNumber: receipt.blockNumber,
              gasUsed: receipt.gasUsed,
              transactionHash: receipt.transactionHash,
            },
          ]
        : [],
    };
  }

  /** Tells every open page, as a wallet extension does, through the provider's event listeners. */
  async function emit(event: string, data: unknown): Promise<void> {
    await Promise.all(
      context
        .pages()
        .map((page) =>
          page
            .evaluate(
              ([e, d]) =>
                (
                  globalThis as { __tesseraWalletEmit?: (e: string, d: unknown) => void }
                ).__tesseraWalletEmit?.(e as string, d),
              [event, data] as const,
            )
            .catch(() => {}),
        ),
    );
  }

  async function handle(method: string, params: unknown[]): Promise<unknown> {
    if (declines.delete(method)) {
      throw Object.assign(new Error("User rejected the request."), { code: 4001 });
    }
    switch (method) {
      case "eth_requestAccounts":
        authorised = true;
        return [account.address];
      case "eth_accounts":
        return authorised ? [account.address] : [];
      case "eth_chainId":
        return numberToHex(currentChain);
      case "wallet_switchEthereumChain": {
        const requested = Number((params[0] as { chainId: Hex }).chainId);
        if (requested !== hardhat.id) {
          throw Object.assign(new Error(`Unrecognized chain ID ${requested}.`), { code: 4902 });
        }
        currentChain = requested;
        void emit("chainChanged", numberToHex(currentChain));
        return null;
      }
      case "personal_sign":
        return account.signMessage({ message: { raw: params[0] as Hex } });
      case "eth_signTypedData_v4":
        return account.signTypedData(JSON.parse(params[1] as string));
      case "eth_sendTransaction": {
        if (currentChain !== hardhat.id) throw Object.assign(new Error("wrong chain"), { code: 4901 });
        const tx = params[0] as { to?: Hex; data?: Hex; value?: Hex; gas?: Hex };
        return wallet.sendTransaction({
          to: tx.to,
          data: tx.data,
          value: tx.value ? BigInt(tx.value) : undefined,
          gas: tx.gas ? BigInt(tx.gas) : undefined,
        });
      }
      default: {
        if (batching) {
          const answer = await batchingMethod(batching.executor, method, params);
          if (answer !== NOT_BATCHING) return answer;
        }
        return node(method, params);
      }
    }
  }

  /** EIP-5792's methods, for a batching wallet; NOT_BATCHING for any other method. */
  async function batchingMethod(executor: Address, method: string, params: unknown[]): Promise<unknown> {
    switch (method) {
      case "wallet_getCapabilities": {
        const asked = params[0] as string | undefined;
        if (asked && asked.toLowerCase() !== account.address.toLowerCase()) {
          throw walletError(4100, "The requested account is not authorized.");
        }
        // "ready" until the account has delegated (the first batch asks for that), then "supported".
        const status = (await delegatedTo(executor)) ? "supported" : "ready";
        return { [numberToHex(hardhat.id)]: { atomic: { status } } };
      }
      case "wallet_sendCalls":
        return sendCalls(executor, params[0] as SendCallsRequest);
      case "wallet_getCallsStatus":
        return callsStatus(params[0] as string);
      case "wallet_showCallsStatus":
        return null;
      default:
        return NOT_BATCHING;
    }
  }

  await context.exposeFunction(
    "__tesseraWallet",
    async (method: string, paramsJson: string): Promise<string> => {
      requests.push(method);
      try {
        return JSON.stringify({ result: await handle(method, JSON.parse(paramsJson)) });
      } catch (error) {
        const code = (error as { code?: number }).code ?? -32603;
        return JSON.stringify({
          error: { code, message: error instanceof Error ? error.message : String(error) },
        });
      }
    },
  );
  await context.addInitScript(PROVIDER_SCRIPT);
  return {
    address: account.address,
    requests,
    count: (method) => requests.filter((m) => m === method).length,
    declineNext: (method) => declines.add(method),
    chainId: () => currentChain,
    beforeNextBatchBroadcast: (fn) => {
      if (!batching) throw new Error("this wallet was injected without batching");
      beforeBroadcast = fn;
    },
    forgetBatches: () => batches.clear(),
  };
}

// Runs in the page before any of its scripts.
const PROVIDER_SCRIPT = `(() => {
  const listeners = new Map();
  const provider = {
    isTesseraTestWallet: true,
    async request({ method, params }) {
      const reply = JSON.parse(await window.__tesseraWallet(method, JSON.stringify(params ?? [])));
      if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
      return reply.result;
    },
    on(event, fn) { listeners.set(event, [...(listeners.get(event) ?? []), fn]); return provider; },
    removeListener(event, fn) { listeners.set(event, (listeners.get(event) ?? []).filter((f) => f !== fn)); return provider; },
  };
  window.ethereum = provider;
  window.__tesseraWalletEmit = (event, data) => (listeners.get(event) ?? []).forEach((fn) => fn(data));
  const info = {
    uuid: "5d1c7b0e-7a43-4c39-9a8e-3f1f1c0de001",
    name: "Tessera Test Wallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/%3E",
    rdns: "dev.tessera.testwallet",
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
})();`;
