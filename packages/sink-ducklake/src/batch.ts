/**
 * The ledgers of one flush, buffered as encoded pages until they are committed together.
 */
import type { TableName } from '@stellar-ducklake/extract';
import { encodedSize, type EncodedLedger, type EncodedTable } from './parquet/encode.js';

/** Ledgers waiting for a commit: their encoded pages by sequence, and running totals. */
export class Batch {
  readonly ledgers = new Map<number, EncodedLedger>();
  readonly rows = new Map<TableName, number>();
  bytes = 0;
  firstAt = 0;

  /** Adds a ledger (the caller checks it is not there yet). */
  add(ledger: EncodedLedger): void {
    if (this.ledgers.size === 0) this.firstAt = Date.now();
    this.ledgers.set(ledger.sequence, ledger);
    this.bytes += encodedSize(ledger);
    for (const [t, enc] of Object.entries(ledger.tables) as [TableName, EncodedTable][]) this.rows.set(t, (this.rows.get(t) ?? 0) + enc.rows);
  }

  /** Moves the ledgers of `other` into this batch. */
  absorb(other: Batch): void {
    const firstAt = this.firstAt;
    for (const l of other.ledgers.values()) this.add(l);
    this.firstAt = other.ledgers.size > 0 ? Math.min(firstAt, other.firstAt) : firstAt;
  }

  /** The most rows any one table holds. */
  maxRows(): number {
    let n = 0;
    for (const v of this.rows.values()) n = Math.max(n, v);
    return n;
  }

  /** The encoded tables of `table`, in ledger order. */
  parts(table: TableName): EncodedTable[] {
    return [...this.ledgers.keys()].sort((a, b) => a - b).flatMap((seq) => this.ledgers.get(seq)!.tables[table] ?? []);
  }
}
