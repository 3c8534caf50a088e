/**
 * The sink contract the runner writes through, and the options of the DuckLake sink.
 */
import type { LedgerRows, TableName } from '@stellar-ducklake/extract';
import type { EncodedLedger, EncodeOptions } from './parquet/encode.js';
import type { PageCompression } from './parquet/codec.js';

/** A closed range of ledger sequences: both `start` and `end` are included. */
export interface LedgerRange {
  /** First ledger of the range. */
  start: number;
  /** Last ledger of the range (inclusive). */
  end: number;
}

/** Where extracted rows go: committed atomically together with the progress that records them. */
export interface LedgerSink {
  /** Ledger ranges already committed (merged, ascending, inclusive). */
  committedRanges(): Promise<LedgerRange[]>;
  /**
   * Buffers one ledger's rows; may await a flush (backpressure). Throws if that ledger is already
   * committed or buffered. Ledgers may arrive in any order across ranges.
   */
  write(rows: LedgerRows): Promise<void>;
  /** Commits everything buffered, atomically with its progress. */
  flush(): Promise<void>;
  /** Flushes and releases the instance. */
  close(): Promise<void>;
  /**
   * Sinks that take ledgers already encoded as Parquet pages name the tables to encode here;
   * writers then call {@link writeEncoded} with `encodeLedger(rows, enabledTables)`, which may run
   * in another thread, instead of {@link write}.
   */
  readonly enabledTables?: readonly TableName[];
  /** With {@link enabledTables}: the options writers pass to `encodeLedger` (page compression). */
  readonly encodeOptions?: EncodeOptions;
  /**
   * Buffers one ledger encoded by `encodeLedger` for {@link enabledTables} with
   * {@link encodeOptions}; otherwise as {@link write}.
   */
  writeEncoded?(ledger: EncodedLedger): Promise<void>;
}

/** Per-table switches. */
export interface TableOptions {
  /** Whether the table is written (default `true`). A disabled table is neither created nor written. */
  enabled?: boolean;
  /** Table name in the lake (default: the output table's name, e.g. `operations`). */
  name?: string;
}

/** Maintenance run by the sink itself on a cadence, and the retention `compact()` applies. */
export interface MaintenanceOptions {
  /**
   * Seconds between automatic maintenance runs (flush inlined data, merge adjacent files, expire
   * snapshots, clean up files), checked after each flush. `0` disables automatic maintenance;
   * `compact()` still works. Default 600.
   */
  intervalSeconds?: number;
  /**
   * Also run automatic maintenance after a flush once the Parquet files registered since the last
   * run hold this many bytes, so a long backfill keeps its small files merged as it goes. `0`
   * disables this trigger. Default 2 GiB.
   */
  afterBytes?: number;
  /**
   * Merging rewrites only data files smaller than this many bytes (DuckLake's `max_file_size` of
   * `ducklake_merge_adjacent_files`), into files of up to the lake's target size. Larger files,
   * such as the sink's own files of a full batch, are already compressed and left as they are, so
   * that no byte is rewritten over and over while a backfill grows. Default 16 MiB; give the lake's
   * `target_file_size` (512 MiB unless set) to merge everything below it.
   */
  mergeBelowBytes?: number;
  /**
   * DuckDB threads while maintenance merges and rewrites files (the instance's setting is put back
   * afterwards). Each merging thread holds Parquet row groups of its own, so one keeps a backfill's
   * memory low; more finish large merges sooner. Default 1.
   */
  threads?: number;
  /** Snapshots older than this are expired (time travel stops there). Default 86,400 (one day). */
  snapshotRetentionSeconds?: number;
  /**
   * Files scheduled for deletion (after merges and expiry) are removed once they have been
   * scheduled this long, so that running queries can finish reading them. Default 600.
   */
  fileRetentionSeconds?: number;
  /**
   * `compact()` removes files under the data path that the catalog does not know (left by a crash
   * between writing a Parquet file and committing) once they are this old. Must exceed the longest
   * flush of any writer of the lake. Default 3,600. (Automatic maintenance skips this step: it
   * lists the whole data path.)
   */
  orphanAgeSeconds?: number;
}

