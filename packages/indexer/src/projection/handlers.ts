// What each contract event does to the projection tables. Two halves per event: `touches` names the
// rows an event reads or writes, so a batch loads them all in one query per table; `apply` changes
// them in memory. Handlers never read the chain or the clock: re-indexing gives identical rows.
//
// RoyaltyShares positions are settled exactly as the contract settles them (at every share transfer
// and claim, rounding down), and a claim's paid amount is checked against the projection.
import { ASSET_KINDS } from "@tessera/abi";
import type { DecodedEvent } from "../decode.ts";
import { rowId } from "./ids.ts";
import type { Rows, Table } from "./rows.ts";
import type { WorkingSet } from "./working-set.ts";

export const SHARE_SUPPLY = 1_000_000n;
const ZERO = "0x0000000000000000000000000000000000000000";

export type ProjectionContext = {
  chainId: number;
  /** Currencies any asset has been credited in: the ones a share transfer may settle. */
  currencies: Set<string>;
  /** Purchase or renewal seen in a transaction, for the PaymentSplit that follows it. */
  payments: Map<string, { kind: "PURCHASE" | "RENEWAL"; payer: string }>;
};

export class ProjectionDivergedError extends Error {
  override name = "ProjectionDivergedError";
}

const lower = (value: string) => value.toLowerCase();

/** Rows `event` may read or write. */
export function touches(event: DecodedEvent, ctx: ProjectionContext): [Table, string][] {
  const c = ctx.chainId;
  const settlement = (assetId: bigint, holders: string[]): [Table, string][] => [
    ...holders.map((h) => ["ShareHolding", rowId.holding(c, assetId, lower(h))] as [Table, string]),
    ...[...ctx.currencies].flatMap((currency) => [
      ["AssetRevenue", rowId.revenue(c, assetId, currency)] as [Table, string],
      ...holders.map(
        (h) => ["SharePosition", rowId.position(c, assetId, lower(h), currency)] as [Table, string],
      ),
    ]),
  ];
  switch (event.contract) {
    case "AssetRegistry":
      switch (event.eventName) {
        case "AssetRegistered":
          return [["Asset", rowId.asset(c, event.args.assetId)]];
        case "VersionPublished":
          return [["Asset", rowId.asset(c, event.args.assetId)]];
        case "Transfer":
          return [["Asset", rowId.asset(c, event.args.tokenId)]];
        default:
          return [];
      }
    case "RoyaltyShares":
      switch (event.eventName) {
        case "TransferSingle": {
          const { from, to, id } = event.args;
          return settlement(
            id,
            [from, to].filter((a) => a !== ZERO),
          );
        }
        case "TransferBatch": {
          const { from, to, ids } = event.args;
          return ids.flatMap((id) =>
            settlement(
              id,
              [from, to].filter((a) => a !== ZERO),
            ),
          );
        }
        case "RevenueCredited":
          return [["AssetRevenue", rowId.revenue(c, event.args.assetId, lower(event.args.currency))]];
        case "RevenueClaimed": {
          const holder = lower(event.args.holder);
          return event.args.assetIds.flatMap((assetId) => [
            ["ShareHolding", rowId.holding(c, assetId, holder)] as [Table, string],
            ...event.args.currencies.flatMap((currency) => [
              ["AssetRevenue", rowId.revenue(c, assetId, lower(currency))] as [Table, string],
              ["SharePosition", rowId.position(c, assetId, holder, lower(currency))] as [Table, string],
            ]),
          ]);
        }
        default:
          return [];
      }
    case "LicenseManager":
      switch (event.eventName) {
        case "OfferCreated":
        case "OfferRetired":
          return [["Offer", rowId.offer(c, event.args.offerId)]];
        case "LicensePurchased":
          return [
            ["Offer", rowId.offer(c, event.args.offerId)],
            ["License", rowId.license(c, event.args.licenseId)],
          ];
        case "Transfer":
          return [["License", rowId.license(c, event.args.id)]];
        case "LicenseRenewed":
          return [["License", rowId.license(c, event.args.licenseId)]];
        case "SeatDelegated":
        case "SeatRevoked":
          return [
            ["License", rowId.license(c, event.args.licenseId)],
            ["SeatDelegation", rowId.delegation(c, event.args.licenseId, lower(event.args.account))],
          ];
        case "PaymentSplit":
        case "ProtocolFeesWithdrawn":
          return [["ProtocolFee", rowId.fee(c, lower(event.args.currency))]];
        case "CurrencyAllowed":
          return [["Currency", rowId.currency(c, lower(event.args.currency))]];
        default:
          return [];
      }
    case "StakingPool":
      switch (event.eventName) {
        case "Staked":
        case "UnstakeStarted":
          return [
            ["AssetStake", rowId.assetStake(c, event.args.assetId)],
            ["Stake", rowId.stake(c, event.args.assetId, lower(event.args.staker))],
            ...(event.eventName === "UnstakeStarted"
              ? [["UnbondingEntry", rowId.entry(c, event.args.entryId)] as [Table, string]]
              : []),
          ];
        case "Withdrawn":
          return [
            ["AssetStake", rowId.assetStake(c, event.args.assetId)],
            ["UnbondingEntry", rowId.entry(c, event.args.entryId)],
          ];
        case "ChallengeOpened":
        case "ChallengeResolved":
          return [
            ["AssetStake", rowId.assetStake(c, event.args.assetId)],
            ["Challenge", rowId.challenge(c, event.args.challengeId)],
          ];
        default:
          return [];
      }
  }
}

