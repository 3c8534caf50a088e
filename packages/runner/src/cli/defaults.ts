/** Every default of the CLI, in one place. */
import { availableParallelism } from 'node:os';

/** Defaults of `run`, `export`, `serve`, `verify` and `query`. */
export const defaults = {
  /** Concurrent source streams for `run` (the stellar-live-source design value). */
  streams: 6,
  /** Concurrent source streams for `export` (output is in ledger order). */
  exportStreams: 1,
  /** Extraction worker threads: all cores. */
  threads: (): number => availableParallelism(),
  /** Network when neither `--network` nor `--network-passphrase` is given. */
  network: 'pubnet' as const,
  /** Ledgers per commit. */
  batchSize: 100,
  /** Longest time between commits, in seconds. */
  commitIntervalSeconds: 10,
  /** Give up on a source after this long without a ledger while retrying, in seconds. */
  retryTimeoutSeconds: 120,
  /** Interface `serve` binds. */
  serveHost: '127.0.0.1',
  /** Environment variable naming the DuckDB extension directory. */
  extensionDirEnv: 'STELLAR_DUCKLAKE_EXTENSION_DIR',
} as const;
