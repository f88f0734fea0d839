// Every contract's handlers in one registry keyed `Contract:Event`. Adding an event means adding its
// handler (or its reason to be ignored) to its contract's file; nothing here changes.
import type { DecodedEvent } from "../../decode.ts";
import { assetRegistryHandlers, assetRegistryIgnored } from "./asset-registry.ts";
import { licenseManagerHandlers, licenseManagerIgnored } from "./license-manager.ts";
import { royaltySharesHandlers, royaltySharesIgnored } from "./royalty-shares.ts";
import type { ApplyScope, EventKey, Handler, ProjectionContext, RowRef } from "./shared.ts";
import { stakingPoolHandlers, stakingPoolIgnored } from "./staking-pool.ts";

export { SHARE_SUPPLY } from "./royalty-shares.ts";
export {
  type EventKey,
  type ProjectionContext,
  ProjectionDivergedError,
  type RowRef,
} from "./shared.ts";

export const HANDLERS = {
  ...assetRegistryHandlers,
  ...royaltySharesHandlers,
  ...licenseManagerHandlers,
  ...stakingPoolHandlers,
};

export const IGNORED_EVENTS: Partial<Record<EventKey, string>> = {
  ...assetRegistryIgnored,
  ...royaltySharesIgnored,
  ...licenseManagerIgnored,
  ...stakingPoolIgnored,
};

export const eventKey = (event: DecodedEvent) => `${event.contract}:${event.eventName}` as EventKey;

function handlerFor(event: DecodedEvent): Handler<DecodedEvent> | undefined {
  // The registry's type pairs each key with its own event type; the key is derived from the event.
  return (HANDLERS as Partial<Record<EventKey, Handler<DecodedEvent>>>)[eventKey(event)];
}

/** Rows `event` may read or write (none for an ignored event). */
export function touches(event: DecodedEvent, ctx: ProjectionContext): RowRef[] {
  return handlerFor(event)?.touches(event, ctx) ?? [];
}

/** Applies `event` (in a block of time `at`) to the working set. */
export function apply(ws: ApplyScope["ws"], ctx: ProjectionContext, event: DecodedEvent, at: Date): void {
  handlerFor(event)?.apply(event, { ws, ctx, at });
}