/** Applies `event` (in a block of time `at`) to the working set. */
export function apply(ws: WorkingSet, ctx: ProjectionContext, event: DecodedEvent, at: Date): void {
  const c = ctx.chainId;
  const block = event.blockNumber;
  const factId = (n?: number) => rowId.fact(c, block, event.logIndex, n);
  const required = <T extends Table>(table: T, id: string): Rows[T] => {
    const row = ws.get(table, id);
    if (!row)
      throw new ProjectionDivergedError(
        `${event.contract}.${event.eventName} at ${block}: no ${table} ${id}`,
      );
    return row;
  };

  switch (event.contract) {
    case "AssetRegistry": {
      switch (event.eventName) {
        case "AssetRegistered": {
          const { assetId, owner, kind, contentHash, metadataURI, parentIds, parentBps } = event.args;
          const kindName = ASSET_KINDS[kind];
          if (!kindName)
            throw new ProjectionDivergedError(`AssetRegistered ${assetId}: unknown kind ${kind}`);
          ws.put(
            "Asset",
            {
              id: rowId.asset(c, assetId),
              chainId: c,
              assetId,
              kind: kindName,
              owner: lower(owner),
              metadataUri: metadataURI,
              contentHash,
              versionCount: 0,
              parentCount: parentIds.length,
              blockNumber: block,
              txHash: event.txHash,
              logIndex: event.logIndex,
              registeredAt: at,
              updatedBlock: block,
            },
            block,
          );
          parentIds.forEach((parentId, i) => {
            ws.fact("AssetLineage", {
              id: factId(i),
              chainId: c,
              assetId,
              parentId,
              bps: parentBps[i] ?? 0,
              blockNumber: block,
            });
          });
          return;
        }
        case "VersionPublished": {
          const { assetId, version, contentHash, metadataURI } = event.args;
          const asset = required("Asset", rowId.asset(c, assetId));
          ws.put(
            "Asset",
            { ...asset, versionCount: version, contentHash, metadataUri: metadataURI, updatedBlock: block },
            block,
          );
          ws.fact("AssetVersion", {
            id: `${rowId.asset(c, assetId)}:${version}`,
            chainId: c,
            assetId,
            version,
            contentHash,
            metadataUri: metadataURI,
            blockNumber: block,
            txHash: event.txHash,
            publishedAt: at,
          });
          return;
        }
        case "Transfer": {
          // The mint's Transfer precedes AssetRegistered, which carries the owner.
          if (event.args.from === ZERO) return;
          const asset = required("Asset", rowId.asset(c, event.args.tokenId));
          ws.put("Asset", { ...asset, owner: lower(event.args.to), updatedBlock: block }, block);
          return;
        }
        default:
          return;
      }
    }
    case "RoyaltyShares": {
      switch (event.eventName) {
        case "TransferSingle": {
          const { from, to, id, value } = event.args;
          moveShares(ws, ctx, block, id, lower(from), lower(to), value);
          return;
        }
        case "TransferBatch": {
          const { from, to, ids, values } = event.args;
          ids.forEach((id, i) => {
            moveShares(ws, ctx, block, id, lower(from), lower(to), values[i] ?? 0n);
          });
          return;
        }
        case "RevenueCredited": {
          const { assetId, amount, totalCredited } = event.args;
          const currency = lower(event.args.currency);
          const id = rowId.revenue(c, assetId, currency);
          const revenue = ws.get("AssetRevenue", id);
          ws.put(
            "AssetRevenue",
            {
              id,
              chainId: c,
              assetId,
              currency,
              credited: totalCredited,
              claimed: revenue?.claimed ?? 0n,
              updatedBlock: block,
            },
            block,
          );
          ws.fact("RevenueCredit", {
            id: factId(),
            chainId: c,
            assetId,
            currency,
            amount,
            totalCredited,
            blockNumber: block,
            txHash: event.txHash,
            creditedAt: at,
          });
          return;
        }
        case "RevenueClaimed": {
          const holder = lower(event.args.holder);
          const { assetIds, currencies, amounts } = event.args;
          assetIds.forEach((assetId, a) => {
            currencies.forEach((rawCurrency, k) => {
              const currency = lower(rawCurrency);
              const paid = amounts[a * currencies.length + k] ?? 0n;
              const position = settle(ws, ctx, block, assetId, holder, currency);
              if (position.accrued !== paid) {
                throw new ProjectionDivergedError(
                  `RevenueClaimed at ${block}: ${holder} was paid ${paid} on asset ${assetId} in ${currency}, the projection says ${position.accrued}`,
                );
              }
              if (paid === 0n) return;
              ws.put(
                "SharePosition",
                { ...position, accrued: 0n, claimed: position.claimed + paid, updatedBlock: block },
                block,
              );
              const revenue = required("AssetRevenue", rowId.revenue(c, assetId, currency));
              ws.put(
                "AssetRevenue",
                { ...revenue, claimed: revenue.claimed + paid, updatedBlock: block },
                block,
              );
              ws.fact("RoyaltyClaim", {
                id: factId(a * currencies.length + k),
                chainId: c,
                holder,
                recipient: lower(event.args.to),
                assetId,
                currency,
                amount: paid,
                blockNumber: block,
                txHash: event.txHash,
                claimedAt: at,
              });
            });
          });
          return;
        }
        default:
          return;
      }
    }
    case "LicenseManager": {
      switch (event.eventName) {
        case "OfferCreated": {
          const a = event.args;
          ws.put(
            "Offer",
            {
              id: rowId.offer(c, a.offerId),
              chainId: c,
              offerId: a.offerId,
              assetId: a.assetId,
              price: a.price,
              currency: lower(a.currency),
              period: BigInt(a.period),
              maxLicenses: BigInt(a.maxLicenses),
              pinnedVersion: BigInt(a.pinnedVersion),
              rights: a.rights,
              transferable: a.transferable,
              termsHash: a.termsHash,
              sold: 0n,
              retired: false,
              blockNumber: block,
              createdAt: at,
              updatedBlock: block,
            },
            block,
          );
          return;
        }
        case "OfferRetired": {
          const offer = required("Offer", rowId.offer(c, event.args.offerId));
          ws.put("Offer", { ...offer, retired: true, updatedBlock: block }, block);
          return;
        }
        case "LicensePurchased": {
          const a = event.args;
          const offer = required("Offer", rowId.offer(c, a.offerId));
          ws.put("Offer", { ...offer, sold: BigInt(a.soldCount), updatedBlock: block }, block);
          ws.put(
            "License",
            {
              id: rowId.license(c, a.licenseId),
              chainId: c,
              licenseId: a.licenseId,
              offerId: a.offerId,
              assetId: a.assetId,
              holder: lower(a.holder),
              payer: lower(a.payer),
              seats: BigInt(a.seats),
              expiresAt: a.expiresAt === 0n ? null : new Date(Number(a.expiresAt) * 1000),
              delegates: 0,
              epoch: 0,
              blockNumber: block,
              txHash: event.txHash,
              purchasedAt: at,
              updatedBlock: block,
            },
            block,
          );
          ctx.payments.set(`${event.txHash}:${a.licenseId}`, { kind: "PURCHASE", payer: lower(a.payer) });
          return;
        }
        case "Transfer": {
          // The mint's Transfer precedes LicensePurchased, which carries the holder.
          if (event.args.from === ZERO) return;
          const license = required("License", rowId.license(c, event.args.id));
          const moved = license.delegates > 0 ? { epoch: license.epoch + 1, delegates: 0 } : {};
          ws.put(
            "License",
            { ...license, ...moved, holder: lower(event.args.to), updatedBlock: block },
            block,
          );
          return;
        }
        case "LicenseRenewed": {
          const a = event.args;
          const license = required("License", rowId.license(c, a.licenseId));
          ws.put(
            "License",
            { ...license, expiresAt: new Date(Number(a.expiresAt) * 1000), updatedBlock: block },
            block,
          );
          ctx.payments.set(`${event.txHash}:${a.licenseId}`, { kind: "RENEWAL", payer: lower(a.payer) });
          return;
        }
        case "SeatDelegated":
        case "SeatRevoked": {
          const a = event.args;
          const license = required("License", rowId.license(c, a.licenseId));
          ws.put("License", { ...license, delegates: a.delegates, updatedBlock: block }, block);
          const account = lower(a.account);
          ws.put(
            "SeatDelegation",
            {
              id: rowId.delegation(c, a.licenseId, account),
              chainId: c,
              licenseId: a.licenseId,
              account,
              active: event.eventName === "SeatDelegated",
              epoch: license.epoch,
              updatedBlock: block,
            },
            block,
          );
          return;
        }
        case "PaymentSplit": {
          const a = event.args;
          const currency = lower(a.currency);
          const payment = ctx.payments.get(`${event.txHash}:${a.licenseId}`);
          if (!payment)
            throw new ProjectionDivergedError(`PaymentSplit at ${block}: no purchase or renewal before it`);
          ws.fact("Sale", {
            id: factId(),
            chainId: c,
            licenseId: a.licenseId,
            assetId: a.assetId,
            kind: payment.kind,
            payer: payment.payer,
            currency,
            total: a.total,
            protocolFee: a.protocolFee,
            upstream: a.upstream,
            curators: a.curators,
            toShareholders: a.toShareholders,
            blockNumber: block,
            txHash: event.txHash,
            soldAt: at,
          });
          addProtocolFees(ws, c, block, currency, a.protocolFee, 0n);
          return;
        }
        case "ProtocolFeesWithdrawn": {
          addProtocolFees(ws, c, block, lower(event.args.currency), 0n, event.args.amount);
          return;
        }
        case "CurrencyAllowed": {
          const address = lower(event.args.currency);
          ws.put(
            "Currency",
            {
              id: rowId.currency(c, address),
              chainId: c,
              address,
              allowed: event.args.allowed,
              updatedBlock: block,
            },
            block,
          );
          return;
        }
        default:
          return;
      }
    }
    case "StakingPool": {
      const pool = (assetId: bigint): Rows["AssetStake"] =>
        ws.get("AssetStake", rowId.assetStake(c, assetId)) ?? {
          id: rowId.assetStake(c, assetId),
          chainId: c,
          assetId,
          totalStake: 0n,
          totalShares: 0n,
          activeShares: 0n,
          openChallenges: 0,
          updatedBlock: block,
        };
      const putStake = (assetId: bigint, staker: string, activeShares: bigint) =>
        ws.put(
          "Stake",
          {
            id: rowId.stake(c, assetId, staker),
            chainId: c,
            assetId,
            staker,
            activeShares,
            updatedBlock: block,
          },
          block,
        );
      switch (event.eventName) {
        case "Staked": {
          const a = event.args;
          putStake(a.assetId, lower(a.staker), a.stakerShares);
          ws.put(
            "AssetStake",
            {
              ...pool(a.assetId),
              totalStake: a.assetTotalStake,
              totalShares: a.assetTotalShares,
              activeShares: a.assetActiveShares,
              updatedBlock: block,
            },
            block,
          );
          return;
        }
        case "UnstakeStarted": {
          const a = event.args;
          const staker = lower(a.staker);
          putStake(a.assetId, staker, a.stakerShares);
          ws.put(
            "AssetStake",
            { ...pool(a.assetId), activeShares: a.assetActiveShares, updatedBlock: block },
            block,
          );
          ws.put(
            "UnbondingEntry",
            {
              id: rowId.entry(c, a.entryId),
              chainId: c,
              entryId: a.entryId,
              assetId: a.assetId,
              staker,
              amount: a.amount,
              shares: a.shares,
              releaseAt: new Date(Number(a.releaseTime) * 1000),
              withdrawn: false,
              withdrawnAmount: null,
              blockNumber: block,
              updatedBlock: block,
            },
            block,
          );
          return;
        }
        case "Withdrawn": {
          const a = event.args;
          const entry = required("UnbondingEntry", rowId.entry(c, a.entryId));
          ws.put(
            "UnbondingEntry",
            { ...entry, withdrawn: true, withdrawnAmount: a.amount, updatedBlock: block },
            block,
          );
          ws.put(
            "AssetStake",
            {
              ...pool(a.assetId),
              totalStake: a.assetTotalStake,
              totalShares: a.assetTotalShares,
              updatedBlock: block,
            },
            block,
          );
          return;
        }
        case "RewardNotified":
        case "RewardsClaimed": {
          const a = event.args;
          const notified = event.eventName === "RewardNotified";
          ws.fact("CuratorReward", {
            id: factId(),
            chainId: c,
            kind: notified ? "NOTIFIED" : "CLAIMED",
            assetId: a.assetId,
            currency: lower(a.currency),
            account: lower(notified ? event.args.from : event.args.account),
            amount: a.amount,
            blockNumber: block,
            txHash: event.txHash,
            at,
          });
          return;
        }
        case "ChallengeOpened": {
          const a = event.args;
          ws.put(
            "Challenge",
            {
              id: rowId.challenge(c, a.challengeId),
              chainId: c,
              challengeId: a.challengeId,
              assetId: a.assetId,
              challenger: lower(a.challenger),
              bond: a.bond,
              evidenceHash: a.evidenceHash,
              slashBps: a.slashBps,
              challengerShareBps: a.challengerShareBps,
              status: "OPEN",
              slashed: null,
              toChallenger: null,
              toStakers: null,
              toTreasury: null,
              openedAt: at,
              resolvedAt: null,
              updatedBlock: block,
            },
            block,
          );
          ws.put(
            "AssetStake",
            { ...pool(a.assetId), openChallenges: a.openChallenges, updatedBlock: block },
            block,
          );
          return;
        }
        case "ChallengeResolved": {
          const a = event.args;
          const challenge = required("Challenge", rowId.challenge(c, a.challengeId));
          ws.put(
            "Challenge",
            {
              ...challenge,
              status: a.upheld ? "UPHELD" : "REJECTED",
              slashed: a.slashed,
              toChallenger: a.toChallenger,
              toStakers: a.toStakers,
              toTreasury: a.toTreasury,
              resolvedAt: at,
              updatedBlock: block,
            },
            block,
          );
          ws.put(
            "AssetStake",
            {
              ...pool(a.assetId),
              totalStake: a.assetTotalStake,
              openChallenges: a.openChallenges,
              updatedBlock: block,
            },
            block,
          );
          return;
        }
        default:
          return;
      }
    }
  }
}

