/**
 * An in-memory {@link LedgerSink} with the same commit semantics as the lake: written ledgers are
 * invisible until {@link MemorySink.flush}, which makes them and their progress visible at once.
 */
import type { LedgerRows } from '@stellar-ducklake/extract';
import { mergeRanges, type LedgerRange } from './range.js';
import type { LedgerSink } from './sink.js';

/** Options of {@link MemorySink}. */
export interface MemorySinkOptions {
  /** Flush automatically once this many ledgers are buffered. Default: never. */
  batchSize?: number;
  /** Called at the start of each write (tests use it to inject slowness or failures). */
  beforeWrite?: (rows: LedgerRows) => Promise<void> | void;
  /** Called at the start of each flush. */
  beforeFlush?: () => Promise<void> | void;
}

/** Committed rows kept in memory, one entry per (ledger, write). */
export class MemorySink implements LedgerSink {
  /** Committed ledgers in commit order; a ledger written twice appears twice. */
  readonly committed: LedgerRows[] = [];
  /** Number of flushes that committed something. */
  commits = 0;
  /** Whether {@link close} was called. */
  closed = false;
  private buffer: LedgerRows[] = [];
  private ranges: LedgerRange[] = [];

  constructor(private readonly options: MemorySinkOptions = {}) {}

  async committedRanges(): Promise<LedgerRange[]> {
    return this.ranges.map((r) => ({ ...r }));
  }

  async write(rows: LedgerRows): Promise<void> {
    if (this.closed) throw new Error('sink is closed');
    await this.options.beforeWrite?.(rows);
    this.buffer.push(rows);
    if (this.options.batchSize !== undefined && this.buffer.length >= this.options.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    await this.options.beforeFlush?.();
    if (!this.buffer.length) return;
    const batch = this.buffer;
    this.buffer = [];
    this.committed.push(...batch);
    this.ranges = mergeRanges([...this.ranges, ...batch.map((r) => ({ start: r.ledger.sequence, end: r.ledger.sequence }))]);
    this.commits++;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
  }

  /** Sequences of the committed ledgers, in commit order (duplicates included). */
  committedSequences(): number[] {
    return this.committed.map((r) => r.ledger.sequence);
  }
}
