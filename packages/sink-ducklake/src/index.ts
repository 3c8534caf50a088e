/**
 * `@stellar-ducklake/sink-ducklake`: batched, transactional, exactly-once writes of
 * stellar-ducklake rows into DuckLake.
 */
export { openDuckLakeSink, DuckLakeSink } from './sink.js';
export * from './encode.js';
export type {
  CompactReport,
  CountMismatch,
  DuckLakeSinkOptions,
  LedgerRange,
  LedgerSink,
  MaintenanceOptions,
  SinkStats,
  TableOptions,
  VerifyReport,
} from './types.js';
export type { MaintenanceSettings } from './maintenance.js';
export type { SinkConfig, CatalogKind, EnabledTable } from './options.js';
export { resolveOptions } from './options.js';
export { redactSecrets } from './catalog.js';
export { SinkError, type SinkErrorCode } from './errors.js';
export { mergeRanges, missingRanges, rangesOf, rangesContain, intersectRanges, countLedgers, formatRanges } from './ranges.js';
export { createTableSql, columnListSql, progressTableDef, progressViews } from './ddl.js';
