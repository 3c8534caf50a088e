/**
 * One ledger's rows as Parquet data pages, one page per column and table. Pure and free of DuckDB,
 * so extraction workers can run it and hand the pages to the sink as transferable buffers; the
 * sink then only concatenates pages into files.
 */
import { tables as tableDefs, type LedgerRows, type TableDef, type TableName } from '@stellar-ducklake/extract';
import { ByteSink } from './bytes.js';
import { columnEncoder, type ColumnEncoder, type PageState } from './columns.js';
import { pageCodec, pageCompressions, type PageCompression } from './codec.js';
import { ledgerColumn } from '../ddl.js';
import { SinkError } from '../errors.js';

/** One table's rows of one ledger as Parquet pages. */
export interface EncodedTable {
  /** Rows encoded. */
  readonly rows: number;
  /** Parquet `CompressionCodec` of the pages. */
  readonly codec: number;
  /**
   * The pages of all columns, back to back, in column order, then the statistics values (empty
   * when there are no rows).
   */
  readonly data: Uint8Array;
  /** End offset in `data` of each column's page. */
  readonly pageEnds: Uint32Array;
  /** Size of each column's page before compression (header included). */
  readonly uncompressedSizes: Uint32Array;
  /** Parquet `num_values` (level entries) of each column's page. */
  readonly valueCounts: Uint32Array;
  /**
   * Statistics of each column's page, five numbers per column: null count, then offset and
   * length in `data` of the minimum's and of the maximum's PLAIN bytes (length -1: no value).
   * Strings longer than Parquet keeps whole are kept cut.
   */
  readonly stats: Int32Array;
}

/** Numbers per column in {@link EncodedTable.stats}. */
export const STATS_PER_COLUMN = 5;

/** One ledger encoded for the DuckLake sink: see {@link encodeLedger}. */
export interface EncodedLedger {
  /** Ledger sequence. */
  readonly sequence: number;
  /** The enabled tables' pages. */
  readonly tables: Partial<Record<TableName, EncodedTable>>;
}

/** Which field of {@link LedgerRows} feeds each table. */
const rowsOf: Record<TableName, (r: LedgerRows) => readonly object[]> = {
  ledgers: (r) => [r.ledger],
  transactions: (r) => r.transactions,
  operations: (r) => r.operations,
  native_balances: (r) => r.nativeBalances,
};

/** The rows of `table` in a ledger's {@link LedgerRows}. */
export function tableRows(rows: LedgerRows, table: TableName): readonly object[] {
  return rowsOf[table](rows);
}

/** Encoders of a table's columns, built once per table definition and reused. */
export interface TableEncoder {
  readonly def: TableDef;
  readonly columns: readonly ColumnEncoder[];
  /**
   * For each column, an earlier JSON column of the same definition whose page it repeats when
   * every row holds the very same object in both (`details_json` of `details`), else -1.
   */
  readonly twinOf: readonly number[];
}

const encoders = new WeakMap<TableDef, TableEncoder>();

/** The (cached) encoder of a table definition. */
export function tableEncoder(def: TableDef): TableEncoder {
  let e = encoders.get(def);
  if (e === undefined) {
    const cols = def.columns;
    const twinOf = cols.map((c) =>
      c.kind === 'object' ? cols.findIndex((d) => d !== c && d.kind === 'object' && d.sqlType === c.sqlType && d.nullable === c.nullable) : -1,
    );
    e = { def, columns: cols.map(columnEncoder), twinOf: twinOf.map((t, c) => (t < c ? t : -1)) };
    encoders.set(def, e);
  }
  return e;
}

const scratch = new ByteSink(1 << 20);
const statBytes = new ByteSink(1 << 14);

/** Options of {@link encodeLedger} and {@link encodeRows}. */
export interface EncodeOptions {
  /** How pages are compressed (default `snappy`, DuckLake's default codec). */
  readonly compression?: PageCompression;
}

/**
 * Encodes rows of one table (of ledger `ledger`, for messages) as one page per column. Throws
 * `SinkError` `INVALID_ROW` naming the ledger, row and column of the first value that does not
 * fit its column.
 */
