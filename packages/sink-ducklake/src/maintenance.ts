/**
 * Lake maintenance: rewrite the progress table into merged runs, move inlined rows into Parquet,
 * merge small adjacent files, expire old snapshots and delete files nothing refers to any more.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { LAKE_ALIAS } from './catalog.js';
import { quoteLiteral } from './ddl.js';
import type { LakeTable } from './lake-schema.js';
import { mergeRanges } from './ranges.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { num, queryRows } from './sql.js';
import type { CompactReport, LedgerRange } from './types.js';

/** What one maintenance run keeps (retention) and which files it merges. */
export interface MaintenanceSettings {
  /** Expire snapshots older than this many seconds. */
  snapshotRetentionSeconds: number;
  /** Delete files scheduled for deletion this many seconds ago or earlier. */
  fileRetentionSeconds: number;
  /** Delete unreferenced files under the data path at least this old. */
  orphanAgeSeconds: number;
  /** Merge only data files smaller than this many bytes. */
  mergeBelowBytes: number;
  /** DuckDB threads while the run merges and rewrites files. */
  threads: number;
}

/** Reads all progress rows as merged ranges. */
export async function readProgress(connection: DuckDBConnection, progress: LakeTable): Promise<{ rows: number; ranges: LedgerRange[] }> {
  const rows = await queryRows(connection, `SELECT start_ledger, end_ledger FROM ${progress.target}`);
  return { rows: rows.length, ranges: mergeRanges(rows.map((r) => ({ start: num(r.start_ledger), end: num(r.end_ledger) }))) };
}

/** Replaces the progress rows by their merged runs, in one transaction, when that makes them fewer. */
export async function compactProgress(connection: DuckDBConnection, progress: LakeTable): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const { rows, ranges } = await readProgress(connection, progress);
    if (rows > ranges.length) {
      await connection.run(`DELETE FROM ${progress.target}`);
      const values = ranges.map((r) => `(${r.start}, ${r.end}, now())`).join(', ');
      await connection.run(`INSERT INTO ${progress.target} VALUES ${values}`);
    }
    await connection.run('COMMIT');
  } catch (e) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Merges (output files) one call of `ducklake_merge_adjacent_files` makes at most. */
const MERGE_FILES_PER_ROUND = 8;
/** Upper bound on merge rounds per table and run (each round removes at least one file). */
const MAX_MERGE_ROUNDS = 100_000;

/** Share of deleted rows above which a data file is rewritten. */
const deleteThreshold = 0.1;

/** Runs `fn` with the instance's DuckDB `threads` setting at `threads`, then puts it back. */
async function withThreads<T>(connection: DuckDBConnection, threads: number, fn: () => Promise<T>): Promise<T> {
  const [{ before }] = (await queryRows(connection, `SELECT current_setting('threads') AS before`)) as [{ before: unknown }];
  await connection.run(`SET threads = ${Math.floor(threads)}`);
  try {
    return await fn();
  } finally {
    await connection.run(`SET threads = ${num(before)}`);
  }
}

const ago = (seconds: number) => `now() - INTERVAL ${Math.floor(seconds)} SECOND`;

/**
 * Runs the maintenance steps for the given tables of one schema; each step is retried on conflicts.
 * `orphans` adds the deletion of unreferenced files, which lists the whole data path.
 */
export async function runMaintenance(
  connection: DuckDBConnection,
  schema: string,
  tables: readonly LakeTable[],
  progress: LakeTable,
  settings: MaintenanceSettings,
  policy: RetryPolicy,
  orphans: boolean,
): Promise<CompactReport> {
  // Each merging thread holds row groups of its own: fewer threads, less memory.
  return withThreads(connection, settings.threads, async () => {
    const lake = quoteLiteral(LAKE_ALIAS);
    const step = (sql: string) => withRetries(policy, () => queryRows(connection, sql));
    const report: CompactReport = { inlinedRowsFlushed: 0, filesMerged: 0, filesCreated: 0, snapshotsExpired: 0, filesDeleted: 0 };

    await withRetries(policy, () => compactProgress(connection, progress));

    const sch = quoteLiteral(schema);
    // The progress table stays inlined when inlining is on: it is small after compactProgress().
    for (const t of tables) {
      for (const r of await step(`CALL ducklake_flush_inlined_data(${lake}, schema_name => ${sch}, table_name => ${quoteLiteral(t.name)})`)) {
        report.inlinedRowsFlushed += num(r.rows_flushed);
      }
    }
    for (const t of [...tables, progress]) {
      const name = quoteLiteral(t.name);
      // Files with deleted rows (replaced ranges, rewritten progress) are rewritten without them.
      for (const r of await step(`CALL ducklake_rewrite_data_files(${lake}, ${name}, schema => ${sch}, delete_threshold => ${deleteThreshold})`)) {
        report.filesMerged += num(r.files_processed);
        report.filesCreated += num(r.files_created);
      }
      // Merging in batches (DuckLake's advice: merges are memory-intensive) bounds what one call
      // holds; rounds repeat until nothing is left to merge (each round leaves fewer, larger files).
      // Only files below the bound are candidates: files at or above it are not rewritten again.
      const merge = `CALL ducklake_merge_adjacent_files(${lake}, ${name}, schema => ${sch}, max_compacted_files => ${MERGE_FILES_PER_ROUND}, max_file_size => ${Math.floor(settings.mergeBelowBytes)})`;
      for (let round = 0; round < MAX_MERGE_ROUNDS; round++) {
        let processed = 0;
        let created = 0;
        for (const r of await step(merge)) {
          processed += num(r.files_processed);
          created += num(r.files_created);
        }
        report.filesMerged += processed;
        report.filesCreated += created;
        if (processed <= created) break;
      }
    }
    report.snapshotsExpired = (await step(`CALL ducklake_expire_snapshots(${lake}, older_than => ${ago(settings.snapshotRetentionSeconds)})`)).length;
    report.filesDeleted += (await step(`CALL ducklake_cleanup_old_files(${lake}, older_than => ${ago(settings.fileRetentionSeconds)})`)).length;
    if (orphans) {
      // Lists the whole data path: worth it on request, not on every cadence tick.
      report.filesDeleted += (await step(`CALL ducklake_delete_orphaned_files(${lake}, older_than => ${ago(settings.orphanAgeSeconds)})`)).length;
    }
    return report;
  });
}
