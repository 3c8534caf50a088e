/**
 * The DuckLake sink: buffers ledgers as Parquet pages and commits them into the lake in one
 * transaction per flush, together with the progress rows that record which ledgers the flush
 * holds. Exactly once: a ledger is committed with its progress or not at all.
 *
 * A flush lays the buffered pages of each table out as one Parquet file (no value is re-encoded)
 * and registers it in the lake, or has DuckDB insert it when the rows are few enough to be
 * inlined or the data path is not local. While DuckDB commits one batch, the next one is buffered.
 */
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { LedgerRows, TableName } from '@stellar-ducklake/extract';
import { attachLake, claimCatalog, createInstance, LAKE_ALIAS, loadExtensions, prepareLocalPaths } from './catalog.js';
import { ledgerColumn, quoteIdent, quoteLiteral } from './ddl.js';
import { isTransient, messageOf, SinkError } from './errors.js';
import { ensureLakeSchema, lakeTables, type LakeTable } from './lake-schema.js';
import { readProgress, runMaintenance, type MaintenanceSettings } from './maintenance.js';
import { isUrlPath, resolveOptions, type SinkConfig } from './options.js';
import { Batch } from './batch.js';
import { encodeLedger, encodeRows, tableRows, type EncodedLedger, type EncodeOptions } from './parquet/encode.js';
import { pageCodec } from './parquet/codec.js';
import { parquetFile } from './parquet/file.js';
import { formatRanges, intersectRanges, mergeRanges, missingRanges, rangesContain, rangesOf } from './ranges.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { removeFiles, Spool, writeLakeFile } from './spool.js';
import { queryRows, type Row } from './sql.js';
import type { CompactReport, DuckLakeSinkOptions, LedgerRange, LedgerSink, SinkStats, VerifyReport } from './types.js';
import { verifyRange } from './verify.js';

type OutputTable = LakeTable & { table: TableName };

/**
 * Opens a lake and returns a sink writing into it. One sink per catalog per process.
 *
 * @example
 * const sink = await openDuckLakeSink({ lake: './lake', network: 'pubnet', extensionDirectory: '.extensions' });
 * for (const seq of ledgersToDo) await sink.write(extractLedger(lcm(seq), { networkPassphrase }));
 * await sink.close();
 */
export async function openDuckLakeSink(options: DuckLakeSinkOptions): Promise<DuckLakeSink> {
  const config = resolveOptions(options);
  const release = claimCatalog(config);
  let instance: DuckDBInstance | undefined;
  let spool: Spool | undefined;
  try {
    prepareLocalPaths(config);
    spool = Spool.create(config.spoolDirectory);
    instance = await createInstance(config);
    const writer = await instance.connect();
    await loadExtensions(writer, config);
    await attachLake(writer, config);
    await ensureLakeSchema(writer, config);
    const reader = await instance.connect();
    await reader.run(`USE ${LAKE_ALIAS}.${quoteIdent(config.schema)}`);
    const sink = new DuckLakeSink(config, instance, writer, reader, spool, release);
    await sink.reloadProgress();
    return sink;
  } catch (e) {
    instance?.closeSync();
    spool?.close();
    release();
    throw e;
  }
}

/** A {@link LedgerSink} writing into DuckLake. Create it with {@link openDuckLakeSink}. */
export class DuckLakeSink implements LedgerSink {
  /** The validated configuration. */
  readonly config: SinkConfig;
  private readonly instance: DuckDBInstance;
  private readonly writer: DuckDBConnection;
  private readonly reader: DuckDBConnection;
  private readonly spool: Spool;
  private readonly release: () => void;
  private readonly tables: OutputTable[];
  private readonly progress: LakeTable;
  private readonly policy: RetryPolicy;

