import { col, type RowOf, type TableDef } from './column.js';

const columns = [
  col('transaction_hash', 'string', 'VARCHAR', 'Hex transaction hash (the outer hash for fee bumps).'),
  col('ledger_sequence', 'int', 'UINTEGER', 'Ledger sequence.'),
  col('account', 'string', 'VARCHAR', 'Source account of the (inner) transaction, G-address.'),
  col('account_muxed', 'string', 'VARCHAR', 'M-address when the source is muxed.', { nullable: true, omitEmpty: true }),
  col('account_sequence', 'bigint', 'BIGINT', 'Sequence number of the (inner) transaction.'),
  col('max_fee', 'int', 'UINTEGER', 'Maximum fee of the (inner) transaction, in stroops.'),
  col('fee_charged', 'bigint', 'BIGINT', 'Fee charged, in stroops.'),
  col('operation_count', 'int', 'INTEGER', 'Operations in the (inner) transaction.'),
  col('tx_envelope', 'string', 'VARCHAR', 'Base64 XDR TransactionEnvelope.'),
  col('tx_result', 'string', 'VARCHAR', 'Base64 XDR TransactionResult.'),
  col('tx_meta', 'string', 'VARCHAR', 'Base64 XDR TransactionMeta.'),
  col('tx_fee_meta', 'string', 'VARCHAR', 'Base64 XDR LedgerEntryChanges of fee processing.'),
  col('created_at', 'time', 'TIMESTAMPTZ', 'Ledger close time (UTC).'),
  col('memo_type', 'string', 'VARCHAR', 'Memo type enum string, e.g. MemoTypeMemoText.'),
  col('memo', 'string', 'VARCHAR', 'Memo value: text, unsigned id, or base64 hash.'),
  col('time_bounds', 'string', 'VARCHAR', 'Time bounds as "[min,max)", or empty.'),
  col('successful', 'bool', 'BOOLEAN', 'Whether the transaction succeeded.'),
  col('id', 'bigint', 'BIGINT', 'TOID of the transaction.'),
  col('fee_account', 'string', 'VARCHAR', 'Fee-bump fee source, G-address.', { nullable: true, omitEmpty: true }),
  col('fee_account_muxed', 'string', 'VARCHAR', 'Fee-bump fee source M-address when muxed.', { nullable: true, omitEmpty: true }),
  col('inner_transaction_hash', 'string', 'VARCHAR', 'Fee bump: hex hash of the inner transaction.', { nullable: true, omitEmpty: true }),
  col('new_max_fee', 'bigint', 'BIGINT', 'Fee bump: outer maximum fee.', { nullable: true, omitEmpty: true }),
  col('ledger_bounds', 'string', 'VARCHAR', 'Ledger bounds as "[min,max)", or empty.'),
  col('min_account_sequence', 'bigint', 'BIGINT', 'PRECOND_V2 minimum source sequence, or null.', { nullable: true }),
  col('min_account_sequence_age', 'bigint', 'BIGINT', 'PRECOND_V2 minimum sequence age (seconds), or null.', { nullable: true }),
  col('min_account_sequence_ledger_gap', 'bigint', 'BIGINT', 'PRECOND_V2 minimum sequence ledger gap, or null.', { nullable: true }),
  col('extra_signers', 'strings', 'VARCHAR[]', 'PRECOND_V2 extra signer keys, or null.', { nullable: true }),
  col('closed_at', 'time', 'TIMESTAMPTZ', 'Ledger close time (UTC).'),
  col('resource_fee', 'bigint', 'BIGINT', 'Soroban declared resource fee, else 0.'),
  col('soroban_resources_instructions', 'int', 'UINTEGER', 'Soroban instruction budget, else 0.'),
  col('soroban_resources_read_bytes', 'int', 'UINTEGER', 'Soroban disk read bytes, else 0.'),
  col('soroban_resources_disk_read_bytes', 'int', 'UINTEGER', 'Same value as soroban_resources_read_bytes.'),
  col('soroban_resources_write_bytes', 'int', 'UINTEGER', 'Soroban write bytes, else 0.'),
  col('soroban_resources_archived_entries', 'ints', 'UINTEGER[]', 'Indices of archived footprint entries (P23+), or null.', { nullable: true }),
  col('transaction_result_code', 'string', 'VARCHAR', 'Result code enum string (outer for fee bumps).'),
  col('inclusion_fee_bid', 'bigint', 'BIGINT', 'Soroban inclusion fee bid, else 0.'),
  col('inclusion_fee_charged', 'bigint', 'BIGINT', 'Soroban inclusion fee charged, else 0.'),
  col('resource_fee_refund', 'bigint', 'BIGINT', 'Soroban resource fee refund, else 0.'),
  col('non_refundable_resource_fee_charged', 'bigint', 'BIGINT', 'Soroban non-refundable resource fee charged, else 0.'),
  col('refundable_resource_fee_charged', 'bigint', 'BIGINT', 'Soroban refundable resource fee charged, else 0.'),
  col('rent_fee_charged', 'bigint', 'BIGINT', 'Soroban rent fee charged, else 0.'),
  col('tx_signers', 'strings', 'VARCHAR[]', 'Signatures as G-version strkeys (outer signatures for fee bumps).'),
] as const;

/** `transactions`: one row per transaction, mirroring stellar-etl `history_transactions`. */
export const transactionsTable = {
  name: 'transactions',
  etlName: 'history_transactions',
  doc: 'One row per transaction, failed included (stellar-etl history_transactions).',
  columns,
} as const satisfies TableDef;

/** A row of the `transactions` table. */
export type TransactionRow = RowOf<typeof transactionsTable>;
