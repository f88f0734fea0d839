// Hardhat's well-known development accounts (public test keys from its default mnemonic: never use
// them on a real network). The dev command prints a few so a browser wallet can import them.
import { bytesToHex } from "viem";
import { mnemonicToAccount } from "viem/accounts";

export const HARDHAT_MNEMONIC = "test test test test test test test test test test test junk";

export type DevAccount = { role: string; address: `0x${string}`; privateKey: `0x${string}` };

const ROLES = ["deployer + model builder", "clinic (buyer)", "contributor"] as const;

/** Indices of the accounts the seed and the tests give these roles. */
export const DEV_ACCOUNT = { builder: 0, clinic: 1, contributor: 2 } as const;

/** Hardhat's development account `index`, as a signing viem account. */
export function devAccount(index: number) {
  return mnemonicToAccount(HARDHAT_MNEMONIC, { addressIndex: index });
}

export function devAccounts(): DevAccount[] {
  return ROLES.map((role, addressIndex) => {
    const account = devAccount(addressIndex);
    const key = account.getHdKey().privateKey;
    if (!key) throw new Error("could not derive a development key");
    return { role, address: account.address, privateKey: bytesToHex(key) };
  });
}
