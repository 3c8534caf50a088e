/**
 * The header fields the runner checks before extraction (sequence, hashes), read from
 * LedgerCloseMeta bytes without decoding the rest of the ledger.
 */
import { ExtractError, readLedgerHeader, type LedgerHeaderInfo } from '@stellar-ducklake/extract';
import { LedgerDataError } from './errors.js';

export type { LedgerHeaderInfo };

/**
 * Reads the header fields of a LedgerCloseMeta.
 * @throws {LedgerDataError} when the bytes are not a LedgerCloseMeta; `ledger` is `expectedLedger` when given.
 */
export function readLedgerHeaderInfo(bytes: Uint8Array, expectedLedger?: number): LedgerHeaderInfo {
  try {
    return readLedgerHeader(bytes);
  } catch (cause) {
    if (!(cause instanceof ExtractError)) throw cause;
    throw new LedgerDataError(`not a valid LedgerCloseMeta (${cause.message}; ${bytes.byteLength} bytes).`, {
      ...(expectedLedger === undefined ? {} : { ledger: expectedLedger }),
      cause,
      hint: 'The source returned corrupt data; check or re-export this ledger.',
    });
  }
}
