import {
  assetRegistryAbi,
  licenseManagerAbi,
  royaltySharesAbi,
  stakingPoolAbi,
  testTokenAbi,
} from "@tessera/abi/browser";
import type { Abi } from "viem";

type AbiError = Extract<Abi[number], { type: "error" }>;

/** Every ABI a Tessera transaction can touch: a revert is decoded against all of them. */
export const TESSERA_ABIS = [
  assetRegistryAbi,
  licenseManagerAbi,
  royaltySharesAbi,
  stakingPoolAbi,
  testTokenAbi,
];

/** The custom errors of every Tessera contract, once each (several contracts share OpenZeppelin's). */
export const tesseraErrorAbi: readonly AbiError[] = (() => {
  const seen = new Map<string, AbiError>();
  for (const abi of TESSERA_ABIS) {
    for (const item of abi) {
      if (item.type !== "error") continue;
      const signature = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
      if (!seen.has(signature)) seen.set(signature, item as AbiError);
    }
  }
  return [...seen.values()];
})();
