/**
 * A {@link LedgerSink} printing one table as stellar-etl JSON lines, in ascending ledger order
 * whatever order ledgers arrive in (a reorder buffer holds ledgers that arrive early).
 */
import { toEtlJson, type LedgerRows, type RowByTable, type TableName } from '@stellar-ducklake/extract';
import type { LedgerRange } from './range.js';
import type { LedgerSink } from './sink.js';

const rowsOf: { [T in TableName]: (r: LedgerRows) => readonly RowByTable[T][] } = {
  ledgers: (r) => [r.ledger],
  transactions: (r) => r.transactions,
  operations: (r) => r.operations,
  native_balances: (r) => r.nativeBalances,
};

/** Writes `table` rows of ledgers `start..end` as JSON lines, in ledger order. */
export class JsonLinesSink implements LedgerSink {
  private next: number;
  private readonly pending = new Map<number, LedgerRows>();

  constructor(
    private readonly table: TableName,
    range: { start: number },
    private readonly out: NodeJS.WritableStream,
  ) {
    this.next = range.start;
  }

  async committedRanges(): Promise<LedgerRange[]> {
    return [];
  }

  async write(rows: LedgerRows): Promise<void> {
    this.pending.set(rows.ledger.sequence, rows);
    let ready: LedgerRows | undefined;
    let text = '';
    while ((ready = this.pending.get(this.next)) !== undefined) {
      this.pending.delete(this.next);
      this.next++;
      for (const row of rowsOf[this.table](ready)) text += toEtlJson(this.table, row as never) + '\n';
    }
    if (text && !this.out.write(text)) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