  private committed: LedgerRange[] = [];
  /** Ledgers buffered for the next flush. */
  private pending = new Batch();
  /** The flush being committed in the background, and its ledgers. */
  private inflight: { batch: Batch; done: Promise<void> } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastMaintenance = Date.now();
  /** Bytes of the files registered since the last maintenance. */
  private registeredBytes = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private broken: SinkError | undefined;
  private backgroundError: unknown;
  private readonly counters: SinkStats = { flushes: 0, retries: 0, ledgers: 0, rows: {}, maintenanceRuns: 0 };

  /** @internal Use {@link openDuckLakeSink}. */
  constructor(config: SinkConfig, instance: DuckDBInstance, writer: DuckDBConnection, reader: DuckDBConnection, spool: Spool, release: () => void) {
    this.config = config;
    this.instance = instance;
    this.writer = writer;
    this.reader = reader;
    this.spool = spool;
    this.release = release;
    const { output, progress } = lakeTables(config);
    this.tables = output;
    this.progress = progress;
    this.policy = { maxRetries: config.maxRetries, delayMs: config.retryDelayMs };
  }

  /** The local directory of the lake's data files, when the data path is local. */
  private get dataDirectory(): string | undefined {
    const d = this.config.dataPath;
    return d === undefined || isUrlPath(d) ? undefined : d;
  }

  private addFileSql(t: OutputTable, path: string): string {
    return `CALL ducklake_add_data_files(${quoteLiteral(LAKE_ALIAS)}, ${quoteLiteral(t.name)}, ${quoteLiteral(path)}, schema => ${quoteLiteral(this.config.schema)})`;
  }

  /** The output tables this sink writes, for {@link encodeLedger} in another thread. */
  get enabledTables(): TableName[] {
    return this.tables.map((t) => t.table);
  }

  /** The options {@link encodeLedger} must be given for this sink (its page compression). */
  get encodeOptions(): EncodeOptions {
    return { compression: this.config.compression };
  }

