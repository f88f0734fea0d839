// RoyaltyShares (ERC-1155 revenue shares, id = asset id): holdings, revenue credited per asset and
// currency, and each holder's position. Positions are settled exactly as the contract settles them (at
// every share transfer and claim, rounding down), and a claim's paid amount is checked against the
// projection: a mismatch stops the indexer rather than store a wrong balance.

import { rowId } from "../ids.ts";
import type { Rows } from "../rows.ts";
import type { WorkingSet } from "../working-set.ts";
import {
  type ContractHandlers,
  factId,
  type IgnoredEvents,
  lower,
  type ProjectionContext,
  ProjectionDivergedError,
  type RowRef,
  required,
  ZERO,
} from "./shared.ts";

/** Every asset's fixed share supply (RoyaltyShares.SUPPLY). */
export const SHARE_SUPPLY = 1_000_000n;

/** Rows a share movement settles: both holders' balances, and per credited currency the asset's
 *  revenue and both holders' positions. */
function settlementRows(ctx: ProjectionContext, assetId: bigint, holders: string[]): RowRef[] {
  const c = ctx.chainId;
  const parties = holders.filter((h) => h !== ZERO).map(lower);
  return [
    ...parties.map((h): RowRef => ["ShareHolding", rowId.holding(c, assetId, h)]),
    ...[...ctx.currencies].flatMap((currency): RowRef[] => [
      ["AssetRevenue", rowId.revenue(c, assetId, currency)],
      ...parties.map((h): RowRef => ["SharePosition", rowId.position(c, assetId, h, currency)]),
    ]),
  ];
}

export const royaltySharesHandlers: ContractHandlers<"RoyaltyShares"> = {
  "RoyaltyShares:TransferSingle": {
    touches: ({ args }, ctx) => settlementRows(ctx, args.id, [args.from, args.to]),
    apply({ args, blockNumber }, { ws, ctx }) {
      moveShares(ws, ctx, blockNumber, args.id, lower(args.from), lower(args.to), args.value);
    },
  },

  "RoyaltyShares:TransferBatch": {
    touches: ({ args }, ctx) => args.ids.flatMap((id) => settlementRows(ctx, id, [args.from, args.to])),
    apply({ args, blockNumber }, { ws, ctx }) {
      args.ids.forEach((id, i) => {
        moveShares(ws, ctx, blockNumber, id, lower(args.from), lower(args.to), args.values[i] ?? 0n);
      });
    },
  },

  "RoyaltyShares:RevenueCredited": {
    touches: ({ args }, ctx) => [
      ["AssetRevenue", rowId.revenue(ctx.chainId, args.assetId, lower(args.currency))],
    ],
    apply(event, { ws, ctx, at }) {
      const c = ctx.chainId;
      const block = event.blockNumber;
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
        id: factId(ctx, event),
        chainId: c,
        assetId,
        currency,
        amount,
        totalCredited,
        blockNumber: block,
        txHash: event.txHash,
        creditedAt: at,
      });
    },
  },

  "RoyaltyShares:RevenueClaimed": {
    touches: ({ args }, ctx) => {
      const c = ctx.chainId;
      const holder = lower(args.holder);
      return args.assetIds.flatMap((assetId): RowRef[] => [
        ["ShareHolding", rowId.holding(c, assetId, holder)],
        ...args.currencies.flatMap((currency): RowRef[] => [
          ["AssetRevenue", rowId.revenue(c, assetId, lower(currency))],
          ["SharePosition", rowId.position(c, assetId, holder, lower(currency))],
        ]),
      ]);
    },
    apply(event, { ws, ctx, at }) {
      const c = ctx.chainId;
      const block = event.blockNumber;
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
          const revenue = required(ws, event, "AssetRevenue", rowId.revenue(c, assetId, currency));
          ws.put("AssetRevenue", { ...revenue, claimed: revenue.claimed + paid, updatedBlock: block }, block);
          ws.fact("RoyaltyClaim", {
            id: factId(ctx, event, a * currencies.length + k),
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
    },
  },
};

export const royaltySharesIgnored: IgnoredEvents<"RoyaltyShares"> = {
  "RoyaltyShares:ApprovalForAll": "operator approvals are not marketplace state",
  "RoyaltyShares:CurrencyTracked":
    "the first RevenueCredited in a currency says the same; the projection learns currencies from it",
  "RoyaltyShares:URI": "token metadata URIs live on the asset",
  "RoyaltyShares:VaultSet": "wiring set at deployment",
  "RoyaltyShares:Paused": "admin switch, not projected",
  "RoyaltyShares:Unpaused": "admin switch, not projected",
  "RoyaltyShares:RoleAdminChanged": "access control is read from the chain",
  "RoyaltyShares:RoleGranted": "access control is read from the chain",
  "RoyaltyShares:RoleRevoked": "access control is read from the chain",
};

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

/** Settles both sides in every credited currency, then moves the shares (the contract's order). */
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
