// One test per handler, without a database: events go through `touches` (which rows to load) and
// `apply` (what to change) exactly as a batch runs them. Only rows named by `touches` are loaded, so a
// handler that reads anything else fails here with MissingRowError.
import { describe, expect, it } from "vitest";
import type { DecodedEvent } from "../../decode.ts";
import type { Rows, Table } from "../rows.ts";
import { WorkingSet } from "../working-set.ts";
import { apply, type EventKey, ProjectionDivergedError, touches } from "./index.ts";
import type { EventOf, ProjectionContext } from "./shared.ts";

const C = 1;
const ZERO = "0x0000000000000000000000000000000000000000";
const ETH = ZERO;
const USD = "0x00000000000000000000000000000000000000d5";
const ALICE = "0x00000000000000000000000000000000000000a1";
const BOB = "0x00000000000000000000000000000000000000b2";
const CAROL = "0x00000000000000000000000000000000000000c3";
const HASH = `0x${"ab".repeat(32)}` as const;
const AT = new Date("2026-11-26T00:00:00Z");

let logIndex = 0;
function ev<K extends EventKey>(
  key: K,
  args: EventOf<K>["args"],
  blockNumber = 10n,
  txHash = HASH,
): DecodedEvent {
  const [contract, eventName] = key.split(":");
  return {
    contract,
    eventName,
    args,
    address: ZERO,
    blockNumber,
    blockHash: HASH,
    txHash,
    logIndex: logIndex++,
  } as unknown as DecodedEvent;
}

/** A batch: the database's rows before it, the events, and the working set after. */
function batch(
  events: DecodedEvent[],
  stored: [Table, Rows[Table]][] = [],
  ctx?: Partial<ProjectionContext>,
) {
  const context: ProjectionContext = {
    chainId: C,
    currencies: new Set([ETH, ...(ctx?.currencies ?? [])]),
    payments: new Map(),
  };
  const db = new Map(stored.map(([table, row]) => [`${table}|${row.id}`, row]));
  const ws = new WorkingSet(null);
  for (const event of events) {
    for (const [table, id] of touches(event, context))
      if (!ws.has(table, id)) ws.seed(table, id, db.get(`${table}|${id}`) ?? null);
    apply(ws, context, event, AT);
  }
  return { ws, context, row: <T extends Table>(table: T, id: string) => ws.get(table, id) };
}

const asset = (over: Partial<Rows["Asset"]> = {}): ["Asset", Rows["Asset"]] => [
  "Asset",
  {
    id: `${C}:1`,
    chainId: C,
    assetId: 1n,
    kind: "MODEL",
    owner: ALICE,
    metadataUri: "tessera://card/1",
    contentHash: HASH,
    versionCount: 1,
    parentCount: 0,
    blockNumber: 1n,
    txHash: HASH,
    logIndex: 0,
    registeredAt: AT,
    updatedBlock: 1n,
    ...over,
  },
];
const offer = (over: Partial<Rows["Offer"]> = {}): ["Offer", Rows["Offer"]] => [
  "Offer",
  {
    id: `${C}:1`,
    chainId: C,
    offerId: 1n,
    assetId: 1n,
    price: 100n,
    currency: ETH,
    period: 0n,
    maxLicenses: 0n,
    pinnedVersion: 0n,
    rights: 3,
    transferable: true,
    termsHash: HASH,
    sold: 0n,
    retired: false,
    blockNumber: 1n,
    createdAt: AT,
    updatedBlock: 1n,
    ...over,
  },
];
const license = (over: Partial<Rows["License"]> = {}): ["License", Rows["License"]] => [
  "License",
  {
    id: `${C}:7`,
    chainId: C,
    licenseId: 7n,
    offerId: 1n,
    assetId: 1n,
    holder: BOB,
    payer: BOB,
    seats: 2n,
    expiresAt: null,
    delegates: 0,
    epoch: 0,
    blockNumber: 1n,
    txHash: HASH,
    purchasedAt: AT,
    updatedBlock: 1n,
    ...over,
  },
];
const holding = (holder: string, balance: bigint): ["ShareHolding", Rows["ShareHolding"]] => [
  "ShareHolding",
  { id: `${C}:1:${holder}`, chainId: C, assetId: 1n, holder, balance, updatedBlock: 1n },
];
const revenue = (credited: bigint, claimed = 0n): ["AssetRevenue", Rows["AssetRevenue"]] => [
  "AssetRevenue",
  { id: `${C}:1:${ETH}`, chainId: C, assetId: 1n, currency: ETH, credited, claimed, updatedBlock: 1n },
];

