// Decodes raw eth_getLogs answers against the generated ABIs. Decoding dominates a backfill's CPU, so
// each event's ABI item is found once by (address, topic0) and decoded alone.
import { assetRegistryAbi, licenseManagerAbi, royaltySharesAbi, stakingPoolAbi } from "@tessera/abi";
import {
  type Abi,
  type AbiEvent,
  type Address,
  type DecodeEventLogReturnType,
  decodeEventLog,
  getAddress,
  type Hash,
  type Hex,
  toEventSelector,
} from "viem";
import type { RawLog } from "./rpc/logs-range.ts";

export const INDEXED_CONTRACTS = {
  AssetRegistry: assetRegistryAbi,
  RoyaltyShares: royaltySharesAbi,
  LicenseManager: licenseManagerAbi,
  StakingPool: stakingPoolAbi,
} as const;

export type IndexedContract = keyof typeof INDEXED_CONTRACTS;
export type ContractAddresses = Record<IndexedContract, Address>;

type EventOf<C extends IndexedContract> = DecodeEventLogReturnType<(typeof INDEXED_CONTRACTS)[C]>;

type Located = { blockNumber: bigint; blockHash: Hash; txHash: Hash; logIndex: number; address: Address };

// Distributes over each contract's event union so that narrowing on `eventName` narrows `args`.
type Tagged<C extends IndexedContract> =
  EventOf<C> extends infer E
    ? E extends { eventName: infer N; args: infer A }
      ? Located & { contract: C; eventName: N; args: A }
      : never
    : never;

export type DecodedEvent = {
  [C in IndexedContract]: Tagged<C>;
}[IndexedContract];

export class UnknownLogError extends Error {
  override name = "UnknownLogError";
}

export type Decoder = (log: RawLog) => DecodedEvent;

/** A decoder for logs of the given deployment; a log from any other address is an error. */
export function createDecoder(addresses: ContractAddresses): Decoder {
  const byAddress = new Map<string, { contract: IndexedContract; events: Map<Hex, Abi> }>();
  for (const [contract, abi] of Object.entries(INDEXED_CONTRACTS) as [IndexedContract, Abi][]) {
    const events = new Map<Hex, Abi>();
    for (const item of abi) {
      if (item.type === "event") events.set(toEventSelector(item as AbiEvent), [item]);
    }
    byAddress.set(addresses[contract].toLowerCase(), { contract, events });
  }
  return (log) => {
    const source = byAddress.get(log.address.toLowerCase());
    const topic0 = log.topics[0];
    const abi = source && topic0 ? source.events.get(topic0) : undefined;
    if (!source || !abi) {
      throw new UnknownLogError(
        `no ABI event for log ${log.logIndex} at ${log.address} (topic ${topic0 ?? "none"})`,
      );
    }
    const decoded = decodeEventLog({
      abi,
      data: log.data,
      topics: log.topics as [Hex, ...Hex[]],
      strict: true,
    });
    return {
      contract: source.contract,
      eventName: decoded.eventName,
      args: decoded.args,
      address: getAddress(log.address),
      blockNumber: BigInt(log.blockNumber),
      blockHash: log.blockHash,
      txHash: log.transactionHash,
      logIndex: Number(log.logIndex),
    } as unknown as DecodedEvent;
  };
}
