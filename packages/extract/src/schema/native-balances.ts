import { col, type RowOf, type TableDef } from './column.js';

const columns = [
  col('account_id', 'string', 'VARCHAR', 'Account, G-address.'),
  col('balance', 'float', 'DOUBLE', 'Native balance in XLM.'),
  col('buying_liabilities', 'float', 'DOUBLE', 'Buying liabilities in XLM.'),
  col('selling_liabilities', 'float', 'DOUBLE', 'Selling liabilities in XLM.'),
  col('sequence_number', 'bigint', 'BIGINT', 'Account sequence number.'),
  col('sequence_ledger', 'int', 'UINTEGER', 'Ledger of the last sequence bump (0 when unknown).'),
  col('sequence_time', 'bigint', 'BIGINT', 'Unix time of the last sequence bump (0 when unknown).'),
  col('num_subentries', 'int', 'UINTEGER', 'Number of subentries.'),
  col('inflation_destination', 'string', 'VARCHAR', 'Inflation destination G-address, or empty.'),
  col('flags', 'int', 'UINTEGER', 'Account flags.'),
  col('home_domain', 'string', 'VARCHAR', 'Home domain.'),
  col('master_weight', 'int', 'INTEGER', 'Master key weight.'),
  col('threshold_low', 'int', 'INTEGER', 'Low threshold.'),
  col('threshold_medium', 'int', 'INTEGER', 'Medium threshold.'),
  col('threshold_high', 'int', 'INTEGER', 'High threshold.'),
  col('sponsor', 'string', 'VARCHAR', 'Sponsoring account, or null.', { nullable: true }),
  col('num_sponsored', 'int', 'UINTEGER', 'Number of sponsored reserves.'),
  col('num_sponsoring', 'int', 'UINTEGER', 'Number of sponsoring reserves.'),
  col('last_modified_ledger', 'int', 'UINTEGER', 'Ledger of the last modification of the entry.'),
  col('ledger_entry_change', 'int', 'UINTEGER', 'Compacted change: 0 created, 1 updated, 2 removed.'),
  col('deleted', 'bool', 'BOOLEAN', 'Whether the account was removed.'),
  col('closed_at', 'time', 'TIMESTAMPTZ', 'Ledger close time (UTC).'),
  col('ledger_sequence', 'int', 'UINTEGER', 'Ledger sequence.'),
] as const;

/**
 * `native_balances`: one row per account changed in a ledger, mirroring the `accounts` rows of
 * stellar-etl `export_ledger_entry_changes` (all of its columns, same selection and compaction).
 */
export const nativeBalancesTable = {
  name: 'native_balances',
  etlName: 'accounts',
  doc: 'One row per account changed in a ledger (stellar-etl accounts, export_ledger_entry_changes).',
  columns,
} as const satisfies TableDef;

/** A row of the `native_balances` table. */
export type NativeBalanceRow = RowOf<typeof nativeBalancesTable>;