export function encodeRows(def: TableDef, rows: readonly object[], ledger: number, options: EncodeOptions = {}, tableName = def.name): EncodedTable {
  const codec = pageCodec(options.compression ?? pageCompressions[0]);
  const { columns, twinOf } = tableEncoder(def);
  const pageEnds = new Uint32Array(columns.length);
  const uncompressedSizes = new Uint32Array(columns.length);
  const valueCounts = new Uint32Array(columns.length);
  const stats = new Int32Array(columns.length * STATS_PER_COLUMN);
  if (rows.length === 0) return { rows: 0, codec: codec.id, data: new Uint8Array(0), pageEnds, uncompressedSizes, valueCounts, stats };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (typeof row !== 'object' || row === null) {
      throw new SinkError('INVALID_ROW', `${tableName} row ${r + 1} is ${row === null ? 'null' : typeof row}, not an object.`, { ledger });
    }
  }
  scratch.reset();
  statBytes.reset();
  const state: PageState = { bits: [], stat: 0, ascii: true, statBytes };
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    const twin = twinOf[c]!;
    if (twin >= 0 && sameValues(rows, columns[twin]!, col)) {
      // The same objects give the same page and statistics: copy them instead of encoding again.
      const start = twin === 0 ? 0 : pageEnds[twin - 1]!;
      const size = pageEnds[twin]! - start;
      scratch.reserve(size);
      scratch.buf.copyWithin(scratch.length, start, start + size);
      scratch.length += size;
      pageEnds[c] = scratch.length;
      uncompressedSizes[c] = uncompressedSizes[twin]!;
      valueCounts[c] = valueCounts[twin]!;
      stats.copyWithin(c * STATS_PER_COLUMN, twin * STATS_PER_COLUMN, (twin + 1) * STATS_PER_COLUMN);
      continue;
    }
    const n = col.page(rows, scratch, state, codec);
    if ('mismatch' in n) {
      throw new SinkError('INVALID_ROW', `${tableName} row ${n.row + 1}, column ${col.name}: expected ${n.mismatch}.`, {
        ledger,
        hint: 'The rows must come from @stellar-ducklake/extract for the same schema version.',
      });
    }
    pageEnds[c] = scratch.length;
    uncompressedSizes[c] = n.uncompressed;
    valueCounts[c] = n.values;
    stats.set([n.nulls, n.minAt, n.minLen, n.maxAt, n.maxLen], c * STATS_PER_COLUMN);
  }
  // The statistics values follow the pages.
  const base = scratch.length;
  scratch.bytes(statBytes.buf.subarray(0, statBytes.length));
  for (let at = 0; at < stats.length; at += STATS_PER_COLUMN) {
    if (stats[at + 2]! >= 0) {
      stats[at + 1]! += base;
      stats[at + 3]! += base;
    }
  }
  return { rows: rows.length, codec: codec.id, data: scratch.toBytes(), pageEnds, uncompressedSizes, valueCounts, stats };
}

/** Whether every row holds the same value (the same object, for objects) in columns `a` and `b`. */
function sameValues(rows: readonly object[], a: ColumnEncoder, b: ColumnEncoder): boolean {
  for (let r = 0; r < rows.length; r++) {
    if (a.read(rows[r]!) !== b.read(rows[r]!)) return false;
  }
  return true;
}

/**
 * Encodes a ledger's rows for {@link DuckLakeSink.writeEncoded}: each enabled table's rows become
 * one Parquet data page per column, compressed as `options` say. Checks that every row names the
 * ledger and every value fits its column; throws `SinkError` `INVALID_ROW` otherwise.
 */
export function encodeLedger(
  rows: LedgerRows,
  tables: readonly TableName[] = Object.keys(tableDefs) as TableName[],
  options: EncodeOptions = {},
): EncodedLedger {
  const seq = rows?.ledger?.sequence;
  if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 0) {
    throw new SinkError('INVALID_ROW', `encoding needs LedgerRows whose ledger.sequence is a ledger number, got ${String(seq)}.`);
  }
  const out: Partial<Record<TableName, EncodedTable>> = {};
  for (const table of tables) {
    const list = rowsOf[table](rows);
    if (!Array.isArray(list)) throw new SinkError('INVALID_ROW', `the ${table} rows are not an array.`, { ledger: seq });
    const col = ledgerColumn[table];
    for (let i = 0; i < list.length; i++) {
      const v = (list[i] as Record<string, unknown> | null)?.[col];
      if (v !== seq) throw new SinkError('INVALID_ROW', `${table} row ${i + 1} has ${col} ${String(v)}, not the ledger's sequence.`, { ledger: seq });
    }
    out[table] = encodeRows(tableDefs[table], list, seq, options, table);
  }
  return { sequence: seq, tables: out };
}

/** The buffers of an encoded ledger, for `postMessage(ledger, transferList(ledger))`. */
export function transferList(ledger: EncodedLedger): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  for (const t of Object.values(ledger.tables)) {
    if (t !== undefined && t.data.byteLength > 0) list.push(t.data.buffer as ArrayBuffer);
  }
  return list;
}

/** Bytes held by an encoded ledger. */
export function encodedSize(ledger: EncodedLedger): number {
  let n = 0;
  for (const t of Object.values(ledger.tables)) n += t?.data.byteLength ?? 0;
  return n;
}
