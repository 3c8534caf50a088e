/**
 * The DuckLake sink: buffers extracted rows in TEMP staging tables and commits them into the lake
 * in one transaction per flush, together with the progress rows that record which ledgers the
 * flush holds. Exactly once: a ledger is committed with its progress or not at all.
 */
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { LedgerRows, TableName } from '@stellar-ducklake/extract';
import { attachLake, claimCatalog, createInstance, LAKE_ALIAS, loadExtensions, prepareLocalPaths } from './catalog.js';
import { insertOrder, ledgerColumn, quoteIdent } from './ddl.js';
import { isTransient, messageOf, SinkError } from './errors.js';
import { ensureLakeSchema, lakeTables, type LakeTable } from './lake-schema.js';
import { readProgress, runMaintenance, type Retention } from './maintenance.js';
import { resolveOptions, type SinkConfig } from './options.js';
import { formatRanges, intersectRanges, mergeRanges, missingRanges, rangesContain, rangesOf } from './ranges.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { tableCodec, type PreparedRows, type TableCodec } from './row-codec.js';
import { queryRows, type Row } from './sql.js';
import type { CompactReport, DuckLakeSinkOptions, LedgerRange, LedgerSink, SinkStats, VerifyReport } from './types.js';
import { verifyRange } from './verify.js';

type OutputTable = LakeTable & { table: TableName };

/** Which field of {@link LedgerRows} feeds each table. */
const rowsOf: Record<TableName, (r: LedgerRows) => readonly object[]> = {
  ledgers: (r) => [r.ledger],
  transactions: (r) => r.transactions,
  operations: (r) => r.operations,
  native_balances: (r) => r.nativeBalances,
};