/** Options of {@link openDuckLakeSink}. */
export interface DuckLakeSinkOptions {
  /**
   * A directory holding a DuckDB-file lake: catalog `<lake>/catalog.ducklake`, data `<lake>/data`.
   * Created when missing. Give either `lake` or `catalog`.
   */
  lake?: string;
  /**
   * DuckLake catalog connection string, with or without the `ducklake:` prefix:
   * `ducklake:/path/catalog.ducklake` (DuckDB file), `ducklake:sqlite:/path/catalog.sqlite`,
   * `ducklake:postgres:dbname=lake host=127.0.0.1 user=...`.
   */
  catalog?: string;
  /**
   * Where the Parquet files go (local directory or `s3://bucket/prefix/`). Needed when the catalog
   * is created; afterwards the catalog remembers it. Default with `lake`: `<lake>/data`.
   */
  dataPath?: string;
  /** Network name; also the default schema name. Default `pubnet`. */
  network?: string;
  /** Schema of the tables in the lake. Default: the network name. */
  schema?: string;
  /** Per-table enablement and names. */
  tables?: Partial<Record<TableName, TableOptions>>;
  /** Name of the progress table in the schema. Default `_ledger_progress`. */
  progressTable?: string;
  /** Flush when this many ledgers are buffered. Default 100. */
  batchSize?: number;
  /** Flush when any table has this many buffered rows. Default 1,000,000. */
  maxRowsPerTable?: number;
  /** Flush when the buffered rows of all tables together reach about this many bytes. Default 256 MiB. */
  maxBytes?: number;
  /** Flush when the oldest buffered ledger has waited this long. Default 10. */
  commitIntervalSeconds?: number;
  /**
   * A local DuckDB extension directory laid out as `<dir>/v<duckdb>/<platform>/*.duckdb_extension`
   * (see `pnpm extensions:offline`). When set, extensions are only loaded from there, never
   * downloaded. When unset, `INSTALL` fetches them from extensions.duckdb.org.
   */
  extensionDirectory?: string;
  /** Retries of a failed flush whose error is transient (conflicts, lost connections). Default 5. */
  maxRetries?: number;
  /** First retry delay in milliseconds; doubles on each retry. Default 200. */
  retryDelayMs?: number;
  /**
   * Inserts of at most this many rows into a table are stored inside the catalog instead of a new
   * Parquet file (DuckLake data inlining); maintenance later flushes them into Parquet. `0`
   * disables inlining. Default 1,000.
   */
  dataInliningRowLimit?: number;
  /** Automatic maintenance and retention. */
  maintenance?: MaintenanceOptions;
  /**
   * Compression of the data pages the sink writes: `snappy` (default, DuckLake's own default
   * codec, so files need no rewrite to be compressed), `lz4` (Parquet `LZ4_RAW`: about the same
   * size and CPU on Stellar's pages; readers need LZ4_RAW support, as DuckDB has) or
   * `uncompressed` (least CPU, ~3× larger files).
   */
  compression?: PageCompression;
  /**
   * SQL run after the extensions are loaded and before the lake is attached, e.g.
   * `CREATE SECRET (TYPE s3, KEY_ID '…', SECRET '…', REGION '…')` for an s3:// data path.
   */
  setupSql?: readonly string[];
  /** Extra DuckDB configuration of the instance (e.g. `{ memory_limit: '2GB', threads: '2' }`). */
  duckdbConfig?: Record<string, string>;
  /** DuckLake's own commit retry count (`ducklake_max_retry_count`). Default 100. */
  ducklakeMaxRetryCount?: number;
  /**
   * A local directory for the Parquet files of a flush, read by DuckDB while it commits them into
   * the lake and deleted afterwards. Each sink uses a subdirectory of its own, removed on close
   * (or, after a crash, by the next sink opened on this directory). Default: `stellar-ducklake-spool`
   * in the OS temporary directory.
   */
  spoolDirectory?: string;
}

/** A run of ledgers that verification found wrong, with what was expected and found. */
export interface CountMismatch {
  /** Ledger sequence. */
  ledger: number;
  /** Count the ledger row promises. */
  expected: number;
  /** Rows present. */
  actual: number;
}

/** Result of {@link DuckLakeSink.verify}. */
export interface VerifyReport {
  /** The verified range. */
  range: LedgerRange;
  /** `true` when nothing below was found. */
  ok: boolean;
  /** Ledgers of the range with no ledger row. */
  missing: LedgerRange[];
  /** Ledgers with more than one ledger row, with their row count. */
  duplicates: { ledger: number; count: number }[];
  /** Ledgers whose transaction rows differ from successful + failed transaction counts. */
  transactionCountMismatches: CountMismatch[];
  /** Ledgers whose operation rows differ from `tx_set_operation_count`. */
  operationCountMismatches: CountMismatch[];
  /** Ledgers of the range that have ledger rows but are not recorded as committed, or the reverse. */
  progressMismatches: LedgerRange[];
  /** Checks that could not run because their table is disabled. */
  skipped: string[];
}

/** Counts reported by {@link DuckLakeSink.compact}. */
export interface CompactReport {
  /** Rows moved from the catalog's inlined tables into Parquet files. */
  inlinedRowsFlushed: number;
  /** Data files merged away. */
  filesMerged: number;
  /** Files written by the merges. */
  filesCreated: number;
  /** Snapshots expired. */
  snapshotsExpired: number;
  /** Files deleted from the data path (superseded and orphaned). */
  filesDeleted: number;
}

/** Counters of one sink since it was opened. */
export interface SinkStats {
  /** Flushes committed. */
  flushes: number;
  /** Flush attempts retried after a transient error. */
  retries: number;
  /** Ledgers committed. */
  ledgers: number;
  /** Rows committed, per lake table name. */
  rows: Record<string, number>;
  /** Automatic or requested maintenance runs completed. */
  maintenanceRuns: number;
}
