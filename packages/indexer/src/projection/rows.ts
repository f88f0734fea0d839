// The projection tables as the indexer holds them in memory: uint256 and counters as bigint, times
// as Date, addresses and hashes as lower-case hex. `id` is the chain id and the on-chain key.
export type Rows = {
  Asset: {
    id: string;
    chainId: number;
    assetId: bigint;
    kind: "MODEL" | "DATASET";
    owner: string;
    metadataUri: string;
    contentHash: string;
    versionCount: number;
    parentCount: number;
    blockNumber: bigint;
    txHash: string;
    logIndex: number;
    registeredAt: Date;
    updatedBlock: bigint;
  };
  ShareHolding: {
    id: string;
    chainId: number;
    assetId: bigint;
    holder: string;
    balance: bigint;
    updatedBlock: bigint;
  };
  SharePosition: {
    id: string;
    chainId: number;
    assetId: bigint;
    holder: string;
    currency: string;
    settled: bigint;
    accrued: bigint;
    claimed: bigint;
    updatedBlock: bigint;
  };
  AssetRevenue: {
    id: string;
    chainId: number;
    assetId: bigint;
    currency: string;
    credited: bigint;
    claimed: bigint;
    updatedBlock: bigint;
  };
  Offer: {
    id: string;
    chainId: number;
    offerId: bigint;
    assetId: bigint;
    price: bigint;
    currency: string;
    period: bigint;
    maxLicenses: bigint;
    pinnedVersion: bigint;
    rights: number;
    transferable: boolean;
    termsHash: string;
    sold: bigint;
    retired: boolean;
    blockNumber: bigint;
    createdAt: Date;
    updatedBlock: bigint;
  };
  License: {
    id: string;
    chainId: number;
    licenseId: bigint;
    offerId: bigint;
    assetId: bigint;
    holder: string;
    payer: string;
    seats: bigint;
    expiresAt: Date | null;
    delegates: number;
    epoch: number;
    blockNumber: bigint;
    txHash: string;
    purchasedAt: Date;
    updatedBlock: bigint;
  };
  SeatDelegation: {
    id: string;
    chainId: number;
    licenseId: bigint;
    account: string;
    active: boolean;
    epoch: number;
    updatedBlock: bigint;
  };
  ProtocolFee: {
    id: string;
    chainId: number;
    currency: string;
    accrued: bigint;
    withdrawn: bigint;
    updatedBlock: bigint;
  };
  Currency: { id: string; chainId: number; address: string; allowed: boolean; updatedBlock: bigint };
  AssetStake: {
    id: string;
    chainId: number;
    assetId: bigint;
    totalStake: bigint;
    totalShares: bigint;
    activeShares: bigint;
    openChallenges: number;
    updatedBlock: bigint;
  };
  Stake: {
    id: string;
    chainId: number;
    assetId: bigint;
    staker: string;
    activeShares: bigint;
    updatedBlock: bigint;
  };
  UnbondingEntry: {
    id: string;
    chainId: number;
    entryId: bigint;
    assetId: bigint;
    staker: string;
    amount: bigint;
    shares: bigint;
    releaseAt: Date;
    withdrawn: boolean;
    withdrawnAmount: bigint | null;
    blockNumber: bigint;
    updatedBlock: bigint;
  };
  Challenge: {
    id: string;
    chainId: number;
    challengeId: bigint;
    assetId: bigint;
    challenger: string;
    bond: bigint;
    evidenceHash: string;
    slashBps: number;
    challengerShareBps: number;
    status: "OPEN" | "UPHELD" | "REJECTED" | "LAPSED";
    slashed: bigint | null;
    toChallenger: bigint | null;
    toStakers: bigint | null;
    toTreasury: bigint | null;
    openedAt: Date;
    resolvedAt: Date | null;
    updatedBlock: bigint;
  };
};

export type Facts = {
  AssetVersion: {
    id: string;
    chainId: number;
    assetId: bigint;
    version: number;
    contentHash: string;
    metadataUri: string;
    blockNumber: bigint;
    txHash: string;
    publishedAt: Date;
  };
  AssetLineage: {
    id: string;
    chainId: number;
    assetId: bigint;
    parentId: bigint;
    bps: number;
    blockNumber: bigint;
  };
  RevenueCredit: {
    id: string;
    chainId: number;
    assetId: bigint;
    currency: string;
    amount: bigint;
    totalCredited: bigint;
    blockNumber: bigint;
    txHash: string;
    creditedAt: Date;
  };
  RoyaltyClaim: {
    id: string;
    chainId: number;
    holder: string;
    recipient: string;
    assetId: bigint;
    currency: string;
    amount: bigint;
    blockNumber: bigint;
    txHash: string;
    claimedAt: Date;
  };
  Sale: {
    id: string;
    chainId: number;
    licenseId: bigint;
    assetId: bigint;
    kind: "PURCHASE" | "RENEWAL";
    payer: string;
    currency: string;
    total: bigint;
    protocolFee: bigint;
    upstream: bigint;
    curators: bigint;
    toShareholders: bigint;
    blockNumber: bigint;
    txHash: string;
    soldAt: Date;
  };
  CuratorReward: {
    id: string;
    chainId: number;
    kind: "NOTIFIED" | "CLAIMED";
    assetId: bigint;
    currency: string;
    account: string;
    amount: bigint;
    blockNumber: bigint;
    txHash: string;
    at: Date;
  };
};

export type Table = keyof Rows;
export type FactTable = keyof Facts;

export const TABLES = [
  "Asset",
  "ShareHolding",
  "SharePosition",
  "AssetRevenue",
  "Offer",
  "License",
  "SeatDelegation",
  "ProtocolFee",
  "Currency",
  "AssetStake",
  "Stake",
  "UnbondingEntry",
  "Challenge",
] as const satisfies readonly Table[];

export const FACT_TABLES = [
  "AssetVersion",
  "AssetLineage",
  "RevenueCredit",
  "RoyaltyClaim",
  "Sale",
  "CuratorReward",
] as const satisfies readonly FactTable[];

/** Tables recomputed from the others after each batch (see catalogue.ts), never written row by row. */
export const DERIVED_TABLES = ["CatalogueEntry"] as const;

/** Every table the indexer writes, projections first: what a reset or a comparison covers. */
export const ALL_PROJECTION_TABLES = [...TABLES, ...FACT_TABLES, ...DERIVED_TABLES] as const;
