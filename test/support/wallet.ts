// A real signing wallet for browser tests: an EIP-1193 provider injected into every page (and
// announced through EIP-6963, as MetaMask does) whose signatures are made in the test process by a
// viem private-key account. Reads go straight to the chain. Nothing is mocked: transactions are
// signed with a real key and mined by the real node.
import type { BrowserContext } from "playwright-core";
import { createWalletClient, type Hex, http, numberToHex } from "viem";
import type { LocalAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

type RpcReply = { result?: unknown; error?: { code: number; message: string } };

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
};

/** What the wallet shows the user and signs: the calls that take a user's approval. */
export const SIGNATURE_METHODS = ["personal_sign", "eth_signTypedData_v4"] as const;

export async function injectWallet(
  context: BrowserContext,
  { rpcUrl, account, chainId = hardhat.id }: { rpcUrl: string; account: LocalAccount; chainId?: number },
): Promise<InjectedWallet> {
  const wallet = createWalletClient({ account, chain: hardhat, transport: http(rpcUrl) });
  const requests: string[] = [];
  const declines = new Set<string>();
  // Like MetaMask: a site sees no accounts until the user approves it through eth_requestAccounts.
  let authorised = false;
  let currentChain = chainId;

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
        const response = await fetch(rpcUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
        });
        const reply = (await response.json()) as RpcReply;
        if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
        return reply.result;
      }
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