describe("AssetRegistry handlers", () => {
  it("AssetRegistered creates the asset with its kind, owner and lineage", () => {
    const { ws, row } = batch([
      ev("AssetRegistry:AssetRegistered", {
        assetId: 2n,
        owner: ALICE,
        kind: 1,
        contentHash: HASH,
        metadataURI: "tessera://card/2",
        parentIds: [1n],
        parentBps: [500],
      }),
    ]);
    expect(row("Asset", `${C}:2`)).toMatchObject({
      kind: "DATASET",
      owner: ALICE,
      versionCount: 0,
      parentCount: 1,
    });
    expect(ws.facts.AssetLineage).toMatchObject([{ assetId: 2n, parentId: 1n, bps: 500 }]);
  });

  it("AssetRegistered refuses a kind the projection does not know", () => {
    const event = ev("AssetRegistry:AssetRegistered", {
      assetId: 2n,
      owner: ALICE,
      kind: 7,
      contentHash: HASH,
      metadataURI: "",
      parentIds: [],
      parentBps: [],
    });
    expect(() => batch([event])).toThrow(ProjectionDivergedError);
  });

  it("VersionPublished moves the asset to the new version and records it", () => {
    const { ws, row } = batch(
      [
        ev("AssetRegistry:VersionPublished", {
          assetId: 1n,
          version: 2,
          contentHash: `0x${"cd".repeat(32)}`,
          metadataURI: "v2",
        }),
      ],
      [asset()],
    );
    expect(row("Asset", `${C}:1`)).toMatchObject({
      versionCount: 2,
      contentHash: `0x${"cd".repeat(32)}`,
      metadataUri: "v2",
    });
    expect(ws.facts.AssetVersion).toMatchObject([{ id: `${C}:1:2`, version: 2 }]);
  });

  it("VersionPublished of an unknown asset is a divergence", () => {
    const event = ev("AssetRegistry:VersionPublished", {
      assetId: 9n,
      version: 2,
      contentHash: HASH,
      metadataURI: "",
    });
    expect(() => batch([event])).toThrow(/no Asset 1:9/);
  });

  it("Transfer changes the owner, and the mint's Transfer changes nothing", () => {
    const { ws, row } = batch(
      [
        ev("AssetRegistry:Transfer", { from: ZERO, to: ALICE, tokenId: 1n }),
        ev("AssetRegistry:Transfer", { from: ALICE, to: BOB, tokenId: 1n }),
      ],
      [asset()],
    );
    expect(row("Asset", `${C}:1`)?.owner).toBe(BOB);
    expect(ws.changed("Asset")).toHaveLength(1);
  });
});

