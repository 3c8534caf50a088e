import { col, type RowOf, type TableDef } from './column.js';

const columns = [
  col('source_account', 'string', 'VARCHAR', 'Operation source (or the transaction source), G-address.'),
  col('source_account_muxed', 'string', 'VARCHAR', 'M-address when that source is muxed.', { nullable: true, omitEmpty: true }),
  col('type', 'int', 'INTEGER', 'OperationType number.'),
  col('type_string', 'string', 'VARCHAR', 'Operation type name, e.g. path_payment_strict_receive.'),
  col('details', 'object', 'JSON', 'Type-specific details (stellar-etl details).'),
  col('transaction_id', 'bigint', 'BIGINT', 'TOID of the transaction.'),
  col('id', 'bigint', 'BIGINT', 'TOID of the operation.'),
  col('closed_at', 'time', 'TIMESTAMPTZ', 'Ledger close time (UTC).'),
  col('operation_result_code', 'string', 'VARCHAR', 'Operation result code enum string, or empty.'),
  col('operation_trace_code', 'string', 'VARCHAR', 'Inner result code enum string, or empty.'),
  col('ledger_sequence', 'int', 'UINTEGER', 'Ledger sequence.'),
  col('details_json', 'object', 'JSON', 'Identical copy of details.'),
] as const;

/** `operations`: one row per operation, mirroring stellar-etl `history_operations`. */
export const operationsTable = {
  name: 'operations',
  etlName: 'history_operations',
  doc: 'One row per operation of every transaction, failed included (stellar-etl history_operations).',
  columns,
} as const satisfies TableDef;

/** A row of the `operations` table. */
export type OperationRow = RowOf<typeof operationsTable>;
