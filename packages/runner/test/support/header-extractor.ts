/**
 * A minimal extractor for pipeline tests: one `ledgers` row per ledger carrying the header fields
 * (sequence, hashes) read from the bytes, and no other rows. Lets the runner's mechanics (ranges,
 * streams, retries, resume) be tested without the full extraction.
 */
import { readLedgerHeaderInfo } from '../../src/ledger-header.js';

export function extractLedger(bytes: Uint8Array, options: { networkPassphrase: string }): unknown {
  const h = readLedgerHeaderInfo(bytes);
  if (!options.networkPassphrase) throw new Error('networkPassphrase missing');
  return {
    ledger: { sequence: h.sequence, ledger_hash: h.hash, previous_ledger_hash: h.previousLedgerHash },
    transactions: [],
    operations: [],
    nativeBalances: [],
  };
}