/** Adds to the protocol fees accrued and withdrawn in one currency. */
function addProtocolFees(
  ws: WorkingSet,
  chainId: number,
  block: bigint,
  currency: string,
  accrued: bigint,
  withdrawn: bigint,
): void {
  const id = rowId.fee(chainId, currency);
  const fee = ws.get("ProtocolFee", id);
  ws.put(
    "ProtocolFee",
    {
      id,
      chainId,
      currency,
      accrued: (fee?.accrued ?? 0n) + accrued,
      withdrawn: (fee?.withdrawn ?? 0n) + withdrawn,
      updatedBlock: block,
    },
    block,
  );
}

/** Settles a holder's position in one currency at the asset's credited total, as the contract does. */
function settle(
  ws: WorkingSet,
  ctx: ProjectionContext,
  block: bigint,
  assetId: bigint,
  holder: string,
  currency: string,
): Rows["SharePosition"] {
  const c = ctx.chainId;
  const id = rowId.position(c, assetId, holder, currency);
  const credited = ws.get("AssetRevenue", rowId.revenue(c, assetId, currency))?.credited ?? 0n;
  const position = ws.get("SharePosition", id) ?? {
    id,
    chainId: c,
    assetId,
    holder,
    currency,
    settled: 0n,
    accrued: 0n,
    claimed: 0n,
    updatedBlock: block,
  };
  if (position.settled === credited) return position;
  const balance = ws.get("ShareHolding", rowId.holding(c, assetId, holder))?.balance ?? 0n;
  const settled = {
    ...position,
    accrued: position.accrued + (balance * (credited - position.settled)) / SHARE_SUPPLY,
    settled: credited,
    updatedBlock: block,
  };
  ws.put("SharePosition", settled, block);
  return settled;
}

function moveShares(
  ws: WorkingSet,
  ctx: ProjectionContext,
  block: bigint,
  assetId: bigint,
  from: string,
  to: string,
  value: bigint,
): void {
  const c = ctx.chainId;
  for (const holder of [from, to]) {
    if (holder === ZERO) continue;
    for (const currency of ctx.currencies) {
      if (ws.get("AssetRevenue", rowId.revenue(c, assetId, currency)))
        settle(ws, ctx, block, assetId, holder, currency);
    }
  }
  if (from === to) return;
  for (const [holder, delta] of [
    [from, -value],
    [to, value],
  ] as const) {
    if (holder === ZERO) continue;
    const id = rowId.holding(c, assetId, holder);
    const balance = (ws.get("ShareHolding", id)?.balance ?? 0n) + delta;
    if (balance < 0n) throw new ProjectionDivergedError(`ShareHolding ${id} would go negative at ${block}`);
    ws.put("ShareHolding", { id, chainId: c, assetId, holder, balance, updatedBlock: block }, block);
  }
}
