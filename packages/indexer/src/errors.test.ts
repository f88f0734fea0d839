import { describe, expect, it } from "vitest";
import { ChainStalledError, classifyFailure, describeChain } from "./errors.ts";
import { ProjectionDivergedError } from "./projection/handlers/index.ts";
import { RpcConnectionError, RpcRequestError, RpcRetriesExhausted } from "./rpc/errors.ts";

// Shapes observed through the database fault proxy (Prisma 7 + @prisma/adapter-pg + pg).
const prismaRaw = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid `prisma.$queryRawUnsafe()` invocation: Raw query failed."), {
    name: "PrismaClientKnownRequestError",
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("classifyFailure", () => {
  it("retries a connection cut in the middle of a transaction (pg's plain Error)", () => {
    const failure = classifyFailure(new Error("Connection terminated unexpectedly"));
    expect(failure).toMatchObject({ kind: "database-connection", retryable: true });
  });

  it("retries a server that was restarted or shut down (57P01 inside Prisma's adapter error)", () => {
    const error = prismaRaw({
      kind: "postgres",
      code: "57P01",
      message: "terminating connection due to administrator command",
    });
    expect(classifyFailure(error)).toMatchObject({ kind: "database-connection", retryable: true });
  });

  it("retries a server that refuses connections", () => {
    const error = prismaRaw({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 });
    expect(classifyFailure(error).retryable).toBe(true);
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(classifyFailure(new Error("query failed", { cause: refused })).retryable).toBe(true);
  });

  it("retries deadlocks and serialization failures as transient", () => {
    const error = prismaRaw({ kind: "postgres", code: "40P01", message: "deadlock detected" });
    expect(classifyFailure(error)).toMatchObject({ kind: "database-transient", retryable: true });
  });

  it("stops on a database without the schema (42P01)", () => {
    const error = prismaRaw({ kind: "postgres", code: "42P01", message: 'relation "Block" does not exist' });
    expect(classifyFailure(error)).toMatchObject({ kind: "fatal", retryable: false });
  });

  it("stops when the projection diverges from the chain", () => {
    expect(classifyFailure(new ProjectionDivergedError("no Offer 31337:9")).retryable).toBe(false);
  });

  it("retries a node that stayed away through the RPC client's own retries, not a request it rejects", () => {
    const last = new RpcConnectionError("socket hang up", { method: "eth_blockNumber" });
    expect(classifyFailure(new RpcRetriesExhausted(6, last))).toMatchObject({ kind: "rpc", retryable: true });
    const bad = new RpcRequestError("method not found", { method: "eth_foo", code: -32601 });
    expect(classifyFailure(bad).retryable).toBe(false);
  });

  it("reports a chain that does not link up as stalled, with the blocks and hashes", () => {
    const error = new ChainStalledError(
      12n,
      `0x${"0".repeat(64)}`,
      { blockNumber: 11n, blockHash: `0x${"ab".repeat(32)}` },
      5,
    );
    expect(classifyFailure(error)).toMatchObject({ kind: "chain-stalled", retryable: true });
    expect(error.message).toContain("block 12 reports parent hash 0x0000");
    expect(error.message).toContain(`block 11 is 0x${"ab".repeat(32)}`);
  });

  it("describes the whole cause chain, adapter error included", () => {
    const inner = prismaRaw({ kind: "postgres", code: "57P01", message: "terminating connection" });
    const text = describeChain(classifyFailure(new Error("batch failed", { cause: inner })).chain);
    expect(text).toMatch(
      /^Error: batch failed ← PrismaClientKnownRequestError \(P2010\): .* ← DriverAdapterError\(postgres\) \(57P01\): terminating connection$/,
    );
  });
});
