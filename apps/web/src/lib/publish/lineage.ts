import { percentToUnits } from "./percent";

// Parents an asset derives from (datasets it was trained on, models it fine-tunes) and the part of each
// sale that flows to them. The registry caps the total at 30 % and the count at 8; the rules are
// checked here first so a builder reads why before a transaction is built.

/** AssetRegistry.MAX_UPSTREAM_BPS: at most 30 % of each sale flows upstream. */
export const MAX_UPSTREAM_BPS = 3_000n;
/** AssetRegistry.MAX_PARENTS. */
export const MAX_PARENTS = 8;

export type ParentRow = { assetId: string; percent: string };
export type Parent = { assetId: bigint; bps: number };
export type ParentProblem = { row: number; field: "assetId" | "percent"; message: string };

export type LineageCheck =
  | { ok: true; parents: Parent[]; totalBps: number; problems: [] }
  | { ok: false; problems: ParentProblem[]; summary: string };

/**
 * `known` tells whether an asset id exists (the form looks parents up as they are typed); the chain
 * checks again at simulation, so a stale answer costs nothing but a clear refusal.
 */
export function checkLineage(rows: readonly ParentRow[], known?: (assetId: bigint) => boolean): LineageCheck {
  const problems: ParentProblem[] = [];
  const parents: Parent[] = [];
  const seen = new Map<bigint, number>();
  let total = 0n;
  rows.forEach((row, index) => {
    const idText = row.assetId.trim().replace(/^#/, "");
    let id: bigint | null = null;
    if (!/^\d{1,18}$/.test(idText) || BigInt(idText) === 0n) {
      problems.push({
        row: index,
        field: "assetId",
        message: "Enter the parent's asset number (for example 3).",
      });
    } else {
      id = BigInt(idText);
      const first = seen.get(id);
      if (first !== undefined) {
        problems.push({
          row: index,
          field: "assetId",
          message: `Asset #${id} is already parent ${first + 1}: list each parent once.`,
        });
        id = null;
      } else if (known && !known(id)) {
        problems.push({ row: index, field: "assetId", message: `There is no asset #${id} on Tessera yet.` });
        id = null;
      } else seen.set(id, index);
    }
    const bps = percentToUnits(row.percent, 10_000n, 2);
    if (bps === null || bps === 0n) {
      problems.push({
        row: index,
        field: "percent",
        message:
          "Enter the parent's share of each sale, more than 0 % with at most 2 decimals (for example 10).",
      });
    } else {
      total += bps;
      if (id !== null) parents.push({ assetId: id, bps: Number(bps) });
    }
  });
  if (rows.length > MAX_PARENTS) {
    return { ok: false, problems, summary: `An asset can name at most ${MAX_PARENTS} parents.` };
  }
  if (problems.length > 0) return { ok: false, problems, summary: "Fix the highlighted parents." };
  if (total > MAX_UPSTREAM_BPS) {
    return {
      ok: false,
      problems,
      summary: `Parents together can receive at most 30 % of each sale; these add up to ${Number(total) / 100} %.`,
    };
  }
  return { ok: true, parents, totalBps: Number(total), problems: [] };
}