describe("RoyaltyShares handlers", () => {
  it("TransferSingle mints shares, then moves them after settling both holders at the credited total", () => {
    const { row } = batch(
      [
        ev("RoyaltyShares:TransferSingle", {
          operator: ALICE,
          from: ALICE,
          to: BOB,
          id: 1n,
          value: 250_000n,
        }),
      ],
      [holding(ALICE, 1_000_000n), revenue(1_000n)],
    );
    expect(row("ShareHolding", `${C}:1:${ALICE}`)?.balance).toBe(750_000n);
    expect(row("ShareHolding", `${C}:1:${BOB}`)?.balance).toBe(250_000n);
    // Alice held everything while 1,000 was credited; Bob held nothing.
    expect(row("SharePosition", `${C}:1:${ALICE}:${ETH}`)).toMatchObject({
      settled: 1_000n,
      accrued: 1_000n,
    });
    expect(row("SharePosition", `${C}:1:${BOB}:${ETH}`)).toMatchObject({ settled: 1_000n, accrued: 0n });
  });

  it("TransferSingle refuses to take a holder below zero", () => {
    const event = ev("RoyaltyShares:TransferSingle", {
      operator: BOB,
      from: BOB,
      to: ALICE,
      id: 1n,
      value: 1n,
    });
    expect(() => batch([event])).toThrow(/would go negative/);
  });

  it("TransferBatch moves every id it names", () => {
    const { row } = batch([
      ev("RoyaltyShares:TransferBatch", {
        operator: ALICE,
        from: ZERO,
        to: ALICE,
        ids: [1n, 2n],
        values: [5n, 6n],
      }),
    ]);
    expect(row("ShareHolding", `${C}:1:${ALICE}`)?.balance).toBe(5n);
    expect(row("ShareHolding", `${C}:2:${ALICE}`)?.balance).toBe(6n);
  });

  it("RevenueCredited stores the event's running total and keeps what was claimed", () => {
    const { ws, row } = batch(
      [
        ev("RoyaltyShares:RevenueCredited", {
          assetId: 1n,
          currency: ETH,
          amount: 50n,
          totalCredited: 1_050n,
        }),
      ],
      [revenue(1_000n, 300n)],
    );
    expect(row("AssetRevenue", `${C}:1:${ETH}`)).toMatchObject({ credited: 1_050n, claimed: 300n });
    expect(ws.facts.RevenueCredit).toMatchObject([{ amount: 50n, totalCredited: 1_050n }]);
  });

  it("RevenueClaimed pays out the settled position and checks the amount against the projection", () => {
    const stored = [holding(ALICE, 500_000n), revenue(1_000n)];
    const paid = (amount: bigint) =>
      ev("RoyaltyShares:RevenueClaimed", {
        holder: ALICE,
        to: CAROL,
        assetIds: [1n],
        currencies: [ETH],
        amounts: [amount],
      });
    const { ws, row } = batch([paid(500n)], stored);
    expect(row("SharePosition", `${C}:1:${ALICE}:${ETH}`)).toMatchObject({
      accrued: 0n,
      claimed: 500n,
      settled: 1_000n,
    });
    expect(row("AssetRevenue", `${C}:1:${ETH}`)?.claimed).toBe(500n);
    expect(ws.facts.RoyaltyClaim).toMatchObject([{ holder: ALICE, recipient: CAROL, amount: 500n }]);
    expect(() => batch([paid(499n)], stored)).toThrow(/was paid 499 .* the projection says 500/);
  });
});

