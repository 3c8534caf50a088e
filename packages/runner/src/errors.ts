/**
 * Runner errors. Each class maps to one process exit code, so scripts can tell a bad config from
 * an unreachable source, a failing lake or bad ledger data.
 */
import { StellarDucklakeError } from '@stellar-ducklake/extract';

/** Process exit codes of `stellar-ducklake-run`. */
export const ExitCode = {
  /** Finished, or stopped cleanly on the first SIGINT/SIGTERM. */
  ok: 0,
  /** An unexpected internal error. */
  internal: 1,
  /** Invalid command line or config file. */
  config: 2,
  /** The ledger source failed: unreachable, missing ledger, broken stream past the retry budget. */
  source: 3,
  /** The lake could not be opened, written or committed. */
  lake: 4,
  /** A ledger could not be decoded or extracted (corrupt data, wrong network passphrase). */
  data: 5,
  /** `verify` found gaps, duplicates, count mismatches or broken hash links. */
  verifyFailed: 6,
  /** A second SIGINT/SIGTERM: exited at once; nothing uncommitted is visible. */
  interrupted: 130,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** One problem found in the configuration, naming the key. */
export interface ConfigProblem {
  /** Config key (YAML path, e.g. `tables.operations.name`) or flag name. */
  key: string;
  /** What is wrong with it. */
  message: string;
}

/** The command line or config file is invalid; lists every problem found, one per line. */
export class ConfigError extends StellarDucklakeError {
  /** Every problem, each naming its key. */
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      'CONFIG_INVALID',
      `invalid configuration:\n${problems.map((p) => `  ${p.key}: ${p.message}`).join('\n')}`,
      { retryable: false },
    );
    this.problems = problems;
  }
}

/** Codes of {@link SourceError}. */
export type SourceErrorCode =
  | 'SOURCE_UNREACHABLE'
  | 'SOURCE_MISSING_LEDGER'
  | 'SOURCE_OUT_OF_ORDER'
  | 'SOURCE_STREAM_FAILED'
  | 'SOURCE_INVALID';

/** The ledger source failed. `retryable` errors are retried with back-off by the stream reader. */
export class SourceError extends StellarDucklakeError {
  override readonly code: SourceErrorCode;
  /** The endpoint or directory, when known. */
  readonly endpoint: string | undefined;

  constructor(
    code: SourceErrorCode,
    message: string,
    opts: { ledger?: number | undefined; endpoint?: string; retryable?: boolean; hint?: string; cause?: unknown } = {},
  ) {
    super(code, message, opts);
    this.code = code;
    this.endpoint = opts.endpoint;
  }
}

/** The lake failed (open, write, commit, query). */
export class LakeError extends StellarDucklakeError {
  constructor(message: string, opts: { ledger?: number; hint?: string; cause?: unknown } = {}) {
    super('LAKE_FAILED', message, { ...opts, retryable: false });
  }
}

/** A ledger's bytes are not a valid LedgerCloseMeta for the expected sequence. */
export class LedgerDataError extends StellarDucklakeError {
  constructor(message: string, opts: { ledger?: number; hint?: string; cause?: unknown } = {}) {
    super('LEDGER_DATA_INVALID', message, { ...opts, retryable: false });
  }
}

/** The exit code for an error thrown by a command. */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof ConfigError) return ExitCode.config;
  if (error instanceof SourceError) return ExitCode.source;
  if (error instanceof LakeError) return ExitCode.lake;
  if (error instanceof LedgerDataError) return ExitCode.data;
  if (error instanceof StellarDucklakeError) {
    if (error.name === 'SinkError') {
      if (error.code === 'INVALID_OPTIONS') return ExitCode.config;
      if (error.code === 'INVALID_ROW') return ExitCode.data;
      return ExitCode.lake;
    }
    return ExitCode.data;
  }
  return ExitCode.internal;
}