  /**
   * Ledger ranges already committed (merged, ascending, inclusive), read from the lake's progress
   * table, so ranges committed by other writers of a shared catalog are included.
   */
  committedRanges(): Promise<LedgerRange[]> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.settle();
      await this.reloadProgress();
      return this.committed.map((r) => ({ ...r }));
    });
  }

  /** Counters since the sink was opened. */
  stats(): SinkStats {
    return { ...this.counters, rows: { ...this.counters.rows } };
  }

  /** Ledgers written and not yet committed, including a flush under way (merged, ascending). */
  bufferedRanges(): LedgerRange[] {
    return rangesOf([...this.pending.ledgers.keys(), ...(this.inflight?.batch.ledgers.keys() ?? [])]);
  }

  /** @internal Reads the committed ranges from the lake. */
  async reloadProgress(): Promise<void> {
    this.committed = (await readProgress(this.writer, this.progress)).ranges;
  }

  /**
   * Buffers one ledger's rows (see {@link writeEncoded}). Rows that fail the column checks are
   * refused (`INVALID_ROW`) and nothing of that ledger is buffered.
   */
  write(rows: LedgerRows): Promise<void> {
    let encoded: EncodedLedger;
    try {
      encoded = encodeLedger(rows, this.enabledTables, this.encodeOptions);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.writeEncoded(encoded);
  }

  /**
   * Buffers one ledger already encoded by {@link encodeLedger} (for this sink's
   * {@link enabledTables} and {@link encodeOptions}, e.g. in a worker thread), then starts a flush
   * when the ledger count, a table's row count or the buffered bytes reach their bounds, or the
   * commit interval has passed.
   * The flush commits in the background while later ledgers are buffered; this call waits only
   * for a flush still under way from before. A flush that fails (`FLUSH_FAILED`) puts its ledgers
   * back into the buffer and its error is thrown by the next call of `write`, `flush` or `close`;
   * a later `flush()` commits them once the cause is gone.
   */
  writeEncoded(ledger: EncodedLedger): Promise<void> {
    return this.exclusive(async () => {
      this.assertUsable();
      const seq = ledger?.sequence;
      if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
        throw new SinkError('INVALID_ROW', `writeEncoded() needs an encoded ledger whose sequence is a ledger number, got ${String(seq)}.`);
      }
      const missing = this.tables.filter((t) => ledger.tables[t.table] === undefined);
      if (missing.length > 0) {
        throw new SinkError('INVALID_ROW', `the encoded ledger has no ${missing.map((t) => t.table).join(', ')} pages.`, {
          ledger: seq,
          hint: "Encode with the sink's enabledTables.",
        });
      }
      const codec = pageCodec(this.config.compression).id;
      const other = this.tables.find((t) => ledger.tables[t.table]!.codec !== codec);
      if (other !== undefined) {
        throw new SinkError('INVALID_ROW', `the encoded ${other.table} pages are not compressed with ${this.config.compression}, as this sink writes.`, {
          ledger: seq,
          hint: "Encode with the sink's encodeOptions.",
        });
      }
      if (rangesContain(this.committed, seq)) {
        throw new SinkError('LEDGER_ALREADY_COMMITTED', `is already committed to the lake.`, {
          ledger: seq,
          hint: 'Resume from committedRanges(): skip ledgers that are already committed.',
        });
      }
      if (this.pending.ledgers.has(seq) || this.inflight?.batch.ledgers.has(seq) === true) {
        throw new SinkError('LEDGER_ALREADY_BUFFERED', `was already written and waits for the next flush.`, { ledger: seq });
      }
      if (this.pending.ledgers.size === 0) this.armTimer();
      this.pending.add(ledger);
      if (this.shouldFlush()) await this.startFlush();
    });
  }

  /** Commits everything buffered, atomically with its progress; retried on transient errors. */
  flush(): Promise<void> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.flushAll();
    });
  }

  /** Flushes, then releases the DuckDB instance. The sink is unusable afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    let error: unknown;
    try {
      await this.exclusive(async () => {
        if (this.broken === undefined) await this.flushAll();
      });
    } catch (e) {
      error = e;
    }
    await this.exclusive(async () => {
      if (this.closed) return;
      this.closed = true;
      this.disarmTimer();
      await this.inflight?.done;
      this.writer.closeSync();
      this.reader.closeSync();
      this.instance.closeSync();
      this.spool.close();
      this.release();
    });
    if (error !== undefined) throw error;
  }

  /**
   * Replaces the rows of `tables` for ledgers `start..end` (inclusive, all already committed) by
   * `rows`, one {@link LedgerRows} per ledger of the range, in one transaction: readers see the old
   * rows or the new ones, never neither.
   */
  replaceRange(tables: readonly TableName[], start: number, end: number, rows: readonly LedgerRows[]): Promise<void> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.settle();
      const range = { start, end };
      const fail = (message: string, hint?: string) =>
        new SinkError('REPLACE_FAILED', `cannot replace ledgers ${start}-${end}: ${message}`, hint === undefined ? {} : { hint });
      if (!Number.isInteger(start) || !Number.isInteger(end) || start > end) throw fail('the range is empty or not integral.');
      const targets = [...new Set(tables)].map((t) => {
        const target = this.tables.find((x) => x.table === t);
        if (target === undefined) throw fail(`table ${t} is not enabled in this sink.`);
        return target;
      });
      if (targets.length === 0) throw fail('no table given.');
      const notCommitted = missingRanges(range, this.committed);
      if (notCommitted.length > 0) throw fail(`ledgers ${formatRanges(notCommitted)} are not committed yet.`, 'Write new ledgers with write(); replace only committed ones.');
      const seqs = rows.map((r) => r?.ledger?.sequence);
      if (rows.length !== end - start + 1 || new Set(seqs).size !== rows.length || seqs.some((s) => typeof s !== 'number' || s < start || s > end)) {
        throw fail('rows must hold exactly one LedgerRows for every ledger of the range.');
      }
      const sorted = [...rows].sort((a, b) => a.ledger.sequence - b.ledger.sequence);
      const files = new Map<OutputTable, string | undefined>();
      try {
        for (const t of targets) {
          const parts = sorted.map((r) => {
            const seq = r.ledger.sequence;
            const list = tableRows(r, t.table);
            if (list.some((x) => (x as Record<string, unknown>)[ledgerColumn[t.table]] !== seq)) throw fail(`${t.table} rows of ledger ${seq} name another ledger.`);
            return encodeRows(t.def, list, seq, this.encodeOptions, t.table);
          });
          const file = parquetFile(t.def, parts);
          files.set(t, file === undefined ? undefined : await this.spool.write(t.table, file.chunks));
        }
        await withRetries(this.policy, () =>
          this.transaction(async () => {
            for (const [t, path] of files) {
              await this.writer.run(`DELETE FROM ${t.target} WHERE ${quoteIdent(ledgerColumn[t.table])} BETWEEN ${start} AND ${end}`);
              if (path !== undefined) await this.writer.run(insertFileSql(t, path));
            }
          }),
        );
      } catch (e) {
        if (e instanceof SinkError) throw e;
        throw new SinkError('REPLACE_FAILED', `replacing ledgers ${start}-${end} failed, the lake is unchanged: ${messageOf(e)}`, { cause: e });
      } finally {
        await removeFiles([...files.values()].filter((p): p is string => p !== undefined));
      }
    });
  }

  /**
   * Flushes the buffer, then compacts the lake: progress rows merged, inlined rows written to
   * Parquet, adjacent files smaller than `mergeBelowBytes` merged, snapshots older than the
   * retention expired, and files no snapshot needs any more deleted. Settings not given are the
   * sink's maintenance options.
   */
  compact(settings: Partial<MaintenanceSettings> = {}): Promise<CompactReport> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.flushAll();
      return this.maintain(settings, true);
    });
  }

  /** Checks `start..end` (inclusive): see {@link VerifyReport}. */
  verify(start: number, end: number): Promise<VerifyReport> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.settle();
      await this.reloadProgress();
      return verifyRange(this.reader, this.tables, this.committed, start, end);
    });
  }

  /**
   * Runs SQL with the lake's schema as the default, so plain table names (`ledgers`,
   * `operations`, `committed_ranges`, ...) work. Returns rows with JS values (BIGINT as bigint).
   */
  async query(sql: string): Promise<Row[]> {
    this.assertUsable();
    try {
      return await queryRows(this.reader, sql);
    } catch (e) {
      throw new SinkError('QUERY_FAILED', `query failed: ${messageOf(e)}`, { cause: e });
    }
  }

  // ---- internals ------------------------------------------------------------------------------

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private assertUsable(): void {
    if (this.closed) throw new SinkError('SINK_CLOSED', 'the sink is closed.');
    if (this.broken !== undefined) throw this.broken;
    if (this.backgroundError !== undefined) {
      const e = this.backgroundError;
      this.backgroundError = undefined;
      throw e;
    }
  }

  private shouldFlush(): boolean {
    const c = this.config;
    const p = this.pending;
    if (p.ledgers.size >= c.batchSize) return true;
    if (p.bytes >= c.maxBytes) return true;
    if (p.maxRows() >= c.maxRowsPerTable) return true;
    return p.ledgers.size > 0 && Date.now() - p.firstAt >= c.commitIntervalMs;
  }

  private armTimer(): void {
    this.disarmTimer();
    if (this.config.commitIntervalMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.exclusive(async () => {
        if (!this.closed && this.broken === undefined && this.pending.ledgers.size > 0) await this.startFlush();
      }).catch((e: unknown) => {
        // Surfaces on the next call of write(), flush() or close().
        this.backgroundError ??= e;
      });
    }, this.config.commitIntervalMs);
    this.timer.unref();
  }

  private disarmTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Waits for the flush under way, if any; its failure is then thrown by the next call. */
  private async settle(): Promise<void> {
    await this.inflight?.done;
  }

  /** Waits for the flush under way, then commits everything buffered; throws a failure of either. */
  private async flushAll(): Promise<void> {
    await this.settle();
    // A failed flush put its ledgers back in the buffer: they are tried again now. Another
    // failure (of maintenance) is thrown once the buffer is committed.
    const earlier = this.backgroundError;
    this.backgroundError = undefined;
    if (this.pending.ledgers.size > 0) {
      await this.startFlush();
      await this.settle();
    }
    this.assertUsable();
    if (earlier !== undefined && !(earlier instanceof SinkError && earlier.code === 'FLUSH_FAILED')) throw earlier;
  }

  /** Starts committing the buffered ledgers in the background, after the flush under way. */
  private async startFlush(): Promise<void> {
    this.disarmTimer();
    await this.settle();
    if (this.broken !== undefined) throw this.broken;
    if (this.pending.ledgers.size === 0) return;
    const batch = this.pending;
    this.pending = new Batch();
    const done = this.commitInBackground(batch).finally(() => {
      this.inflight = undefined;
    });
    this.inflight = { batch, done };
  }

  /**
   * Commits a batch, then runs maintenance if due; never throws. A failed commit puts the batch
   * back in front of the buffer; either failure is kept for the next call to throw.
   */
  private async commitInBackground(batch: Batch): Promise<void> {
    try {
      await this.commit(batch);
    } catch (e) {
      batch.absorb(this.pending);
      this.pending = batch;
      if (!this.closed) this.armTimer();
      this.backgroundError = e;
      return;
    }
    try {
      await this.maintainIfDue();
    } catch (e) {
      this.backgroundError ??= e;
    }
  }

  private async transaction(body: () => Promise<void>): Promise<void> {
    await this.writer.run('BEGIN TRANSACTION');
    try {
      await body();
    } catch (e) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
    await this.writer.run('COMMIT');
  }

  /** Progress rows overlapping `runs`, read inside the current transaction. */
  private async committedOverlap(runs: readonly LedgerRange[]): Promise<LedgerRange[]> {
    const first = runs[0]!.start;
    const last = runs[runs.length - 1]!.end;
    const rows = await queryRows(
      this.writer,
      `SELECT start_ledger, end_ledger FROM ${this.progress.target} WHERE end_ledger >= ${first} AND start_ledger <= ${last}`,
    );
    const found = mergeRanges(rows.map((r) => ({ start: Number(r.start_ledger), end: Number(r.end_ledger) })));
    return intersectRanges(runs, found);
  }

  /** Writes the batch's spool files and commits them with their progress rows. */
  private async commit(batch: Batch): Promise<void> {
    const runs = rangesOf(batch.ledgers.keys());
    const files: { table: OutputTable; path: string; rows: number; bytes: number; direct: boolean }[] = [];
    let commitSent = false;
    let attempts = 1;
    try {
      for (const t of this.tables) {
        const file = parquetFile(t.def, batch.parts(t.table));
        if (file === undefined) continue;
        // Small inserts go through DuckDB, which inlines them into the catalog; larger ones are
        // written straight into the lake's data path and registered as they are.
        const direct = this.dataDirectory !== undefined && file.rows > this.config.dataInliningRowLimit;
        const path = direct
          ? await writeLakeFile(join(this.dataDirectory!, this.config.schema, t.name), file.chunks)
          : await this.spool.write(t.table, file.chunks);
        files.push({ table: t, path, rows: file.rows, bytes: file.bytes, direct });
      }
      await withRetries(this.policy, async () => {
        await this.writer.run('BEGIN TRANSACTION');
        try {
          const overlap = await this.committedOverlap(runs);
          if (overlap.length > 0) {
            const covered = formatRanges(overlap) === formatRanges(runs);
            if (commitSent && covered) {
              // The previous attempt's COMMIT reached the catalog although it reported an error.
              await this.writer.run('ROLLBACK');
              return;
            }
            throw new SinkError('LEDGER_ALREADY_COMMITTED', `ledgers ${formatRanges(overlap)} were committed by another writer meanwhile.`, {
              hint: 'Two writers are writing the same ledgers; give each writer disjoint ranges and resume from committedRanges().',
            });
          }
          for (const f of files) await this.writer.run(f.direct ? this.addFileSql(f.table, f.path) : insertFileSql(f.table, f.path));
          const values = runs.map((r) => `(${r.start}, ${r.end}, now())`).join(', ');
          await this.writer.run(`INSERT INTO ${this.progress.target} VALUES ${values}`);
        } catch (e) {
          await this.writer.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
        commitSent = true;
        try {
          await this.writer.run('COMMIT');
        } catch (e) {
          // A failed COMMIT normally ends the transaction; make sure none is left open.
          await this.writer.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }, () => {
        this.counters.retries++;
        attempts++;
      });
    } catch (e) {
      // Files of the lake's data path are dropped unless a COMMIT was sent: one that reported an
      // error may still have registered them (then compact() removes them if they are unused).
      if (!commitSent) await removeFiles(files.filter((f) => f.direct).map((f) => f.path));
      throw new SinkError(
        'FLUSH_FAILED',
        `committing ${batch.ledgers.size} buffered ledgers failed (${attempts} attempt${attempts === 1 ? '' : 's'}); nothing of them is visible in the lake: ${messageOf(e)}`,
        {
          cause: e,
          retryable: isTransient(e),
          uncommitted: runs,
          hint: 'The rows stay buffered: fix the cause and call flush() again, or close the sink and resume from committedRanges().',
        },
      );
    } finally {
      await removeFiles(files.filter((f) => !f.direct).map((f) => f.path));
    }
    this.committed = mergeRanges([...this.committed, ...runs]);
    this.counters.flushes++;
    this.counters.ledgers += batch.ledgers.size;
    for (const f of files) {
      this.counters.rows[f.table.name] = (this.counters.rows[f.table.name] ?? 0) + f.rows;
      if (f.direct) this.registeredBytes += f.bytes;
    }
  }

  /**
   * Runs maintenance when its interval has passed or enough bytes were registered since the last
   * run (after a flush, before the next one starts).
   */
  private async maintainIfDue(): Promise<void> {
    const c = this.config;
    const byTime = c.maintenanceIntervalMs > 0 && Date.now() - this.lastMaintenance >= c.maintenanceIntervalMs;
    const byBytes = c.maintenanceAfterBytes > 0 && this.registeredBytes >= c.maintenanceAfterBytes;
    if (byTime || byBytes) await this.maintain({}, false);
  }

  private async maintain(overrides: Partial<MaintenanceSettings>, orphans: boolean): Promise<CompactReport> {
    const c = this.config;
    const settings: MaintenanceSettings = {
      snapshotRetentionSeconds: overrides.snapshotRetentionSeconds ?? c.snapshotRetentionSeconds,
      fileRetentionSeconds: overrides.fileRetentionSeconds ?? c.fileRetentionSeconds,
      orphanAgeSeconds: overrides.orphanAgeSeconds ?? c.orphanAgeSeconds,
      mergeBelowBytes: overrides.mergeBelowBytes ?? c.mergeBelowBytes,
      threads: overrides.threads ?? c.maintenanceThreads,
    };
    try {
      const report = await runMaintenance(this.writer, c.schema, this.tables, this.progress, settings, this.policy, orphans);
      this.lastMaintenance = Date.now();
      this.registeredBytes = 0;
      this.counters.maintenanceRuns++;
      return report;
    } catch (e) {
      throw new SinkError('COMPACT_FAILED', `lake maintenance failed (committed data is unaffected): ${messageOf(e)}`, { cause: e, retryable: true });
    }
  }
}

/** Inserts the rows of a spool file into a lake table. */
function insertFileSql(t: LakeTable, path: string): string {
  return `INSERT INTO ${t.target} SELECT * FROM read_parquet(${quoteLiteral(path)})`;
}