describe("LicenseManager handlers", () => {
  it("OfferCreated stores the terms, unsold and open", () => {
    const { row } = batch([
      ev("LicenseManager:OfferCreated", {
        offerId: 1n,
        assetId: 1n,
        price: 100n,
        currency: USD,
        period: 86_400,
        maxLicenses: 5,
        pinnedVersion: 1,
        rights: 3,
        transferable: false,
        termsHash: HASH,
      }),
    ]);
    expect(row("Offer", `${C}:1`)).toMatchObject({
      currency: USD,
      period: 86_400n,
      maxLicenses: 5n,
      sold: 0n,
      retired: false,
    });
  });

  it("OfferRetired retires the offer", () => {
    const { row } = batch([ev("LicenseManager:OfferRetired", { offerId: 1n, assetId: 1n })], [offer()]);
    expect(row("Offer", `${C}:1`)?.retired).toBe(true);
  });

  it("LicensePurchased mints the license and copies the offer's sold count", () => {
    const { row, context } = batch(
      [
        ev("LicenseManager:LicensePurchased", {
          licenseId: 7n,
          offerId: 1n,
          assetId: 1n,
          holder: BOB,
          payer: CAROL,
          seats: 2,
          expiresAt: 1_800_000_000n,
          soldCount: 4,
        }),
      ],
      [offer()],
    );
    expect(row("Offer", `${C}:1`)?.sold).toBe(4n);
    expect(row("License", `${C}:7`)).toMatchObject({
      holder: BOB,
      payer: CAROL,
      seats: 2n,
      expiresAt: new Date(1_800_000_000_000),
    });
    expect(context.payments.get(`${HASH}:7`)).toEqual({ kind: "PURCHASE", payer: CAROL });
  });

  it("LicensePurchased of a perpetual offer has no expiry", () => {
    const event = ev("LicenseManager:LicensePurchased", {
      licenseId: 7n,
      offerId: 1n,
      assetId: 1n,
      holder: BOB,
      payer: BOB,
      seats: 1,
      expiresAt: 0n,
      soldCount: 1,
    });
    expect(batch([event], [offer()]).row("License", `${C}:7`)?.expiresAt).toBeNull();
  });

  it("Transfer hands the license over and voids the seller's delegations (new epoch)", () => {
    const { row } = batch(
      [ev("LicenseManager:Transfer", { from: BOB, to: CAROL, id: 7n })],
      [license({ delegates: 2 })],
    );
    expect(row("License", `${C}:7`)).toMatchObject({ holder: CAROL, delegates: 0, epoch: 1 });
    const quiet = batch([ev("LicenseManager:Transfer", { from: BOB, to: CAROL, id: 7n })], [license()]);
    expect(quiet.row("License", `${C}:7`)).toMatchObject({ holder: CAROL, epoch: 0 });
  });

  it("LicenseRenewed extends the expiry and remembers the payment for its split", () => {
    const { row, context } = batch(
      [
        ev("LicenseManager:LicenseRenewed", {
          licenseId: 7n,
          payer: CAROL,
          expiresAt: 1_900_000_000n,
          total: 10n,
        }),
      ],
      [license({ expiresAt: new Date(1_800_000_000_000) })],
    );
    expect(row("License", `${C}:7`)?.expiresAt).toEqual(new Date(1_900_000_000_000));
    expect(context.payments.get(`${HASH}:7`)).toEqual({ kind: "RENEWAL", payer: CAROL });
  });

  it("SeatDelegated and SeatRevoked keep the license's count and the seat's state at its epoch", () => {
    const { row } = batch(
      [
        ev("LicenseManager:SeatDelegated", { licenseId: 7n, account: CAROL, delegates: 1 }),
        ev("LicenseManager:SeatDelegated", { licenseId: 7n, account: ALICE, delegates: 2 }),
        ev("LicenseManager:SeatRevoked", { licenseId: 7n, account: CAROL, delegates: 1 }),
      ],
      [license({ epoch: 3 })],
    );
    expect(row("License", `${C}:7`)?.delegates).toBe(1);
    expect(row("SeatDelegation", `${C}:7:${CAROL}`)).toMatchObject({ active: false, epoch: 3 });
    expect(row("SeatDelegation", `${C}:7:${ALICE}`)).toMatchObject({ active: true, epoch: 3 });
  });

  it("PaymentSplit records the sale of the purchase before it and adds the protocol fee", () => {
    const split = ev("LicenseManager:PaymentSplit", {
      licenseId: 7n,
      assetId: 1n,
      currency: ETH,
      total: 1_000n,
      protocolFee: 25n,
      upstream: 0n,
      curators: 50n,
      toShareholders: 925n,
    });
    const purchase = ev("LicenseManager:LicensePurchased", {
      licenseId: 7n,
      offerId: 1n,
      assetId: 1n,
      holder: BOB,
      payer: BOB,
      seats: 1,
      expiresAt: 0n,
      soldCount: 1,
    });
    const { ws, row } = batch([purchase, split], [offer()]);
    expect(ws.facts.Sale).toMatchObject([{ kind: "PURCHASE", payer: BOB, total: 1_000n, protocolFee: 25n }]);
    expect(row("ProtocolFee", `${C}:${ETH}`)).toMatchObject({ accrued: 25n, withdrawn: 0n });
    expect(() => batch([split])).toThrow(/no purchase or renewal before it/);
  });

  it("ProtocolFeesWithdrawn adds to what was withdrawn", () => {
    const { row } = batch(
      [ev("LicenseManager:ProtocolFeesWithdrawn", { currency: USD, treasury: ALICE, amount: 40n })],
      [
        [
          "ProtocolFee",
          { id: `${C}:${USD}`, chainId: C, currency: USD, accrued: 100n, withdrawn: 10n, updatedBlock: 1n },
        ],
      ],
    );
    expect(row("ProtocolFee", `${C}:${USD}`)).toMatchObject({ accrued: 100n, withdrawn: 50n });
  });

  it("CurrencyAllowed sets the currency's state", () => {
    const { row } = batch([ev("LicenseManager:CurrencyAllowed", { currency: USD, allowed: true })]);
    expect(row("Currency", `${C}:${USD}`)).toMatchObject({ address: USD, allowed: true });
  });
});

