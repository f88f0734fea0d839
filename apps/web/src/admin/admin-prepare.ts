import { licenseManagerAbi } from "@tessera/abi/browser";
import type { Address } from "viem";
import { type ContractWrite, TxPreconditionError } from "@/tx/use-transaction";
import { parseAccount, parsePercent } from "./admin-input";
import type { AdminWrite } from "./admin-plans";

/** Caps the contract enforces (LicenseManager.MAX_PROTOCOL_FEE_BPS, MAX_CURATOR_BPS), in percent. */
export const MAX_FEE_PERCENT = 10;
export const MAX_CURATOR_PERCENT = 20;

export async function prepareAdmin(licenseManager: Address, write: AdminWrite): Promise<ContractWrite> {
  const call = (functionName: string, args: readonly unknown[]) => ({
    address: licenseManager,
    abi: licenseManagerAbi,
    functionName,
    args,
  });
  switch (write.kind) {
    case "fees": {
      const fee = parsePercent(write.protocolPercent, MAX_FEE_PERCENT);
      const curator = parsePercent(write.curatorPercent, MAX_CURATOR_PERCENT);
      if (!fee.ok) throw new TxPreconditionError(`Protocol fee: ${fee.reason}`);
      if (!curator.ok) throw new TxPreconditionError(`Curator share: ${curator.reason}`);
      return call("setFees", [fee.bps, curator.bps]);
    }
    case "treasury": {
      const to = parseAccount(write.treasury);
      if (!to.ok) throw new TxPreconditionError(to.reason);
      return call("setTreasury", [to.value]);
    }
    case "currency": {
      const currency = parseAccount(write.currency);
      if (!currency.ok) throw new TxPreconditionError(currency.reason);
      return call("setCurrencyAllowed", [currency.value, write.allowed]);
    }
    case "pause":
      return call(write.pause ? "pause" : "unpause", []);
    case "withdraw":
      return call("withdrawProtocolFees", [write.currency]);
  }
}
