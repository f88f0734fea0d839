import "server-only";
import { licenseManagerAbi } from "@tessera/abi";
import { zeroAddress } from "viem";
import { chainClient } from "./chain";
import { contracts } from "./deployment";

/** The protocol's settings as the LicenseManager holds them now (read from the chain, never cached). */
export async function protocolSettings() {
  const { LicenseManager, Stablecoin } = await contracts();
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    chainClient().readContract({
      address: LicenseManager,
      abi: licenseManagerAbi,
      functionName,
      args,
    } as never) as Promise<T>;
  const [protocolFeeBps, curatorBps, treasury, paused, stablecoinAllowed, feesEth, feesStable] =
    await Promise.all([
      read<number>("protocolFeeBps"),
      read<number>("curatorBps"),
      read<`0x${string}`>("treasury"),
      read<boolean>("paused"),
      read<boolean>("allowedCurrency", [Stablecoin]),
      read<bigint>("accruedProtocolFees", [zeroAddress]),
      read<bigint>("accruedProtocolFees", [Stablecoin]),
    ]);
  return {
    licenseManager: LicenseManager,
    stablecoin: Stablecoin,
    protocolFeeBps,
    curatorBps,
    treasury,
    paused,
    stablecoinAllowed,
    fees: [
      { currency: zeroAddress, symbol: "ETH" as const, accrued: feesEth.toString() },
      { currency: Stablecoin, symbol: "tUSD" as const, accrued: feesStable.toString() },
    ],
  };
}

export type ProtocolSettings = Awaited<ReturnType<typeof protocolSettings>>;
