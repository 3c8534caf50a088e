/**
 * Validation of {@link DuckLakeSinkOptions} into one typed configuration with every default filled in.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tables as tableDefs, type TableName } from '@stellar-ducklake/extract';
import { SinkError } from './errors.js';
import { pageCodec, pageCompressions, type PageCompression } from './parquet/codec.js';
import type { DuckLakeSinkOptions } from './types.js';

/** Kind of catalog database behind the lake. */
export type CatalogKind = 'duckdb' | 'sqlite' | 'postgres';

/** An enabled output table and its name in the lake. */
export interface EnabledTable {
  /** The output table. */
  table: TableName;
  /** Its name in the lake. */
  name: string;
}

/** Options after validation, with defaults applied. */
export interface SinkConfig {
  /** Full `ducklake:` connection string. */
  catalog: string;
  /** The part after `ducklake:` (and after `sqlite:` / `postgres:`). */
  catalogTarget: string;
  /** Catalog database kind. */
  catalogKind: CatalogKind;
  /** Absolute path of a file catalog; `undefined` for PostgreSQL. */
  catalogFile: string | undefined;
  /** Data path, if given or derived. */
  dataPath: string | undefined;
  /** Schema of the tables. */
  schema: string;
  /** Network name. */
  network: string;
  /** Enabled tables in dependency order. */
  tables: EnabledTable[];
  /** Progress table name. */
  progressTable: string;
  /** Ledgers per flush. */
  batchSize: number;
  /** Buffered rows of one table that trigger a flush. */
  maxRowsPerTable: number;
  /** Buffered bytes (all tables) that trigger a flush. */
  maxBytes: number;
  /** Longest wait of a buffered ledger, in milliseconds (0: no timer). */
  commitIntervalMs: number;
  /** Absolute local extension directory, or undefined to install online. */
  extensionDirectory: string | undefined;
  /** Retries of a flush on transient errors. */
  maxRetries: number;
  /** First retry delay in milliseconds. */
  retryDelayMs: number;
  /** DuckLake data inlining row limit (0: off). */
  dataInliningRowLimit: number;
  /** Milliseconds between automatic maintenance runs (0: off). */
  maintenanceIntervalMs: number;
  /** Bytes of registered files after which maintenance runs (0: off). */
  maintenanceAfterBytes: number;
  /** Only data files smaller than this are merged. */
  mergeBelowBytes: number;
  /** DuckDB threads of maintenance runs. */
  maintenanceThreads: number;
  /** Compression of the data pages. */
  compression: PageCompression;
  /** Age in seconds beyond which snapshots are expired. */
  snapshotRetentionSeconds: number;
  /** Seconds a superseded file stays after being scheduled for deletion. */
  fileRetentionSeconds: number;
  /** Age in seconds beyond which unreferenced files are deleted. */
  orphanAgeSeconds: number;
  /** Statements run before the lake is attached. */
  setupSql: readonly string[];
  /** Extra DuckDB instance settings. */
  duckdbConfig: Record<string, string>;
  /** `ducklake_max_retry_count`. */
  ducklakeMaxRetryCount: number;
  /** Absolute local directory under which each sink keeps its Parquet spool files. */
  spoolDirectory: string;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

function invalid(message: string): SinkError {
  return new SinkError('INVALID_OPTIONS', message);
}

function count(name: string, value: number | undefined, fallback: number, min: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min) throw invalid(`option ${name} must be a number ≥ ${min}, got ${String(value)}.`);
  return v;
}

/** The page compression option; `pageCodec` refuses an unknown name with `INVALID_OPTIONS`. */
function compression(value: PageCompression = pageCompressions[0]): PageCompression {
  pageCodec(value);
  return value;
}

function identifier(what: string, value: string): string {
  if (!IDENT.test(value)) {
    throw invalid(`${what} '${value}' is not a plain SQL identifier (letters, digits, underscore; not starting with a digit).`);
  }
  return value;
}

/**
 * DuckDB settings the sink applies unless `duckdbConfig` overrides them, to keep a long-running
 * ingester's memory flat. DuckDB's own default memory limit is 80% of the machine's RAM and its
 * buffer pool keeps what it may; the sink's own work (registering files, merging them) is bounded
 * well below it. DuckDB's external file cache keeps blocks of every file read, which here means
 * every file registered or merged: its memory grew with the lake (about 450 MB more after 4,000
 * ledgers of the 2020 mix) and the OS page cache serves these local files anyway.
 */
export const DEFAULT_DUCKDB_CONFIG: Readonly<Record<string, string>> = { memory_limit: '512MB', enable_external_file_cache: 'false' };

/** Whether a data path is a URL (`s3://…`, `https://…`) rather than a local directory. */
export function isUrlPath(path: string): boolean {
  return /^[a-z][a-z0-9+]*:\/\//i.test(path);
}

/** Validates options and fills in defaults. Throws `SinkError` `INVALID_OPTIONS`. */

