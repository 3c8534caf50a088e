/**
 * How ledger bytes travel to extraction workers and rows travel back. Kept in one module so the
 * encoding can change (e.g. columnar, transferable batches) without touching the pool or pipeline.
 *
 * Ledger bytes are transferred (zero-copy when the view owns its buffer, one copy otherwise). For a
 * sink that takes encoded ledgers, the worker returns Parquet pages in transferred buffers; else
 * the rows go back by structured clone, which preserves `bigint` and `Date`.
 */
import type { LedgerRows, TableName } from '@stellar-ducklake/extract';
import type { EncodedLedger, EncodeOptions } from '@stellar-ducklake/sink-ducklake/encode';

/** A job message to a worker. */
export interface ExtractJob {
  id: number;
  sequence: number;
  bytes: Uint8Array;
  networkPassphrase: string;
  /** When set, the worker also encodes the rows of these tables as Parquet pages and returns those. */
  encode?: EncodeRequest;
}

/** What a worker encodes: the tables, and the options `encodeLedger` takes (page compression). */
export interface EncodeRequest {
  tables: readonly TableName[];
  options: EncodeOptions;
}

/** A serialised error from a worker. */
export interface WorkerErrorPayload {
  name: string;
  code: string;
  message: string;
  ledger: number | undefined;
  retryable: boolean;
  hint: string | undefined;
  /** Message of the error's cause, when it has one. */
  cause: string | undefined;
}

/** A worker's answer: rows, or encoded pages when the job asked for them. */
export type ExtractReply = { id: number; rows: unknown } | { id: number; encoded: EncodedLedger } | { id: number; error: WorkerErrorPayload };

/** Packs a job, choosing what to transfer. */
export function packJob(job: ExtractJob): { message: ExtractJob; transfer: ArrayBuffer[] } {
  const { bytes } = job;
  const owns = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const own = owns ? bytes : bytes.slice();
  return { message: { ...job, bytes: own }, transfer: [own.buffer as ArrayBuffer] };
}

/** Packs extracted rows for the trip back. */
export function packRows(rows: LedgerRows): { payload: unknown; transfer: ArrayBuffer[] } {
  return { payload: rows, transfer: [] };
}

/** Unpacks rows received from a worker. */
export function unpackRows(payload: unknown): LedgerRows {
  return payload as LedgerRows;
}

/** Message of the innermost `cause` of an error, when it differs from the error's own message. */
function rootCause(error: unknown): string | undefined {
  let inner: unknown = (error as { cause?: unknown })?.cause;
  if (inner === undefined) return undefined;
  while ((inner as { cause?: unknown })?.cause !== undefined) inner = (inner as { cause: unknown }).cause;
  const text = inner instanceof Error ? inner.message : String(inner);
  return text === (error as Error).message ? undefined : text;
}

/** Serialises an error thrown in a worker. */
export function packError(error: unknown): WorkerErrorPayload {
  const e = error as Partial<WorkerErrorPayload> & Error;
  return {
    name: e?.name ?? 'Error',
    code: typeof e?.code === 'string' ? e.code : 'EXTRACT_FAILED',
    message: e?.message ?? String(error),
    ledger: typeof e?.ledger === 'number' ? e.ledger : undefined,
    retryable: e?.retryable === true,
    hint: typeof e?.hint === 'string' ? e.hint : undefined,
    cause: rootCause(e),
  };
}
