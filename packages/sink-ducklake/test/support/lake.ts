/**
 * Reading a lake independently of the sink, through a separate DuckDB instance with the ducklake
 * extension (attached read-only under another alias).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { tables, writeJson, type LedgerRows, type TableName } from '@stellar-ducklake/extract';

/** Rows of the four tables as a reader sees them. */
export type TableRows = Record<TableName, Record<string, unknown>[]>;

const orderBy: Record<TableName, string> = {
  ledgers: 'sequence',
  transactions: 'id',
  operations: 'id',
  native_balances: 'ledger_sequence, account_id',
};

/** Opens the lake read-only, runs `fn`, closes. */
export async function withReader<T>(
  catalog: string,
  extensionDirectory: string,
  fn: (q: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { extension_directory: extensionDirectory, autoinstall_known_extensions: 'false' });
  const c = await instance.connect();
  try {
    await c.run('LOAD ducklake');
    if (catalog.includes('postgres:')) await c.run('LOAD postgres_scanner');
    await c.run(`ATTACH '${catalog}' AS other_alias (READ_ONLY)`);
    return await fn(async (sql) => (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

/** All rows of the four tables in `schema`, in a canonical order. */
export async function readAllTables(q: (sql: string) => Promise<Record<string, unknown>[]>, schema: string): Promise<TableRows> {
  const out = {} as TableRows;
  for (const t of Object.keys(tables) as TableName[]) {
    out[t] = await q(`SELECT * FROM other_alias.${schema}.${t} ORDER BY ${orderBy[t]}`);
  }
  return out;
}

/** The rows a reader should see for these ledgers: JSON-kind columns as their JSON text. */
export function expectedTables(ledgers: readonly LedgerRows[]): TableRows {
  const norm = (t: TableName, row: object): Record<string, unknown> => {
    const r = { ...(row as Record<string, unknown>) };
    for (const c of tables[t].columns) {
      if (c.kind === 'object' && r[c.name] !== null) r[c.name] = writeJson(r[c.name] as never);
    }
    return r;
  };
  const sorted = [...ledgers].sort((a, b) => a.ledger.sequence - b.ledger.sequence);
  const nb = sorted.flatMap((l) => [...l.nativeBalances].sort((a, b) => (a.account_id < b.account_id ? -1 : a.account_id > b.account_id ? 1 : 0)));
  return {
    ledgers: sorted.map((l) => norm('ledgers', l.ledger)),
    transactions: sorted.flatMap((l) => l.transactions).sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => norm('transactions', r)),
    operations: sorted.flatMap((l) => l.operations).sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => norm('operations', r)),
    native_balances: nb.map((r) => norm('native_balances', r)),
  };
}