export function resolveOptions(options: DuckLakeSinkOptions): SinkConfig {
  let catalog: string;
  let dataPath = options.dataPath;
  if (options.lake !== undefined) {
    if (options.catalog !== undefined) throw invalid('give either lake (a directory) or catalog, not both.');
    const dir = resolve(options.lake);
    catalog = `ducklake:${dir}/catalog.ducklake`;
    dataPath ??= `${dir}/data`;
  } else if (options.catalog !== undefined) {
    catalog = options.catalog.startsWith('ducklake:') ? options.catalog : `ducklake:${options.catalog}`;
  } else {
    throw invalid('one of lake (a directory) or catalog (a ducklake: connection string) is required.');
  }

  const rest = catalog.slice('ducklake:'.length);
  let catalogKind: CatalogKind = 'duckdb';
  let catalogTarget = rest;
  if (rest.startsWith('postgres:')) {
    catalogKind = 'postgres';
    catalogTarget = rest.slice('postgres:'.length);
  } else if (rest.startsWith('sqlite:')) {
    catalogKind = 'sqlite';
    catalogTarget = rest.slice('sqlite:'.length);
  } else if (rest.startsWith('duckdb:')) {
    catalogTarget = rest.slice('duckdb:'.length);
  }
  if (catalogTarget.length === 0) throw invalid(`catalog '${catalog}' names no database.`);
  if (catalog.includes("'")) throw invalid('catalog must not contain single quotes.');
  if (dataPath?.includes("'")) throw invalid('dataPath must not contain single quotes.');
  const catalogFile = catalogKind === 'postgres' ? undefined : resolve(catalogTarget);
  if (catalogFile !== undefined) {
    catalog = `ducklake:${catalogKind === 'sqlite' ? 'sqlite:' : ''}${catalogFile}`;
    catalogTarget = catalogFile;
  }
  if (dataPath !== undefined && !isUrlPath(dataPath)) dataPath = resolve(dataPath);

  const network = identifier('network', options.network ?? 'pubnet');
  const schema = identifier('schema', options.schema ?? network);
  const enabled: EnabledTable[] = [];
  const names = new Set<string>();
  for (const table of Object.keys(tableDefs) as TableName[]) {
    const t = options.tables?.[table];
    if (t?.enabled === false) continue;
    const name = identifier(`table name for ${table}`, t?.name ?? tableDefs[table].name);
    if (names.has(name)) throw invalid(`two tables are named '${name}'.`);
    names.add(name);
    enabled.push({ table, name });
  }
  for (const key of Object.keys(options.tables ?? {})) {
    if (!(key in tableDefs)) throw invalid(`unknown table '${key}' in tables (known: ${Object.keys(tableDefs).join(', ')}).`);
  }
  if (enabled.length === 0) throw invalid('all tables are disabled; enable at least one.');
  const progressTable = identifier('progressTable', options.progressTable ?? '_ledger_progress');
  if (names.has(progressTable)) throw invalid(`progressTable '${progressTable}' clashes with a table name.`);

  const m = options.maintenance ?? {};
  return {
    catalog,
    catalogTarget,
    catalogKind,
    catalogFile,
    dataPath,
    schema,
    network,
    tables: enabled,
    progressTable,
    batchSize: count('batchSize', options.batchSize, 100, 1),
    maxRowsPerTable: count('maxRowsPerTable', options.maxRowsPerTable, 1_000_000, 1),
    maxBytes: count('maxBytes', options.maxBytes, 256 * 1024 * 1024, 1),
    commitIntervalMs: count('commitIntervalSeconds', options.commitIntervalSeconds, 10, 0) * 1000,
    extensionDirectory: options.extensionDirectory === undefined ? undefined : resolve(options.extensionDirectory),
    maxRetries: count('maxRetries', options.maxRetries, 5, 0),
    retryDelayMs: count('retryDelayMs', options.retryDelayMs, 200, 0),
    dataInliningRowLimit: count('dataInliningRowLimit', options.dataInliningRowLimit, 1000, 0),
    maintenanceIntervalMs: count('maintenance.intervalSeconds', m.intervalSeconds, 600, 0) * 1000,
    maintenanceAfterBytes: count('maintenance.afterBytes', m.afterBytes, 2 * 1024 ** 3, 0),
    mergeBelowBytes: count('maintenance.mergeBelowBytes', m.mergeBelowBytes, 16 * 1024 ** 2, 1),
    maintenanceThreads: count('maintenance.threads', m.threads, 1, 1),
    compression: compression(options.compression),
    snapshotRetentionSeconds: count('maintenance.snapshotRetentionSeconds', m.snapshotRetentionSeconds, 86_400, 0),
    fileRetentionSeconds: count('maintenance.fileRetentionSeconds', m.fileRetentionSeconds, 600, 0),
    orphanAgeSeconds: count('maintenance.orphanAgeSeconds', m.orphanAgeSeconds, 3600, 0),
    setupSql: options.setupSql ?? [],
    duckdbConfig: { ...DEFAULT_DUCKDB_CONFIG, ...options.duckdbConfig },
    ducklakeMaxRetryCount: count('ducklakeMaxRetryCount', options.ducklakeMaxRetryCount, 100, 0),
    spoolDirectory: resolve(options.spoolDirectory ?? join(tmpdir(), 'stellar-ducklake-spool')),
  };
}
