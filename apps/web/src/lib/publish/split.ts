import { type Address, getAddress, isAddress } from "viem";
import { percentToUnits } from "./percent";

// Contributors and their share of an asset's revenue. On chain the split is minted as ERC-1155 royalty
// shares that must add up to exactly RoyaltyShares.SUPPLY, so percentages are checked here, in
// integers, before any transaction is built.

/** RoyaltyShares.SUPPLY: every asset has exactly this many shares. */
export const SHARE_SUPPLY = 1_000_000n;
/** One share is 0.0001 %: four decimals are the most a percentage can carry. */
export const SHARE_PERCENT_DECIMALS = 4;
export const MAX_CONTRIBUTORS = 50;

export type ContributorRow = { address: string; percent: string };
export type Split = { holders: Address[]; shares: bigint[] };
export type RowProblem = { row: number; field: "address" | "percent"; message: string };

export type SplitCheck =
  | { ok: true; split: Split; problems: [] }
  | { ok: false; problems: RowProblem[]; summary: string; totalUnits: bigint };

/** Checks every row and the total; each problem names its row so the form can show it in place. */
export function checkSplit(rows: readonly ContributorRow[]): SplitCheck {
  const problems: RowProblem[] = [];
  const holders: Address[] = [];
  const shares: bigint[] = [];
  const seen = new Map<string, number>();
  let total = 0n;
  rows.forEach((row, index) => {
    const address = row.address.trim();
    if (!isAddress(address, { strict: false })) {
      problems.push({
        row: index,
        field: "address",
        message:
          address === ""
            ? "Enter the contributor's wallet address."
            : "This is not a wallet address (0x followed by 40 hex digits).",
      });
    } else {
      const key = address.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          row: index,
          field: "address",
          message: `This address is already contributor ${first + 1}: merge the two rows into one.`,
        });
      } else seen.set(key, index);
    }
    const units = percentToUnits(row.percent, SHARE_SUPPLY, SHARE_PERCENT_DECIMALS);
    if (units === null) {
      problems.push({
        row: index,
        field: "percent",
        message: "Enter a percentage between 0 and 100 with at most 4 decimals (for example 33.3333).",
      });
    } else if (units === 0n) {
      problems.push({
        row: index,
        field: "percent",
        message: "A contributor's share must be more than 0 %.",
      });
    } else {
      total += units;
      if (isAddress(address, { strict: false })) holders.push(getAddress(address));
      shares.push(units);
    }
  });
  if (rows.length === 0) {
    return {
      ok: false,
      problems,
      summary: "Add at least one contributor: the revenue has to go to someone.",
      totalUnits: 0n,
    };
  }
  if (rows.length > MAX_CONTRIBUTORS) {
    return {
      ok: false,
      problems,
      summary: `At most ${MAX_CONTRIBUTORS} contributors can share one asset.`,
      totalUnits: total,
    };
  }
  if (problems.length > 0) {
    return { ok: false, problems, summary: "Fix the highlighted rows.", totalUnits: total };
  }
  if (total !== SHARE_SUPPLY) {
    const diff = total > SHARE_SUPPLY ? total - SHARE_SUPPLY : SHARE_SUPPLY - total;
    const amount = `${(Number(diff) / 10_000).toString()} %`;
    return {
      ok: false,
      problems,
      summary:
        total > SHARE_SUPPLY
          ? `The shares add up to more than 100 %: remove ${amount}.`
          : `The shares add up to less than 100 %: ${amount} is not given to anyone yet.`,
      totalUnits: total,
    };
  }
  return { ok: true, split: { holders, shares }, problems: [] };
}

/** Splits 100 % evenly, the remainder to the first rows, so "Split evenly" always sums exactly. */
export function evenPercents(count: number): string[] {
  if (count <= 0) return [];
  const base = SHARE_SUPPLY / BigInt(count);
  let remainder = SHARE_SUPPLY - base * BigInt(count);
  return Array.from({ length: count }, () => {
    const units = base + (remainder > 0n ? 1n : 0n);
    if (remainder > 0n) remainder -= 1n;
    const whole = units / 10_000n;
    const frac = (units % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
    return frac ? `${whole}.${frac}` : `${whole}`;
  });
}
