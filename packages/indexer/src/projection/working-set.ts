// One batch's view of the projection tables: rows read up front in bulk (see touches.ts), changed in
// memory by the handlers, then written back in bulk. While a batch is inside the unfinalized window
// it also records, per row and block, the image before that block's first change: a reorg past the
// block restores it.
import type { Facts, FactTable, Rows, Table } from "./rows.ts";

export type UndoEntry = { blockNumber: bigint; tableName: Table; rowId: string; before: Rows[Table] | null };

export class MissingRowError extends Error {
  override name = "MissingRowError";
}

export class WorkingSet {
  private readonly rows = new Map<Table, Map<string, Rows[Table] | null>>();
  private readonly lastChange = new Map<string, bigint>();
  readonly dirty = new Map<Table, Set<string>>();
  readonly undo: UndoEntry[] = [];
  readonly facts: { [T in FactTable]: Facts[T][] } = {
    AssetVersion: [],
    AssetLineage: [],
    RevenueCredit: [],
    RoyaltyClaim: [],
    Sale: [],
    CuratorReward: [],
  };

  private readonly journalFrom: bigint | null;

  /** @param journalFrom Changes in this block or later are journaled; null: none (finalized range). */
  constructor(journalFrom: bigint | null) {
    this.journalFrom = journalFrom;
  }

  /** Records a row as the database holds it (null: absent). */
  seed<T extends Table>(table: T, id: string, row: Rows[T] | null): void {
    this.table(table).set(id, row);
  }

  has(table: Table, id: string): boolean {
    return this.table(table).has(id);
  }

  get<T extends Table>(table: T, id: string): Rows[T] | null {
    const rows = this.table(table);
    if (!rows.has(id)) throw new MissingRowError(`${table} ${id} was not loaded for this batch`);
    return (rows.get(id) as Rows[T] | null) ?? null;
  }

  put<T extends Table>(table: T, row: Rows[T], blockNumber: bigint): void {
    const rows = this.table(table);
    if (this.journalFrom !== null && blockNumber >= this.journalFrom) {
      const key = `${table}\u0000${row.id}`;
      if (this.lastChange.get(key) !== blockNumber) {
        this.lastChange.set(key, blockNumber);
        this.undo.push({ blockNumber, tableName: table, rowId: row.id, before: rows.get(row.id) ?? null });
      }
    }
    rows.set(row.id, row);
    this.dirty.set(table, (this.dirty.get(table) ?? new Set<string>()).add(row.id));
  }

  fact<T extends FactTable>(table: T, row: Facts[T]): void {
    this.facts[table].push(row);
  }

  /** The rows a table's writes must upsert. */
  changed<T extends Table>(table: T): Rows[T][] {
    const rows = this.table(table);
    return [...(this.dirty.get(table) ?? [])].map((id) => rows.get(id) as Rows[T]);
  }

  private table(table: Table): Map<string, Rows[Table] | null> {
    const rows = this.rows.get(table) ?? new Map<string, Rows[Table] | null>();
    this.rows.set(table, rows);
    return rows;
  }
}
