// Row ids: the chain id and the on-chain key, so one database can hold several chains.
type Id = bigint | number | string;
const join = (...parts: Id[]) => parts.join(":");

export const rowId = {
  asset: (chainId: number, assetId: bigint) => join(chainId, assetId),
  holding: (chainId: number, assetId: bigint, holder: string) => join(chainId, assetId, holder),
  position: (chainId: number, assetId: bigint, holder: string, currency: string) =>
    join(chainId, assetId, holder, currency),
  revenue: (chainId: number, assetId: bigint, currency: string) => join(chainId, assetId, currency),
  offer: (chainId: number, offerId: bigint) => join(chainId, offerId),
  license: (chainId: number, licenseId: bigint) => join(chainId, licenseId),
  delegation: (chainId: number, licenseId: bigint, account: string) => join(chainId, licenseId, account),
  fee: (chainId: number, currency: string) => join(chainId, currency),
  currency: (chainId: number, address: string) => join(chainId, address),
  assetStake: (chainId: number, assetId: bigint) => join(chainId, assetId),
  stake: (chainId: number, assetId: bigint, staker: string) => join(chainId, assetId, staker),
  entry: (chainId: number, entryId: bigint) => join(chainId, entryId),
  challenge: (chainId: number, challengeId: bigint) => join(chainId, challengeId),
  /** A fact row: the event's position, plus an index when one event yields several rows. */
  fact: (chainId: number, blockNumber: bigint, logIndex: number, n?: number) =>
    n === undefined ? join(chainId, blockNumber, logIndex) : join(chainId, blockNumber, logIndex, n),
};
