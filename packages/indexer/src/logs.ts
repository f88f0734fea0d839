// Fetches a block range's logs from Tessera's contracts and decodes them against the generated ABIs.
import { assetRegistryAbi } from "@tessera/abi";
import {
  type Address,
  type Hash,
  type ParseEventLogsReturnType,
  type PublicClient,
  parseEventLogs,
} from "viem";

type AssetRegistryEvent = ParseEventLogsReturnType<typeof assetRegistryAbi, undefined, true>[number];

type Located = {
  address: Address;
  blockNumber: bigint;
  blockHash: Hash;
  blockTimestamp: bigint;
  txHash: Hash;
  logIndex: number;
};

// Distributes over the event union so that narrowing on `eventName` narrows `args`.
type Decoded<Contract extends string, Event> = Event extends { eventName: infer Name; args: infer Args }
  ? Located & { contract: Contract; eventName: Name; args: Args }
  : never;

export type DecodedLog = Decoded<"AssetRegistry", AssetRegistryEvent>;

export type ContractAddresses = { AssetRegistry: Address };

/** Logs in [fromBlock, toBlock] from every Tessera contract, decoded, in chain order. */
export async function fetchDecodedLogs(
  client: PublicClient,
  contracts: ContractAddresses,
  fromBlock: bigint,
  toBlock: bigint,
): Promise<DecodedLog[]> {
  const raw = await client.getLogs({ address: [contracts.AssetRegistry], fromBlock, toBlock });
  const decoded = parseEventLogs({ abi: assetRegistryAbi, logs: raw, strict: true });
  const timestamps = await blockTimestamps(
    client,
    decoded.map((log) => log.blockNumber),
  );
  return decoded
    .map(
      (log) =>
        ({
          contract: "AssetRegistry",
          address: log.address,
          blockNumber: log.blockNumber,
          blockHash: log.blockHash,
          blockTimestamp: timestamps.get(log.blockNumber) ?? 0n,
          txHash: log.transactionHash,
          logIndex: log.logIndex,
          eventName: log.eventName,
          args: log.args,
        }) as DecodedLog,
    )
    .sort((a, b) =>
      a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
    );
}

/** One getBlock per distinct block that has logs: the timestamp is part of what pages show. */
async function blockTimestamps(
  client: PublicClient,
  numbers: readonly bigint[],
): Promise<Map<bigint, bigint>> {
  const unique = [...new Set(numbers)];
  const blocks = await Promise.all(unique.map((blockNumber) => client.getBlock({ blockNumber })));
  return new Map(blocks.map((block) => [block.number, block.timestamp]));
}
