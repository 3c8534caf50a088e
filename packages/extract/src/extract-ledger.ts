/**
 * The extraction entry point: one LedgerCloseMeta in, the rows of all four tables out.
 */
import { buildLedgerContext, peekLedgerSequence, withLedger } from './build-context.js';
import { ExtractError, StellarDucklakeError } from './errors.js';
import type { LedgerRows } from './schema/index.js';
import { ledgerRow } from './tables/ledgers.js';
import { nativeBalanceRows } from './tables/native-balances.js';
import { operationRows } from './tables/operations.js';
import { transactionRows } from './tables/transactions.js';

export { Networks, type NetworkPassphrase } from './networks.js';

/** Options of {@link extractLedger}. */
export interface ExtractLedgerOptions {
  /** Passphrase of the network the ledger was closed on (see `Networks`). */
  readonly networkPassphrase: string;
}

/**
 * Extracts the stellar-etl-compatible rows of one ledger. Pure and synchronous: the input is only
 * read, and either every table is returned complete or an {@link ExtractError} is thrown.
 *
 * @param lcm one binary (not base64, not compressed) XDR `LedgerCloseMeta`
 * @throws ExtractError with a stable `code` and the ledger sequence when known
 *
 * @example
 * const rows = extractLedger(bytes, { networkPassphrase: Networks.PUBNET });
 * rows.transactions.map((t) => toEtlJson('transactions', t));
 */
export function extractLedger(lcm: Uint8Array, options: ExtractLedgerOptions): LedgerRows {
  if (!(lcm instanceof Uint8Array)) {
    throw new ExtractError('INVALID_VALUE', 'the LedgerCloseMeta must be a Uint8Array of XDR bytes');
  }
  if (typeof options?.networkPassphrase !== 'string' || options.networkPassphrase === '') {
    throw new ExtractError('INVALID_VALUE', 'options.networkPassphrase is required', {}, {
      hint: 'Pass the passphrase of the network the ledger comes from, e.g. Networks.PUBNET.',
    });
  }
  let ledger: number | undefined;
  try {
    const ctx = buildLedgerContext(lcm, options.networkPassphrase);
    ledger = ctx.sequence;
    return {
      ledger: ledgerRow(ctx),
      transactions: transactionRows(ctx),
      operations: operationRows(ctx),
      nativeBalances: nativeBalanceRows(ctx),
    };
  } catch (err) {
    if (err instanceof ExtractError) {
      const seq = err.ledger ?? ledger ?? peekLedgerSequence(lcm);
      throw seq === undefined ? err : withLedger(err, seq);
    }
    if (err instanceof StellarDucklakeError) throw err;
    const seq = ledger ?? peekLedgerSequence(lcm);
    throw new ExtractError(
      'INTERNAL',
      `unexpected failure while extracting: ${err instanceof Error ? err.message : String(err)}`,
      seq === undefined ? {} : { ledger: seq },
      { cause: err, hint: 'This is a bug or an input the library does not understand; report it with the ledger.' },
    );
  }
}
