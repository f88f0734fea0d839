// LicenseManager (offers, ERC-721 licenses, payment split): Offer, License and SeatDelegation rows,
// the Sale facts, protocol fees per currency and the currency allow-list.
import { rowId } from "../ids.ts";
import type { WorkingSet } from "../working-set.ts";
import {
  type ContractHandlers,
  type EventOf,
  factId,
  type IgnoredEvents,
  lower,
  ProjectionDivergedError,
  required,
  ZERO,
} from "./shared.ts";

const toDate = (seconds: bigint) => new Date(Number(seconds) * 1000);

export const licenseManagerHandlers: ContractHandlers<"LicenseManager"> = {
  "LicenseManager:OfferCreated": {
    touches: ({ args }, ctx) => [["Offer", rowId.offer(ctx.chainId, args.offerId)]],
    apply({ args: a, blockNumber: block }, { ws, ctx, at }) {
      ws.put(
        "Offer",
        {
          id: rowId.offer(ctx.chainId, a.offerId),
          chainId: ctx.chainId,
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
    },
  },

  "LicenseManager:OfferRetired": {
    touches: ({ args }, ctx) => [["Offer", rowId.offer(ctx.chainId, args.offerId)]],
    apply(event, { ws, ctx }) {
      const offer = required(ws, event, "Offer", rowId.offer(ctx.chainId, event.args.offerId));
      ws.put("Offer", { ...offer, retired: true, updatedBlock: event.blockNumber }, event.blockNumber);
    },
  },

  "LicenseManager:LicensePurchased": {
    touches: ({ args }, ctx) => [
      ["Offer", rowId.offer(ctx.chainId, args.offerId)],
      ["License", rowId.license(ctx.chainId, args.licenseId)],
    ],
    apply(event, { ws, ctx, at }) {
      const c = ctx.chainId;
      const block = event.blockNumber;
      const a = event.args;
      const offer = required(ws, event, "Offer", rowId.offer(c, a.offerId));
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
          expiresAt: a.expiresAt === 0n ? null : toDate(a.expiresAt),
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
    },
  },

  "LicenseManager:Transfer": {
    touches: ({ args }, ctx) => [["License", rowId.license(ctx.chainId, args.id)]],
    apply(event, { ws, ctx }) {
      // The mint's Transfer precedes LicensePurchased, which carries the holder.
      if (event.args.from === ZERO) return;
      const license = required(ws, event, "License", rowId.license(ctx.chainId, event.args.id));
      // A transfer voids the seller's delegations (the contract bumps the license's epoch).
      const moved = license.delegates > 0 ? { epoch: license.epoch + 1, delegates: 0 } : {};
      ws.put(
        "License",
        { ...license, ...moved, holder: lower(event.args.to), updatedBlock: event.blockNumber },
        event.blockNumber,
      );
    },
  },

  "LicenseManager:LicenseRenewed": {
    touches: ({ args }, ctx) => [["License", rowId.license(ctx.chainId, args.licenseId)]],
    apply(event, { ws, ctx }) {
      const a = event.args;
      const license = required(ws, event, "License", rowId.license(ctx.chainId, a.licenseId));
      ws.put(
        "License",
        { ...license, expiresAt: toDate(a.expiresAt), updatedBlock: event.blockNumber },
        event.blockNumber,
      );
      ctx.payments.set(`${event.txHash}:${a.licenseId}`, { kind: "RENEWAL", payer: lower(a.payer) });
    },
  },

  "LicenseManager:SeatDelegated": {
    touches: ({ args }, ctx) => seatRows(ctx.chainId, args.licenseId, args.account),
    apply: (event, scope) => setSeat(scope.ws, scope.ctx.chainId, event, true),
  },

  "LicenseManager:SeatRevoked": {
    touches: ({ args }, ctx) => seatRows(ctx.chainId, args.licenseId, args.account),
    apply: (event, scope) => setSeat(scope.ws, scope.ctx.chainId, event, false),
  },

  "LicenseManager:PaymentSplit": {
    touches: ({ args }, ctx) => [["ProtocolFee", rowId.fee(ctx.chainId, lower(args.currency))]],
    apply(event, { ws, ctx, at }) {
      const a = event.args;
      const block = event.blockNumber;
      const currency = lower(a.currency);
      const payment = ctx.payments.get(`${event.txHash}:${a.licenseId}`);
      if (!payment)
        throw new ProjectionDivergedError(`PaymentSplit at ${block}: no purchase or renewal before it`);
      ws.fact("Sale", {
        id: factId(ctx, event),
        chainId: ctx.chainId,
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
      addProtocolFees(ws, ctx.chainId, block, currency, a.protocolFee, 0n);
    },
  },

  "LicenseManager:ProtocolFeesWithdrawn": {
    touches: ({ args }, ctx) => [["ProtocolFee", rowId.fee(ctx.chainId, lower(args.currency))]],
    apply({ args, blockNumber }, { ws, ctx }) {
      addProtocolFees(ws, ctx.chainId, blockNumber, lower(args.currency), 0n, args.amount);
    },
  },

  "LicenseManager:CurrencyAllowed": {
    touches: ({ args }, ctx) => [["Currency", rowId.currency(ctx.chainId, lower(args.currency))]],
    apply({ args, blockNumber }, { ws, ctx }) {
      const address = lower(args.currency);
      ws.put(
        "Currency",
        {
          id: rowId.currency(ctx.chainId, address),
          chainId: ctx.chainId,
          address,
          allowed: args.allowed,
          updatedBlock: blockNumber,
        },
        blockNumber,
      );
    },
  },
};

export const licenseManagerIgnored: IgnoredEvents<"LicenseManager"> = {
  "LicenseManager:Approval": "token approvals are not marketplace state",
  "LicenseManager:ApprovalForAll": "operator approvals are not marketplace state",
  "LicenseManager:FeesSet": "the fee of each sale is in its PaymentSplit",
  "LicenseManager:TreasurySet": "the treasury is read from the chain",
  "LicenseManager:UpstreamPaid":
    "the upstream total is in PaymentSplit; the parent's credit arrives as its RevenueCredited",
  "LicenseManager:Paused": "admin switch, not projected",
  "LicenseManager:Unpaused": "admin switch, not projected",
  "LicenseManager:RoleAdminChanged": "access control is read from the chain",
  "LicenseManager:RoleGranted": "access control is read from the chain",
  "LicenseManager:RoleRevoked": "access control is read from the chain",
};

function seatRows(
  chainId: number,
  licenseId: bigint,
  account: string,
): [["License", string], ["SeatDelegation", string]] {
  return [
    ["License", rowId.license(chainId, licenseId)],
    ["SeatDelegation", rowId.delegation(chainId, licenseId, lower(account))],
  ];
}

function setSeat(
  ws: WorkingSet,
  chainId: number,
  event: EventOf<"LicenseManager:SeatDelegated" | "LicenseManager:SeatRevoked">,
  active: boolean,
): void {
  const { licenseId, delegates } = event.args;
  const block = event.blockNumber;
  const license = required(ws, event, "License", rowId.license(chainId, licenseId));
  ws.put("License", { ...license, delegates, updatedBlock: block }, block);
  const account = lower(event.args.account);
  ws.put(
    "SeatDelegation",
    {
      id: rowId.delegation(chainId, licenseId, account),
      chainId,
      licenseId,
      account,
      active,
      epoch: license.epoch,
      updatedBlock: block,
    },
    block,
  );
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
