// The benchmark's baseline: the same decoding and the same handlers, but the way a straightforward
// Prisma loop indexes: for every event, one upsert of the raw event, then a read and a write of each
// row it touches, each its own round trip, with no transaction around them. Not used in production.
import type { PrismaClient } from "@tessera/db";
import type { IndexerConfig } from "./config.ts";
import { createDecoder } from "./decode.ts";
import { apply, type ProjectionContext, touches } from "./projection/handlers/index.ts";
import type { Table } from "./projection/rows.ts";
import { WorkingSet } from "./projection/working-set.ts";
import { getBlockHeaders } from "./rpc/blocks.ts";
import type { JsonRpcClient } from "./rpc/json-rpc.ts";
import { fetchLogsAdaptive } from "./rpc/logs-range.ts";
import { loadRows, type Tx, writeBatch } from "./store.ts";

/** Indexes [fromBlock, toBlock] event by event; stops after `limit` events. Returns events indexed. */
export async function indexNaively(
  { config, rpc, db }: { config: IndexerConfig; rpc: JsonRpcClient; db: PrismaClient },
  fromBlock: bigint,
  toBlock: bigint,
  limit = Number.POSITIVE_INFINITY,
): Promise<number> {
  const decode = createDecoder(config.contracts);
  const context: ProjectionContext = {
    chainId: config.chainId,
    currencies: new Set(["0x0000000000000000000000000000000000000000"]),
    payments: new Map(),
  };
  let done = 0;
  for await (const chunk of fetchLogsAdaptive(rpc, {
    addresses: Object.values(config.contracts),
    fromBlock,
    toBlock,
    tuning: { initialSpan: config.initialBlockRange, maxSpan: config.maxBlockRange },
  })) {
    const events = chunk.logs.map(decode);
    const headers = new Map(
      (
        await getBlockHeaders(
          rpc,
          events.map((e) => e.blockNumber),
        )
      ).map((h) => [h.number, h]),
    );
    for (const event of events) {
      if (done >= limit) return done;
      const key = { chainId: config.chainId, blockNumber: event.blockNumber, logIndex: event.logIndex };
      await db.chainEvent.upsert({
        where: { chainId_blockNumber_logIndex: key },
        create: {
          ...key,
          blockHash: event.blockHash,
          txHash: event.txHash,
          address: event.address.toLowerCase(),
          eventName: event.eventName,
          args: JSON.parse(JSON.stringify(event.args, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
        },
        update: {},
      });
      if (event.eventName === "RevenueCredited") context.currencies.add(event.args.currency.toLowerCase());
      const ws = new WorkingSet(null);
      for (const [table, id] of touches(event, context)) {
        await loadRows(db as unknown as Tx, new Map<Table, Set<string>>([[table, new Set([id])]]), ws);
      }
      const header = headers.get(event.blockNumber);
      apply(ws, context, event, new Date(Number(header?.timestamp ?? 0n) * 1000));
      await writeBatch(db as unknown as Tx, config.chainId, ws, [], {
        blockNumber: event.blockNumber,
        blockHash: event.blockHash,
      });
      done++;
    }
  }
  return done;
}
