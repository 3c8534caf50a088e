import { ledgersTable, type LedgerRow } from './ledgers.js';
import { nativeBalancesTable, type NativeBalanceRow } from './native-balances.js';
import { operationsTable, type OperationRow } from './operations.js';
import { transactionsTable, type TransactionRow } from './transactions.js';

export * from './column.js';
export { ledgersTable, nativeBalancesTable, operationsTable, transactionsTable };
export type { LedgerRow, NativeBalanceRow, OperationRow, TransactionRow };

/** The four output tables by name, in dependency order. */
export const tables = {
  ledgers: ledgersTable,
  transactions: transactionsTable,
  operations: operationsTable,
  native_balances: nativeBalancesTable,
} as const;

/** Name of an output table. */
export type TableName = keyof typeof tables;

/** Row type of each table by name. */
export interface RowByTable {
  ledgers: LedgerRow;
  transactions: TransactionRow;
  operations: OperationRow;
  native_balances: NativeBalanceRow;
}

/** Everything extracted from one ledger. */
export interface LedgerRows {
  /** The ledger row. */
  ledger: LedgerRow;
  /** Transactions in application order. */
  transactions: TransactionRow[];
  /** Operations in id order. */
  operations: OperationRow[];
  /** Changed accounts (order within the ledger is not significant). */
  nativeBalances: NativeBalanceRow[];
}
