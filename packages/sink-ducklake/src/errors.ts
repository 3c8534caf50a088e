/**
 * Errors of the DuckLake sink. Each carries a stable `code`, whether a retry may help, the ledger
 * where one is concerned, and, for failed writes, the ledger ranges that were not committed.
 */
import { StellarDucklakeError } from '@stellar-ducklake/extract';
import { formatRanges } from './ranges.js';
import type { LedgerRange } from './types.js';

/** Stable error codes of the sink. */
export type SinkErrorCode =
  | 'INVALID_OPTIONS'
  | 'CATALOG_IN_USE'
  | 'CATALOG_UNREACHABLE'
  | 'EXTENSION_UNAVAILABLE'
  | 'DATA_PATH_NOT_WRITABLE'
  | 'SCHEMA_MISMATCH'
  | 'INVALID_ROW'
  | 'LEDGER_ALREADY_COMMITTED'
  | 'LEDGER_ALREADY_BUFFERED'
  | 'FLUSH_FAILED'
  | 'REPLACE_FAILED'
  | 'COMPACT_FAILED'
  | 'QUERY_FAILED'
  | 'SINK_CLOSED'
  | 'SINK_FAILED';

/** An error of the DuckLake sink. */
export class SinkError extends StellarDucklakeError {
  override readonly code: SinkErrorCode;
  /** Ledgers that were buffered but are not in the lake (only for failed writes). */
  readonly uncommitted: LedgerRange[];

  constructor(
    code: SinkErrorCode,
    message: string,
    opts: { ledger?: number; retryable?: boolean; hint?: string; cause?: unknown; uncommitted?: LedgerRange[] } = {},
  ) {
    const uncommitted = opts.uncommitted ?? [];
    const suffix = uncommitted.length ? ` Not committed: ledgers ${formatRanges(uncommitted)}.` : '';
    super(code, message + suffix, {
      ledger: opts.ledger,
      retryable: opts.retryable ?? false,
      ...(opts.hint === undefined ? {} : { hint: opts.hint }),
      ...(opts.cause === undefined ? {} : { cause: opts.cause }),
    });
    this.code = code;
    this.uncommitted = uncommitted;
  }
}

/** The message of any thrown value. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

const TRANSIENT =
  /conflict|serializ|could not set lock|database is locked|busy|deadlock|timeout|timed out|connection|temporar|try again|ECONNRESET|ECONNREFUSED|EPIPE|server closed|too many clients|HTTP 5\d\d|throttl|slow down/i;
const PERMANENT = /permission denied|read-only|no space|not a directory|EACCES|EROFS|ENOTDIR|ENOSPC|does not exist|constraint|conversion error|catalog error|binder error|parser error/i;

/** Whether a DuckDB error is worth retrying (write conflicts, locks, dropped connections). */
export function isTransient(e: unknown): boolean {
  if (e instanceof StellarDucklakeError) return e.retryable;
  const m = messageOf(e);
  return TRANSIENT.test(m) && !PERMANENT.test(m);
}
