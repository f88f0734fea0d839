// What the indexer does with a failure that reaches its top level: wait and try again (the database
// or the node is away for a while, the chain does not link up yet) or stop (a bug, a bad
// configuration, a database without the schema). Postgres, the pg driver and Prisma's driver adapter
// each say "connection lost" differently, so the classifier walks the whole cause chain and looks at
// every layer's codes; the patterns below are the ones observed through a fault proxy.
import { BlockNotFoundError } from "./rpc/blocks.ts";
import { RpcError, RpcRetriesExhausted } from "./rpc/errors.ts";

export type FailureKind =
  | "database-connection"
  | "database-transient"
  | "rpc"
  | "chain-stalled"
  | "checkpoint-moved"
  | "writer-lock-lost"
  | "fatal";

export type Failure = { kind: FailureKind; retryable: boolean; chain: CauseLink[] };
export type CauseLink = { name: string; message: string; code?: string };

/** The chain the indexer reads does not link up (a block's parent hash is not the stored block's
 *  hash) however often the range is read again. Seen with `hardhat_mine` blocks on Hardhat 3. */
export class ChainStalledError extends Error {
  override name = "ChainStalledError";
  readonly block: bigint;
  readonly parentHash: string;
  readonly checkpoint: { blockNumber: bigint; blockHash: string };
  readonly attempts: number;
  constructor(
    block: bigint,
    parentHash: string,
    checkpoint: { blockNumber: bigint; blockHash: string },
    attempts: number,
  ) {
    super(
      `block ${block} reports parent hash ${parentHash}, but block ${checkpoint.blockNumber} is ${checkpoint.blockHash} ` +
        `(still after ${attempts} reads): the node's chain does not link up`,
    );
    this.block = block;
    this.parentHash = parentHash;
    this.checkpoint = checkpoint;
    this.attempts = attempts;
  }
}

/** Another writer moved the checkpoint under this one (it lost its lock, or a second copy ran without one). */
export class CheckpointMovedError extends Error {
  override name = "CheckpointMovedError";
}

/** The session holding the writer lock ended (connection cut, database restarted). */
export class WriterLockLostError extends Error {
  override name = "WriterLockLostError";
}

// SQLSTATE classes and codes after which the same statement can succeed later.
const RETRY_SQLSTATE_CLASSES = ["08"]; // connection exception
const RETRY_SQLSTATES = new Set([
  "57P01", // admin shutdown (terminated by an administrator or a restart)
  "57P02", // crash shutdown
  "57P03", // cannot connect now (starting up)
  "53300", // too many connections
  "40001", // serialization failure
  "40P01", // deadlock detected
  "55P03", // lock not available
]);
const TRANSIENT_SQLSTATES = new Set(["40001", "40P01", "55P03"]);
// Prisma's own codes: cannot reach, timeouts, server closed the connection, pool timeout, a
// transaction that ended under its feet.
const RETRY_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
const RETRY_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
  "TransactionWriteConflict",
]);
const RETRY_ERRNO = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
const RETRY_MESSAGES = [
  /connection terminated/i,
  /terminating connection/i,
  /connection (is )?(closed|ended|lost)/i,
  /client has encountered a connection error/i,
  /server closed the connection unexpectedly/i,
  /timeout exceeded when trying to connect/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /can't reach database server/i,
  /transaction already closed/i,
  /transaction not found/i,
];

/** The error and its causes, outermost first (Prisma's adapter error is followed into its meta). */
export function causeChain(error: unknown): CauseLink[] {
  const links: CauseLink[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 16; depth++) {
    const record = current as Record<string, unknown>;
    const code = typeof record.code === "string" ? record.code : undefined;
    links.push({
      name: current instanceof Error ? current.name : typeof current,
      message:
        current instanceof Error
          ? current.message
          : typeof record.message === "string"
            ? record.message
            : JSON.stringify(current),
      ...(code ? { code } : {}),
    });
    const meta = record.meta as { driverAdapterError?: { cause?: Record<string, unknown> } } | undefined;
    const adapter = meta?.driverAdapterError?.cause;
    if (adapter) {
      const adapterCode = typeof adapter.code === "string" ? adapter.code : undefined;
      links.push({
        name: `DriverAdapterError(${String(adapter.kind)})`,
        message: typeof adapter.message === "string" ? adapter.message : JSON.stringify(adapter),
        ...(adapterCode ? { code: adapterCode } : { code: String(adapter.kind) }),
      });
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return links;
}

/** Whether waiting and trying again can help, and why. */
export function classifyFailure(error: unknown): Failure {
  const chain = causeChain(error);
  const failure = (kind: FailureKind): Failure => ({ kind, retryable: kind !== "fatal", chain });
  if (error instanceof ChainStalledError) return failure("chain-stalled");
  if (error instanceof CheckpointMovedError) return failure("checkpoint-moved");
  if (error instanceof WriterLockLostError) return failure("writer-lock-lost");
  if (error instanceof BlockNotFoundError) return failure("rpc");
  if (error instanceof RpcRetriesExhausted) {
    const last = error.cause;
    return failure(last instanceof RpcError && isRetryableRpcKind(last) ? "rpc" : "fatal");
  }
  if (error instanceof RpcError) return failure(error.retryable ? "rpc" : "fatal");
  for (const link of chain) {
    const code = link.code;
    if (code && TRANSIENT_SQLSTATES.has(code)) return failure("database-transient");
    if (
      code &&
      (RETRY_SQLSTATES.has(code) ||
        RETRY_SQLSTATE_CLASSES.some((prefix) => code.length === 5 && code.startsWith(prefix)) ||
        RETRY_PRISMA.has(code) ||
        RETRY_ADAPTER_KINDS.has(code) ||
        RETRY_ERRNO.has(code))
    )
      return failure("database-connection");
    if (RETRY_MESSAGES.some((pattern) => pattern.test(link.message))) return failure("database-connection");
  }
  return failure("fatal");
}

function isRetryableRpcKind(error: RpcError): boolean {
  return ["rate-limited", "server-error", "timeout", "connection"].includes(error.kind);
}

/** The cause chain as one line for a log: `Outer: message ← Inner (code): message`. */
export function describeChain(chain: readonly CauseLink[]): string {
  return chain
    .map(
      (link) =>
        `${link.name}${link.code ? ` (${link.code})` : ""}: ${link.message.replace(/\s+/g, " ").trim()}`,
    )
    .join(" ← ");
}
