// A real signing wallet for browser tests: an EIP-1193 provider injected into every page (and
// announced through EIP-6963, as MetaMask does) whose signatures are made in the test process by a
// viem private-key account. Reads go straight to the chain. Nothing is mocked: transactions are
// signed with a real key and mined by the real node.
import type { BrowserContext } from "playwright-core";
import { createWalletClient, type Hex, http, numberToHex } from "viem";
import type { LocalAccount } from "viem/accounts";
import { hardhat } from "viem/chains";

type RpcReply = { result?: unknown; error?: { code: number; message: string } };

export type InjectedWallet = { address: Hex; requests: string[] };

export async function injectWallet(
  context: BrowserContext,
  { rpcUrl, account }: { rpcUrl: string; account: LocalAccount },
): Promise<InjectedWallet> {
  const wallet = createWalletClient({ account, chain: hardhat, transport: http(rpcUrl) });
  const requests: string[] = [];
  // Like MetaMask: a site sees no accounts until the user approves it through eth_requestAccounts.
  let authorised = false;

  async function handle(method: string, params: unknown[]): Promise<unknown> {
    switch (method) {
      case "eth_requestAccounts":
        authorised = true;
        return [account.address];
      case "eth_accounts":
        return authorised ? [account.address] : [];
      case "eth_chainId":
        return numberToHex(hardhat.id);
      case "wallet_switchEthereumChain":
        return null;
      case "personal_sign":
        return account.signMessage({ message: { raw: params[0] as Hex } });
      case "eth_signTypedData_v4":
        return account.signTypedData(JSON.parse(params[1] as string));
      case "eth_sendTransaction": {
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
  return { address: account.address, requests };
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
