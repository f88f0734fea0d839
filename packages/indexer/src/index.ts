// @tessera/indexer: projects Tessera's contract events into Postgres.
export {
  type IndexerConfig,
  IndexerConfigError,
  type IndexerConfigInput,
  parseIndexerConfig,
} from "./config.ts";
export { type ContractAddresses, createDecoder, type DecodedEvent } from "./decode.ts";
export {
  ChainStalledError,
  CheckpointMovedError,
  classifyFailure,
  describeChain,
  type Failure,
  type FailureKind,
  WriterLockLostError,
} from "./errors.ts";
export { createHealthReporter, type Health, type HealthReporter } from "./health.ts";
export { type IndexerDeps, type RunOptions, runIndexer, type SyncResult, syncToHead } from "./indexer.ts";
export { createLogger, type LogEntry, type Logger, silentLogger } from "./log.ts";
export { indexNaively } from "./naive.ts";
export { createProgressReporter } from "./progress.ts";
export { ALL_PROJECTION_TABLES } from "./projection/rows.ts";
export { createJsonRpcClient, type JsonRpcClient } from "./rpc/json-rpc.ts";
export { type IndexerStatus, readStatus } from "./status.ts";
export { resetChainData } from "./store.ts";
export { acquireWriterLock, LOCK_NAMESPACE, type WriterLock, WriterLockAbortedError } from "./writer-lock.ts";
