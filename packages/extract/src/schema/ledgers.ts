import { col, type RowOf, type TableDef } from './column.js';

const columns = [
  col('sequence', 'int', 'UINTEGER', 'Ledger sequence number.'),
  col('ledger_hash', 'string', 'VARCHAR', 'Hex SHA-256 of the ledger header.'),
  col('previous_ledger_hash', 'string', 'VARCHAR', 'Hex hash of the previous ledger header.'),
  col('ledger_header', 'string', 'VARCHAR', 'Base64 XDR of the LedgerHeader.'),
  col('transaction_count', 'int', 'INTEGER', 'Number of successful transactions (stellar-etl semantics).'),
  col('operation_count', 'int', 'INTEGER', 'Operations in successful transactions.'),
  col('successful_transaction_count', 'int', 'INTEGER', 'Successful transactions.'),
  col('failed_transaction_count', 'int', 'INTEGER', 'Failed transactions.'),
  col(
    'tx_set_operation_count',
    'intString',
    'INTEGER',
    'All operations in the transaction set, failed included. stellar-etl writes it as a JSON string; the lake stores an INTEGER (its BigQuery type).',
  ),
  col('closed_at', 'time', 'TIMESTAMPTZ', 'Ledger close time (UTC).'),
  col('total_coins', 'bigint', 'BIGINT', 'Total lumens in existence, in stroops.'),
  col('fee_pool', 'bigint', 'BIGINT', 'Fee pool, in stroops.'),
  col('base_fee', 'int', 'UINTEGER', 'Base fee per operation, in stroops.'),
  col('base_reserve', 'int', 'UINTEGER', 'Base reserve, in stroops.'),
  col('max_tx_set_size', 'int', 'UINTEGER', 'Maximum transaction set size.'),
  col('protocol_version', 'int', 'UINTEGER', 'Protocol version of the ledger.'),
  col('id', 'bigint', 'BIGINT', 'TOID of the ledger: sequence << 32.'),
  col('soroban_fee_write_1kb', 'bigint', 'BIGINT', 'Soroban write fee per 1 KB (LedgerCloseMeta v1/v2), else 0.'),
  col('node_id', 'string', 'VARCHAR', 'Validator that signed the close value (G-address), or empty.'),
  col('signature', 'string', 'VARCHAR', 'Base64 signature of the close value, or empty.'),
  col('total_byte_size_of_bucket_list', 'bigint', 'UBIGINT', 'Live Soroban state size in bytes (v1/v2), else 0.'),
  col('total_byte_size_of_live_soroban_state', 'bigint', 'UBIGINT', 'Same value as total_byte_size_of_bucket_list.'),
  col('evicted_ledger_keys_type', 'strings', 'VARCHAR[]', 'Ledger entry types of evicted keys; null for v0 ledgers.', { nullable: true }),
  col('evicted_ledger_keys_hash', 'strings', 'VARCHAR[]', 'Base64 XDR LedgerKeys of evicted entries; null for v0 ledgers.', { nullable: true }),
] as const;

/** `ledgers`: one row per ledger, mirroring stellar-etl `history_ledgers` (`export_ledgers`). */
export const ledgersTable = {
  name: 'ledgers',
  etlName: 'history_ledgers',
  doc: 'One row per ledger (stellar-etl history_ledgers).',
  columns,
} as const satisfies TableDef;

/** A row of the `ledgers` table. */
export type LedgerRow = RowOf<typeof ledgersTable>;
