/**
 * Typed errors. Every error carries a stable `code`, the ledger sequence where known, whether a
 * retry can help, and a message that says what is wrong and what to do.
 */

/** Stable error codes of the extraction library. */
export type ExtractErrorCode =
  | 'XDR_TRUNCATED'
  | 'XDR_INVALID'
  | 'XDR_UNKNOWN_ARM'
  | 'XDR_TRAILING_BYTES'
  | 'NETWORK_MISMATCH'
  | 'TX_COUNT_MISMATCH'
  | 'INVALID_VALUE'
  | 'UNSUPPORTED'
  | 'INTERNAL';

/** Where in a ledger an error happened. */
export interface ErrorLocation {
  /** Ledger sequence, when known. */
  ledger?: number;
  /** 1-based transaction index in application order. */
  transaction?: number;
  /** 1-based operation index within the transaction. */
  operation?: number;
  /** The XDR type or column being read. */
  field?: string;
}

/** Base class of every stellar-ducklake error. */
export class StellarDucklakeError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  /** Whether retrying the same call may succeed (network, lock, conflict). */
  readonly retryable: boolean;
  /** Ledger sequence the error is about, when known. */
  readonly ledger: number | undefined;
  /** What the user can do about it. */
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    opts: { ledger?: number | undefined; retryable?: boolean; hint?: string; cause?: unknown } = {},
  ) {
    const where = opts.ledger === undefined ? '' : `ledger ${opts.ledger}: `;
    const hint = opts.hint ? ` ${opts.hint}` : '';
    super(`${where}${message}${hint}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.ledger = opts.ledger;
    this.hint = opts.hint;
  }
}

/** A LedgerCloseMeta could not be turned into rows. Never retryable: the input is wrong. */
export class ExtractError extends StellarDucklakeError {
  override readonly code: ExtractErrorCode;
  /** Where in the ledger the problem is. */
  readonly location: ErrorLocation;

  constructor(code: ExtractErrorCode, message: string, location: ErrorLocation = {}, opts: { hint?: string; cause?: unknown } = {}) {
    const parts: string[] = [];
    if (location.transaction !== undefined) parts.push(`transaction ${location.transaction}`);
    if (location.operation !== undefined) parts.push(`operation ${location.operation}`);
    if (location.field !== undefined) parts.push(location.field);
    const prefix = parts.length ? `${parts.join(', ')}: ` : '';
    super(code, prefix + message, { ledger: location.ledger, retryable: false, ...opts });
    this.code = code;
    this.location = location;
  }
}
