// Decodes raw eth_getLogs answers against the generated ABIs. Decoding dominates a backfill's CPU, so
// each event's layout (indexed topics, data tuple) is prepared once per (address, topic0) and decoded
// by abi-words.ts; addresses in args come back lower-case (see there).
import { assetRegistryAbi, licenseManagerAbi, royaltySharesAbi, stakingPoolAbi } from "@tessera/abi";
import {
  type Abi,
  type AbiEvent,
  type AbiParameter,
  type Address,
  type DecodeEventLogReturnType,
  getAddress,
  type Hash,
  type Hex,
  toEventSelector,
} from "viem";
import { decodeData, decodeTopic } from "./abi-words.ts";
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

/** How to decode one event: its name, its indexed inputs (topics 1..n) and its data tuple. */
type EventLayout = { name: string; indexed: AbiParameter[]; data: AbiParameter[] };

function layoutOf(item: AbiEvent): EventLayout {
  return {
    name: item.name,
    indexed: item.inputs.filter((input) => input.indexed),
    data: item.inputs.filter((input) => !input.indexed),
  };
}

function decodeWith(layout: EventLayout, log: RawLog): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (log.topics.length !== layout.indexed.length + 1) {
    throw new UnknownLogError(
      `${layout.name}: ${log.topics.length - 1} topics, expected ${layout.indexed.length}`,
    );
  }
  layout.indexed.forEach((input, i) => {
    const topic = log.topics[i + 1] as Hex;
    args[input.name ?? String(i)] = decodeTopic(input, topic);
  });
  if (layout.data.length > 0) {
    const values = decodeData(layout.data, log.data);
    layout.data.forEach((input, i) => {
      args[input.name ?? String(i)] = values[i];
    });
  }
  return args;
}

/** A decoder for logs of the given deployment; a log from any other address is an error. */
export function createDecoder(addresses: ContractAddresses): Decoder {
  const byAddress = new Map<string, { contract: IndexedContract; events: Map<Hex, EventLayout> }>();
  for (const [contract, abi] of Object.entries(INDEXED_CONTRACTS) as [IndexedContract, Abi][]) {
    const events = new Map<Hex, EventLayout>();
    for (const item of abi) {
      if (item.type === "event") events.set(toEventSelector(item as AbiEvent), layoutOf(item as AbiEvent));
    }
    byAddress.set(addresses[contract].toLowerCase(), { contract, events });
  }
  const checksummed = new Map<string, Address>();
  return (log) => {
    const address = log.address.toLowerCase();
    const source = byAddress.get(address);
    const topic0 = log.topics[0];
    const layout = source && topic0 ? source.events.get(topic0) : undefined;
    if (!source || !layout) {
      throw new UnknownLogError(
        `no ABI event for log ${log.logIndex} at ${log.address} (topic ${topic0 ?? "none"})`,
      );
    }
    const checksum = checksummed.get(address) ?? getAddress(address);
    checksummed.set(address, checksum);
    return {
      contract: source.contract,
      eventName: layout.name,
      args: decodeWith(layout, log),
      address: checksum,
      blockNumber: BigInt(log.blockNumber),
      blockHash: log.blockHash,
      txHash: log.transactionHash,
      logIndex: Number(log.logIndex),
    } as unknown as DecodedEvent;
  };
}
