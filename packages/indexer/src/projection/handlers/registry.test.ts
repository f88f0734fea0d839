import { describe, expect, it } from "vitest";
import { INDEXED_CONTRACTS } from "../../decode.ts";
import { HANDLERS, IGNORED_EVENTS } from "./index.ts";

const abiEvents = Object.entries(INDEXED_CONTRACTS).flatMap(([contract, abi]) =>
  (abi as readonly { type: string; name?: string }[])
    .filter((item) => item.type === "event")
    .map((item) => `${contract}:${item.name}`),
);

describe("the handler registry", () => {
  it("handles or knowingly ignores every event in the contracts' ABIs", () => {
    const unaccounted = abiEvents.filter((key) => !(key in HANDLERS) && !(key in IGNORED_EVENTS));
    expect(unaccounted, "add a handler or an ignored entry in the contract's handler file").toEqual([]);
  });

  it("never both handles and ignores an event", () => {
    expect(Object.keys(HANDLERS).filter((key) => key in IGNORED_EVENTS)).toEqual([]);
  });

  it("names only events the ABIs have", () => {
    const known = new Set(abiEvents);
    expect([...Object.keys(HANDLERS), ...Object.keys(IGNORED_EVENTS)].filter((k) => !known.has(k))).toEqual(
      [],
    );
  });
});
