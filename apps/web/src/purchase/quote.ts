// What a license costs and where the money goes, computed exactly as LicenseManager does: `_quote`
// (price × seats × periods) and `_distribute` (protocol fee, each parent's share, the curators' share
// when the staking pool accepts it, and the rest to the asset's contributors, who take every
// rounding remainder). The page shows this before the wallet opens and asks the wallet for exactly
// `total`; a test compares it with the contract's PaymentSplit on a real chain.

const BPS = 10_000n;
/** LicenseManager's MAX_SEATS (uint24). */
export const MAX_SEATS = 16_777_215;
/** A ceiling on periods bought at once, so a typo cannot ask for a century of payments. */
export const MAX_PERIODS = 120;

/** The fee settings and lineage a sale of one asset in one currency is split by (read from chain). */
export type SplitRules = {
  protocolFeeBps: number;
  curatorBps: number;
  /** Each upstream parent's share, in basis points, in the registry's order. */
  parentBps: number[];
  /** StakingPool.acceptsReward(assetId, currency): false when nobody stakes on the asset. */
  curatorsAccept: boolean;
};

export type Quote = {
  total: bigint;
  protocolFee: bigint;
  upstream: bigint;
  curators: bigint;
  contributors: bigint;
};

export function quoteLicense(price: bigint, seats: number, periods: number, rules: SplitRules): Quote {
  const total = price * BigInt(seats) * BigInt(periods);
  return { total, ...splitPayment(total, rules) };
}

/** `_distribute`: integer division per part, as Solidity rounds (down). */
export function splitPayment(total: bigint, rules: SplitRules): Omit<Quote, "total"> {
  const protocolFee = (total * BigInt(rules.protocolFeeBps)) / BPS;
  const upstream = rules.parentBps.reduce((sum, bps) => sum + (total * BigInt(bps)) / BPS, 0n);
  const share = (total * BigInt(rules.curatorBps)) / BPS;
  const curators = share !== 0n && rules.curatorsAccept ? share : 0n;
  return { protocolFee, upstream, curators, contributors: total - protocolFee - upstream - curators };
}

type Parsed = { ok: true; value: number } | { ok: false; reason: string };

/** Seats as typed: a whole number from 1 to the contract's cap. */
export function parseSeats(text: string): Parsed {
  return parseCount(text, MAX_SEATS, "seats", "Enter how many seats (staff accounts) you need.");
}

/** Periods as typed; a perpetual offer is bought once. */
export function parsePeriods(text: string, perpetual: boolean): Parsed {
  if (perpetual) return { ok: true, value: 1 };
  return parseCount(text, MAX_PERIODS, "periods", "Enter how many periods to buy.");
}

function parseCount(text: string, max: number, what: string, empty: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: empty };
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: `Enter a whole number of ${what}, like 1 or 5.` };
  const value = Number(trimmed);
  if (value < 1) return { ok: false, reason: `Buy at least 1 of the ${what}.` };
  if (value > max)
    return { ok: false, reason: `Buy at most ${max.toLocaleString("en-GB")} ${what} at once.` };
  return { ok: true, value };
}
