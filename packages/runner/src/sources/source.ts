/** The ledger source contract shared by the gRPC and file sources. */
import type { Chunk } from '../range.js';

/** One ledger as delivered by a source. */
export interface RawLedger {
  /** Ledger sequence the source says this is. */
  sequence: number;
  /** One binary XDR `LedgerCloseMeta`. */
  bytes: Uint8Array;
}

/** A place ledgers come from. */
export interface LedgerSource {
  /** Human-readable location (endpoint or directory) used in messages. */
  readonly description: string;
  /**
   * Yields the ledgers of `chunk` in ascending order without gaps, stopping after `chunk.end`
   * (never, when `end` is undefined). Ends early, without error, once `signal` is aborted.
   * @throws {SourceError} when a ledger is missing or the source fails past its retry budget.
   */
  stream(chunk: Chunk, signal: AbortSignal): AsyncIterable<RawLedger>;
  /** The highest ledger the source can deliver now, when it knows. */
  latestLedger(): Promise<number | undefined>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
