// What every contract's handlers share: the shape of a handler, the context a batch carries, and the
// small helpers the handlers use. A handler has two halves: `touches` names every row the event may
// read or write (so a batch loads them all in one query per table before any handler runs), `apply`
// changes them in memory. Handlers never read the chain or the clock: re-indexing gives identical rows.
import type { DecodedEvent, IndexedContract } from "../../decode.ts";
import { rowId } from "../ids.ts";
import type { Rows, Table } from "../rows.ts";
import type { WorkingSet } from "../working-set.ts";

export const ZERO = "0x0000000000000000000000000000000000000000";
export const lower = (value: string) => value.toLowerCase();

export type ProjectionContext = {
  chainId: number;
  /** Currencies any asset has been credited in: the ones a share transfer may settle. */
  currencies: Set<string>;
  /** Purchase or renewal seen in a transaction, for the PaymentSplit that follows it. */
  payments: Map<string, { kind: "PURCHASE" | "RENEWAL"; payer: string }>;
};

/** The projection disagrees with what the chain says happened: a bug, never retried. */
export class ProjectionDivergedError extends Error {
  override name = "ProjectionDivergedError";
}

/** A row a handler reads or writes: its table and id. */
export type RowRef = [Table, string];

/** What `apply` gets beside its event: the batch's rows, the context and the block's time. */
export type ApplyScope = { ws: WorkingSet; ctx: ProjectionContext; at: Date };

export type Handler<E extends DecodedEvent> = {
  /** Every row `apply` may read or write for this event. */
  touches(event: E, ctx: ProjectionContext): RowRef[];
  apply(event: E, scope: ApplyScope): void;
};

type EventsOf<C extends IndexedContract> = Extract<DecodedEvent, { contract: C }>;
export type EventNameOf<C extends IndexedContract> = EventsOf<C>["eventName"];
export type EventKey = { [C in IndexedContract]: `${C}:${EventNameOf<C>}` }[IndexedContract];
/** The decoded event a `Contract:Event` key names (a union of keys gives a union of events). */
export type EventOf<K extends EventKey> = K extends `${infer C}:${infer N}`
  ? Extract<DecodedEvent, { contract: C; eventName: N }>
  : never;

/** One contract's handlers, keyed `Contract:Event`; an event without a handler must be listed as
 *  ignored in the same file (handlers.test.ts checks every ABI event is one or the other). */
export type ContractHandlers<C extends IndexedContract> = {
  [N in EventNameOf<C> as `${C}:${N}`]?: Handler<Extract<EventsOf<C>, { eventName: N }>>;
};

/** Events of a contract that change nothing the projection holds, each with the reason. */
export type IgnoredEvents<C extends IndexedContract> = {
  [N in EventNameOf<C> as `${C}:${N}`]?: string;
};

/** The row, which an earlier event must have created; its absence means the projection diverged. */
export function required<T extends Table>(
  ws: WorkingSet,
  event: DecodedEvent,
  table: T,
  id: string,
): Rows[T] {
  const row = ws.get(table, id);
  if (!row)
    throw new ProjectionDivergedError(
      `${event.contract}:${event.eventName} at ${event.blockNumber}: no ${table} ${id}`,
    );
  return row;
}

/** The id of a fact row made by `event` (n: which one, when an event makes several). */
export function factId(ctx: ProjectionContext, event: DecodedEvent, n?: number): string {
  return rowId.fact(ctx.chainId, event.blockNumber, event.logIndex, n);
}
