/**
 * Cheap reads of LedgerCloseMeta bytes that do not need the whole ledger: the header fields a
 * pipeline checks before extraction, and the split of a Galexie `LedgerCloseMetaBatch` into one
 * LedgerCloseMeta byte view per ledger.
 */
import { ExtractError } from './errors.js';
import { hex } from './hash.js';
import { decodeAt } from './xdr/index.js';

/** Header fields of one LedgerCloseMeta. */
export interface LedgerHeaderInfo {
  /** LedgerCloseMeta union arm (0, 1 or 2). */
  version: number;
  /** `header.ledgerSeq`. */
  sequence: number;
  /** Hex hash of the header, as recorded in the LedgerHeaderHistoryEntry. */
  hash: string;
  /** Hex hash of the previous ledger's header. */
  previousLedgerHash: string;
}

/**
 * Reads the LedgerCloseMeta arm and its ledger header, decoding nothing else.
 * @throws {ExtractError} XDR_TRUNCATED / XDR_UNKNOWN_ARM / XDR_INVALID when the bytes are not a LedgerCloseMeta.
 */
export function readLedgerHeader(bytes: Uint8Array): LedgerHeaderInfo {
  const [version, afterArm] = decodeAt.Int32(bytes, 0);
  if (version < 0 || version > 2) {
    throw new ExtractError('XDR_UNKNOWN_ARM', `unknown LedgerCloseMeta arm ${version}`, { field: 'LedgerCloseMeta' }, {
      hint: 'The ledger may use a newer protocol than this library supports: upgrade @stellar-ducklake/extract.',
    });
  }
  const offset = version === 0 ? afterArm : decodeAt.LedgerCloseMetaExt(bytes, afterArm)[1];
  const [entry] = decodeAt.LedgerHeaderHistoryEntry(bytes, offset);
  return {
    version,
    sequence: entry.header.ledgerSeq,
    hash: hex(entry.hash),
    previousLedgerHash: hex(entry.header.previousLedgerHash),
  };
}

/** A `LedgerCloseMetaBatch` split into its ledgers. */
export interface LedgerBatch {
  /** `startSequence`. */
  start: number;
  /** `endSequence` (inclusive). */
  end: number;
  /** LedgerCloseMeta bytes (views into the input), ledger `start + i` at index `i`. */
  ledgers: Uint8Array[];
}

/**
 * Splits an uncompressed XDR `LedgerCloseMetaBatch` (the content of a Galexie file) into one
 * LedgerCloseMeta byte view per ledger, without copying.
 * @throws {ExtractError} when the bytes are not a valid batch or its count disagrees with its range.
 */
export function splitLedgerCloseMetaBatch(bytes: Uint8Array): LedgerBatch {
  const [start, a] = decodeAt.Uint32(bytes, 0);
  const [end, b] = decodeAt.Uint32(bytes, a);
  let [count, offset] = decodeAt.Uint32(bytes, b);
  if (end < start || count !== end - start + 1) {
    throw new ExtractError('XDR_INVALID', `batch declares ledgers ${start}-${end} but holds ${count}`, { field: 'LedgerCloseMetaBatch' });
  }
  const ledgers: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const [, next] = decodeAt.LedgerCloseMeta(bytes, offset);
    ledgers.push(bytes.subarray(offset, next));
    offset = next;
  }
  if (offset !== bytes.length) {
    throw new ExtractError('XDR_TRAILING_BYTES', `${bytes.length - offset} bytes after the last ledger of batch ${start}-${end}`, {
      field: 'LedgerCloseMetaBatch',
    });
  }
  return { start, end, ledgers };
}