describe("StakingPool handlers", () => {
  const staked = ev("StakingPool:Staked", {
    assetId: 1n,
    staker: ALICE,
    amount: 100n,
    sharesMinted: 100n,
    stakerShares: 100n,
    assetTotalStake: 300n,
    assetTotalShares: 300n,
    assetActiveShares: 250n,
  });

  it("Staked copies the pool's post-state totals and the staker's shares", () => {
    const { row } = batch([staked]);
    expect(row("AssetStake", `${C}:1`)).toMatchObject({
      totalStake: 300n,
      totalShares: 300n,
      activeShares: 250n,
    });
    expect(row("Stake", `${C}:1:${ALICE}`)?.activeShares).toBe(100n);
  });

  it("UnstakeStarted lowers active shares and opens an unbonding entry", () => {
    const { row } = batch([
      staked,
      ev("StakingPool:UnstakeStarted", {
        entryId: 5n,
        assetId: 1n,
        staker: ALICE,
        amount: 40n,
        shares: 40n,
        stakerShares: 60n,
        assetActiveShares: 210n,
        releaseTime: 1_800_000_000n,
      }),
    ]);
    expect(row("AssetStake", `${C}:1`)).toMatchObject({ totalStake: 300n, activeShares: 210n });
    expect(row("Stake", `${C}:1:${ALICE}`)?.activeShares).toBe(60n);
    expect(row("UnbondingEntry", `${C}:5`)).toMatchObject({ amount: 40n, shares: 40n, withdrawn: false });
  });

  it("Withdrawn closes the entry with the amount paid and copies the pool's totals", () => {
    const { row } = batch([
      staked,
      ev("StakingPool:UnstakeStarted", {
        entryId: 5n,
        assetId: 1n,
        staker: ALICE,
        amount: 40n,
        shares: 40n,
        stakerShares: 60n,
        assetActiveShares: 210n,
        releaseTime: 1_800_000_000n,
      }),
      ev("StakingPool:Withdrawn", {
        entryId: 5n,
        assetId: 1n,
        staker: ALICE,
        amount: 32n,
        shares: 40n,
        assetTotalStake: 268n,
        assetTotalShares: 260n,
      }),
    ]);
    expect(row("UnbondingEntry", `${C}:5`)).toMatchObject({ withdrawn: true, withdrawnAmount: 32n });
    expect(row("AssetStake", `${C}:1`)).toMatchObject({ totalStake: 268n, totalShares: 260n });
  });

  it("RewardNotified and RewardsClaimed record reward facts", () => {
    const { ws } = batch([
      ev("StakingPool:RewardNotified", {
        assetId: 1n,
        currency: ETH,
        from: BOB,
        amount: 9n,
        rewardPerShare: 1n,
      }),
      ev("StakingPool:RewardsClaimed", { account: ALICE, assetId: 1n, currency: ETH, amount: 4n, to: ALICE }),
    ]);
    expect(ws.facts.CuratorReward).toMatchObject([
      { kind: "NOTIFIED", account: BOB, amount: 9n },
      { kind: "CLAIMED", account: ALICE, amount: 4n },
    ]);
  });

  it("ChallengeOpened and ChallengeResolved track the challenge and the pool's open count", () => {
    const opened = ev("StakingPool:ChallengeOpened", {
      challengeId: 3n,
      assetId: 1n,
      challenger: CAROL,
      bond: 100n,
      evidenceHash: HASH,
      slashBps: 2_000,
      challengerShareBps: 5_000,
      openChallenges: 1,
    });
    const resolved = ev("StakingPool:ChallengeResolved", {
      challengeId: 3n,
      assetId: 1n,
      challenger: CAROL,
      upheld: true,
      slashed: 60n,
      toChallenger: 30n,
      toStakers: 0n,
      toTreasury: 30n,
      assetTotalStake: 240n,
      openChallenges: 0,
    });
    const open = batch([staked, opened]);
    expect(open.row("Challenge", `${C}:3`)).toMatchObject({ status: "OPEN", bond: 100n });
    expect(open.row("AssetStake", `${C}:1`)?.openChallenges).toBe(1);
    const done = batch([staked, opened, resolved]);
    expect(done.row("Challenge", `${C}:3`)).toMatchObject({ status: "UPHELD", slashed: 60n, resolvedAt: AT });
    expect(done.row("AssetStake", `${C}:1`)).toMatchObject({ totalStake: 240n, openChallenges: 0 });
  });
});
