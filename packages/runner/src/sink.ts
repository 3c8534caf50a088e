/** The narrow sink contract the runner writes to. `@stellar-ducklake/sink-ducklake` implements it. */
import type { LedgerRows } from '@stellar-ducklake/extract';
import type { LedgerRange } from './range.js';

/** Where extracted rows go. */
export interface LedgerSink {
  /** Ledgers already committed, merged and ascending. */
  committedRanges(): Promise<LedgerRange[]>;
  /** Buffers one ledger's rows; may await a flush (backpressure). Ledgers may come in any order. */
  write(rows: LedgerRows): Promise<void>;
  /** Commits everything written so far, together with its progress, atomically. */
  flush(): Promise<void>;
  /** Flushes what is buffered and releases resources. */
  close(): Promise<void>;
}
