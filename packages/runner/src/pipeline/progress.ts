/** What the pipeline reports while it runs; the CLI renders it (TTY display, log lines, metrics). */
import type { Chunk } from '../range.js';

/** Row counts per output table. */
export interface TableCounts {
  ledgers: number;
  transactions: number;
  operations: number;
  native_balances: number;
}

/** Receives pipeline events. Every method is optional. */
export interface ProgressListener {
  /** The chunks about to be read (empty when everything is committed). */
  onPlan?(chunks: readonly Chunk[], streams: number): void;
  /** A stream started a chunk. */
  onChunkStart?(stream: number, chunk: Chunk): void;
  /** A ledger's rows were handed to the sink. */
  onLedger?(stream: number, sequence: number, rows: TableCounts): void;
  /** A flush committed. */
  onCommit?(): void;
  /** A source call is being retried. */
  onRetry?(info: { ledger: number; attempt: number; delayMs: number; error: Error }): void;
}