interface Staged {
  readonly lake: OutputTable;
  readonly codec: TableCodec;
  appender: DuckDBAppender | undefined;
  rows: number;
}

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
  try {
    prepareLocalPaths(config);
    instance = await createInstance(config);
    const writer = await instance.connect();
    await loadExtensions(writer, config);
    await attachLake(writer, config);
    await ensureLakeSchema(writer, config);
    const reader = await instance.connect();
    await reader.run(`USE ${LAKE_ALIAS}.${quoteIdent(config.schema)}`);
    const sink = new DuckLakeSink(config, instance, writer, reader, release);
    await sink.reloadProgress();
    return sink;
  } catch (e) {
    instance?.closeSync();
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
  private readonly release: () => void;
  private readonly tables: OutputTable[];
  private readonly progress: LakeTable;
  private readonly staged: Staged[];
  private readonly policy: RetryPolicy;

  private committed: LedgerRange[] = [];
  private readonly buffered = new Set<number>();
  private bufferedBytes = 0;
  /** Whether the buffered ledgers were written in ascending order (their rows are then in id order). */
  private ascending = true;
  private lastBuffered = -1;
  private oldestBufferedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastMaintenance = Date.now();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private broken: SinkError | undefined;
  private backgroundError: unknown;
  private readonly counters: SinkStats = { flushes: 0, retries: 0, ledgers: 0, rows: {}, maintenanceRuns: 0 };

  /** @internal Use {@link openDuckLakeSink}. */
  constructor(config: SinkConfig, instance: DuckDBInstance, writer: DuckDBConnection, reader: DuckDBConnection, release: () => void) {
    this.config = config;
    this.instance = instance;
    this.writer = writer;
    this.reader = reader;
    this.release = release;
    const { output, progress } = lakeTables(config);
    this.tables = output;
    this.progress = progress;
    this.staged = output.map((lake) => ({ lake, codec: tableCodec(lake.def), appender: undefined, rows: 0 }));
    this.policy = { maxRetries: config.maxRetries, delayMs: config.retryDelayMs };
  }

  /**
   * Ledger ranges already committed (merged, ascending, inclusive), read from the lake's progress
   * table, so ranges committed by other writers of a shared catalog are included.
   */
  committedRanges(): Promise<LedgerRange[]> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.reloadProgress();
      return this.committed.map((r) => ({ ...r }));
    });
  }

  /** Counters since the sink was opened. */
  stats(): SinkStats {
    return { ...this.counters, rows: { ...this.counters.rows } };
  }

  /** Ledgers buffered and not yet committed (merged, ascending). */
  bufferedRanges(): LedgerRange[] {
    return rangesOf(this.buffered);
  }

  /** @internal Reads the committed ranges from the lake. */
  async reloadProgress(): Promise<void> {
    this.committed = (await readProgress(this.writer, this.progress)).ranges;
  }

  /**
   * Buffers one ledger's rows, then flushes when the ledger count, a table's row count or the
   * buffered bytes reach their bounds, or the commit interval has passed. Rows that fail the
   * column checks are refused (`INVALID_ROW`) and nothing of that ledger is buffered. When the
   * flush fails (`FLUSH_FAILED`), the ledger stays buffered with the others, listed in the error's
   * `uncommitted`; a later `flush()` commits them once the cause is gone.
   */
  write(rows: LedgerRows): Promise<void> {
    return this.exclusive(async () => {
      this.assertUsable();
      const seq = rows?.ledger?.sequence;
      if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
        throw new SinkError('INVALID_ROW', `write() needs LedgerRows whose ledger.sequence is a ledger number, got ${String(seq)}.`);
      }
      if (rangesContain(this.committed, seq)) {
        throw new SinkError('LEDGER_ALREADY_COMMITTED', `is already committed to the lake.`, {
          ledger: seq,
          hint: 'Resume from committedRanges(): skip ledgers that are already committed.',
        });
      }
      if (this.buffered.has(seq)) {
        throw new SinkError('LEDGER_ALREADY_BUFFERED', `was already written and waits for the next flush.`, { ledger: seq });
      }
      const prepared: PreparedRows[] = [];
      let bytes = 0;
      for (const s of this.staged) {
        const tableRows = rowsOf[s.lake.table](rows);
        if (!Array.isArray(tableRows)) throw new SinkError('INVALID_ROW', `the ${s.lake.table} rows are not an array.`, { ledger: seq });
        const col = ledgerColumn[s.lake.table];
        for (let i = 0; i < tableRows.length; i++) {
          const v = (tableRows[i] as Record<string, unknown> | null)?.[col];
          if (v !== seq) {
            throw new SinkError('INVALID_ROW', `${s.lake.table} row ${i + 1} has ${col} ${String(v)}, not the ledger's sequence.`, { ledger: seq });
          }
        }
        const p = s.codec.prepare(tableRows, seq, s.lake.name);
        prepared.push(p);
        bytes += p.bytes;
      }
      try {
        for (let i = 0; i < this.staged.length; i++) {
          const s = this.staged[i]!;
          const p = prepared[i]!;
          if (p.rows.length === 0) continue;
          s.appender ??= await this.writer.createAppender(s.lake.stage, 'main', 'temp');
          s.codec.append(s.appender, p);
          s.rows += p.rows.length;
        }
      } catch (e) {
        // The staging tables may now hold part of this ledger: nothing buffered can be trusted.
        this.broken = new SinkError('SINK_FAILED', `appending ledger ${seq} to the staging tables failed: ${messageOf(e)}; buffered ledgers were dropped.`, {
          ledger: seq,
          cause: e,
          uncommitted: rangesOf([...this.buffered, seq]),
          hint: 'Close the sink and open a new one; resume from committedRanges().',
        });
        throw this.broken;
      }
      if (this.buffered.size === 0) {
        this.oldestBufferedAt = Date.now();
        this.armTimer();
      }
      this.buffered.add(seq);
      this.bufferedBytes += bytes;
      if (seq < this.lastBuffered) this.ascending = false;
      this.lastBuffered = seq;
      if (this.shouldFlush()) await this.flushLocked();
    });
  }

  /** Commits everything buffered, atomically with its progress; retried on transient errors. */
  flush(): Promise<void> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.flushLocked();
    });
  }

  /** Flushes, then releases the DuckDB instance. The sink is unusable afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    let error: unknown;
    try {
      await this.exclusive(async () => {
        if (this.broken === undefined && this.buffered.size > 0) await this.flushLocked();
      });
    } catch (e) {
      error = e;
    }
    await this.exclusive(async () => {
      if (this.closed) return;
      this.closed = true;
      this.disarmTimer();
      for (const s of this.staged) {
        try {
          s.appender?.closeSync();
        } catch {
          // The instance is closed next; a failing appender has nothing left to lose.
        }
        s.appender = undefined;
      }
      this.writer.closeSync();
      this.reader.closeSync();
      this.instance.closeSync();
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
      const range = { start, end };
      const fail = (message: string, hint?: string) =>
        new SinkError('REPLACE_FAILED', `cannot replace ledgers ${start}-${end}: ${message}`, hint === undefined ? {} : { hint });
      if (!Number.isInteger(start) || !Number.isInteger(end) || start > end) throw fail('the range is empty or not integral.');
      const targets = [...new Set(tables)].map((t) => {
        const s = this.staged.find((x) => x.lake.table === t);
        if (s === undefined) throw fail(`table ${t} is not enabled in this sink.`);
        return s;
      });
      if (targets.length === 0) throw fail('no table given.');
      const notCommitted = missingRanges(range, this.committed);
      if (notCommitted.length > 0) throw fail(`ledgers ${formatRanges(notCommitted)} are not committed yet.`, 'Write new ledgers with write(); replace only committed ones.');
      const seqs = rows.map((r) => r?.ledger?.sequence);
      const seen = new Set(seqs);
      if (rows.length !== end - start + 1 || seen.size !== rows.length || seqs.some((s) => typeof s !== 'number' || s < start || s > end)) {
        throw fail('rows must hold exactly one LedgerRows for every ledger of the range.');
      }
      const stage = (t: Staged) => `replace_${t.lake.table}`;
      for (const t of targets) {
        await this.writer.run(`CREATE TEMP TABLE IF NOT EXISTS ${quoteIdent(stage(t))} AS SELECT * FROM temp.main.${quoteIdent(t.lake.stage)} LIMIT 0`);
        await this.writer.run(`DELETE FROM temp.main.${quoteIdent(stage(t))}`);
        const prepared = rows.map((r) => {
          const seq = r.ledger.sequence;
          const tableRows = rowsOf[t.lake.table](r);
          const col = ledgerColumn[t.lake.table];
          if (tableRows.some((x) => (x as Record<string, unknown>)[col] !== seq)) throw fail(`${t.lake.table} rows of ledger ${seq} name another ledger.`);
          return t.codec.prepare(tableRows, seq, t.lake.name);
        });
        const appender = await this.writer.createAppender(stage(t), 'main', 'temp');
        try {
          for (const p of prepared) t.codec.append(appender, p);
        } finally {
          appender.closeSync();
        }
      }
      try {
        await withRetries(this.policy, () =>
          this.transaction(async () => {
            for (const t of targets) {
              const col = quoteIdent(ledgerColumn[t.lake.table]);
              await this.writer.run(`DELETE FROM ${t.lake.target} WHERE ${col} BETWEEN ${start} AND ${end}`);
              await this.writer.run(
                `INSERT INTO ${t.lake.target} SELECT * FROM temp.main.${quoteIdent(stage(t))} ORDER BY ${insertOrder[t.lake.table]}`,
              );
            }
          }),
        );
      } catch (e) {
        throw new SinkError('REPLACE_FAILED', `replacing ledgers ${start}-${end} failed, the lake is unchanged: ${messageOf(e)}`, { cause: e });
      } finally {
        for (const t of targets) await this.writer.run(`DELETE FROM temp.main.${quoteIdent(stage(t))}`);
      }
    });
  }

  /**
   * Flushes the buffer, then compacts the lake: progress rows merged, inlined rows written to
   * Parquet, adjacent small files merged, snapshots older than the retention expired, and files
   * no snapshot needs any more deleted. Retention defaults to the sink's maintenance options.
   */
  compact(retention: Partial<Retention> = {}): Promise<CompactReport> {
    return this.exclusive(async () => {
      this.assertUsable();
      await this.flushLocked();
      return this.maintain(retention, true);
    });
  }

  /** Checks `start..end` (inclusive): see {@link VerifyReport}. */
  verify(start: number, end: number): Promise<VerifyReport> {
    return this.exclusive(async () => {
      this.assertUsable();
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
    if (this.buffered.size >= c.batchSize) return true;
    if (this.bufferedBytes >= c.maxBytes) return true;
    if (this.staged.some((s) => s.rows >= c.maxRowsPerTable)) return true;
    return this.buffered.size > 0 && Date.now() - this.oldestBufferedAt >= c.commitIntervalMs;
  }

  private armTimer(): void {
    this.disarmTimer();
    if (this.config.commitIntervalMs <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.exclusive(async () => {
        if (!this.closed && this.broken === undefined && this.buffered.size > 0) await this.flushLocked();
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

  private async flushLocked(): Promise<void> {
    this.disarmTimer();
    if (this.buffered.size === 0) return;
    const runs = rangesOf(this.buffered);
    for (const s of this.staged) {
      s.appender?.closeSync();
      s.appender = undefined;
    }
    let commitSent = false;
    let attempts = 1;
    try {
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
          for (const s of this.staged) {
            if (s.rows === 0) continue;
            // Rows of ledgers written out of order are sorted, so each file covers a narrow id range.
            const order = this.ascending ? '' : ` ORDER BY ${insertOrder[s.lake.table]}`;
            await this.writer.run(`INSERT INTO ${s.lake.target} SELECT * FROM temp.main.${quoteIdent(s.lake.stage)}${order}`);
          }
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
      throw new SinkError(
        'FLUSH_FAILED',
        `committing ${this.buffered.size} buffered ledgers failed (${attempts} attempt${attempts === 1 ? '' : 's'}); nothing of them is visible in the lake: ${messageOf(e)}`,
        {
          cause: e,
          retryable: isTransient(e),
          uncommitted: runs,
          hint: 'The rows stay buffered: fix the cause and call flush() again, or close the sink and resume from committedRanges().',
        },
      );
    }
    this.committed = mergeRanges([...this.committed, ...runs]);
    this.counters.flushes++;
    this.counters.ledgers += this.buffered.size;
    for (const s of this.staged) this.counters.rows[s.lake.name] = (this.counters.rows[s.lake.name] ?? 0) + s.rows;
    this.buffered.clear();
    this.bufferedBytes = 0;
    this.ascending = true;
    this.lastBuffered = -1;
    try {
      for (const s of this.staged) {
        if (s.rows > 0) await this.writer.run(`DELETE FROM temp.main.${quoteIdent(s.lake.stage)}`);
        s.rows = 0;
      }
    } catch (e) {
      this.broken = new SinkError('SINK_FAILED', `clearing the staging tables after a commit failed: ${messageOf(e)}.`, {
        cause: e,
        hint: 'The committed data is fine. Close the sink and open a new one.',
      });
      throw this.broken;
    }
    if (this.config.maintenanceIntervalMs > 0 && Date.now() - this.lastMaintenance >= this.config.maintenanceIntervalMs) {
      await this.maintain({}, false);
    }
  }

  private async maintain(overrides: Partial<Retention>, orphans: boolean): Promise<CompactReport> {
    const c = this.config;
    const retention: Retention = {
      snapshotRetentionSeconds: overrides.snapshotRetentionSeconds ?? c.snapshotRetentionSeconds,
      fileRetentionSeconds: overrides.fileRetentionSeconds ?? c.fileRetentionSeconds,
      orphanAgeSeconds: overrides.orphanAgeSeconds ?? c.orphanAgeSeconds,
    };
    try {
      const report = await runMaintenance(this.writer, c.schema, this.tables, this.progress, retention, this.policy, orphans);
      this.lastMaintenance = Date.now();
      this.counters.maintenanceRuns++;
      return report;
    } catch (e) {
      throw new SinkError('COMPACT_FAILED', `lake maintenance failed (committed data is unaffected): ${messageOf(e)}`, { cause: e, retryable: true });
    }
  }
}
