// @tessera/indexer: projects Tessera's contract events into Postgres.
export {
  type IndexerConfig,
  IndexerConfigError,
  type IndexerConfigInput,
  parseIndexerConfig,
} from "./config.ts";
export { type IndexerDeps, runIndexer, type SyncResult, syncToHead } from "./indexer.ts";
export { resetChainData } from "./store.ts";
export { acquireWriterLock, LOCK_NAMESPACE, type WriterLock, WriterLockAbortedError } from "./writer-lock.ts";
