/**
 * Deterministic synthetic ledgers built from the column definitions: every column gets a value
 * of its kind, and the columns the sink and `verify` reason about (ledger sequence, ids, counts)
 * are consistent, as the extractor makes them.
 */
import { tables, type ColumnDef, type LedgerRows, type TableDef } from '@stellar-ducklake/extract';

function valueFor(c: ColumnDef, seed: number): unknown {
  if (c.nullable && seed % 3 === 0) return null;
  switch (c.kind) {
    case 'int':
    case 'intString':
      return seed % 100_000;
    case 'bigint':
      return BigInt(seed) * 7919n;
    case 'float':
      return (seed % 100_000) / 7;
    case 'string':
      return `${c.name}-${seed}`;
    case 'bool':
      return seed % 2 === 0;
    case 'time':
      return new Date(Date.UTC(2020, 6, 1) + (seed % 1_000_000) * 1000);
    case 'strings':
      return [`a${seed}`, `b${seed % 7}`];
    case 'ints':
      return [seed % 5, seed % 11];
    case 'object':
      return { amount: (seed % 1000) / 10, asset_id: BigInt(seed) * -3n, memo: `<${seed}>`, path: [{ n: seed % 3 }] };
  }
}

function rowOf(def: TableDef, seed: number, fixed: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  def.columns.forEach((c, i) => {
    row[c.name] = c.name in fixed ? fixed[c.name] : valueFor(c, seed * 31 + i);
  });
  return row;
}

/** TOID as stellar-etl lays it out: ledger (32 bits) | transaction (20 bits) | operation (12 bits). */
export function toid(ledger: number, tx: number, op: number): bigint {
  return (BigInt(ledger) << 32n) | (BigInt(tx) << 12n) | BigInt(op);
}

/** A synthetic ledger: `txs` transactions (every fifth failed) with `opsPerTx` operations each. */
export function syntheticLedger(seq: number, txs = 3, opsPerTx = 2, balances = 2): LedgerRows {
  const closed = new Date(Date.UTC(2020, 6, 1) + seq * 5000);
  const failed = Math.floor(txs / 5);
  const transactions = Array.from({ length: txs }, (_, i) =>
    rowOf(tables.transactions, seq * 1000 + i, { ledger_sequence: seq, id: toid(seq, i + 1, 0), successful: i >= failed, closed_at: closed }),
  );
  const operations = transactions.flatMap((_, i) =>
    Array.from({ length: opsPerTx }, (_, j) =>
      rowOf(tables.operations, seq * 10_000 + i * 100 + j, {
        ledger_sequence: seq,
        transaction_id: toid(seq, i + 1, 0),
        id: toid(seq, i + 1, j + 1),
        closed_at: closed,
      }),
    ),
  );
  const nativeBalances = Array.from({ length: balances }, (_, i) =>
    rowOf(tables.native_balances, seq * 100 + i, { ledger_sequence: seq, account_id: `G${seq}X${i}`, closed_at: closed }),
  );
  const ledger = rowOf(tables.ledgers, seq, {
    sequence: seq,
    id: BigInt(seq) << 32n,
    successful_transaction_count: txs - failed,
    failed_transaction_count: failed,
    transaction_count: txs - failed,
    tx_set_operation_count: txs * opsPerTx,
    closed_at: closed,
  });
  return { ledger, transactions, operations, nativeBalances } as unknown as LedgerRows;
}
