/**
 * A Parquet file from encoded pages: each column's pages of all parts, back to back, as one column
 * chunk of one row group, then the footer. No page is re-encoded or copied; the result is a list
 * of byte views to write in order.
 */
import type { TableDef } from '@stellar-ducklake/extract';
import { ByteSink } from './bytes.js';
import { STRING_STAT_BYTES, type ColumnEncoder } from './columns.js';
import { STATS_PER_COLUMN, tableEncoder, type EncodedTable } from './encode.js';
import { binary, binaryList, bool, bytesValue, i32, i32List, i64, struct, structList, writeStruct, type ThriftStruct } from './thrift.js';

const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]); // "PAR1"

/** A Parquet file as byte views in write order, and its size. */
export interface ParquetChunks {
  readonly chunks: Uint8Array[];
  readonly bytes: number;
  readonly rows: number;
}

/** A statistics value: PLAIN bytes, and whether they are the value itself or a bound of it. */
type Bound = Uint8Array & { exact: boolean };

const BYTE_ARRAY = 6;

/** Column statistics of a chunk: null count, and the smallest and largest value of its pages. */
function statistics(col: ColumnEncoder, parts: readonly EncodedTable[], c: number): ThriftStruct {
  let nulls = 0;
  let min: Bound | undefined;
  let max: Bound | undefined;
  const at = c * STATS_PER_COLUMN;
  for (const p of parts) {
    const s = p.stats;
    nulls += s[at]!;
    if (s[at + 2]! < 0) continue;
    const lo = Object.assign(p.data.subarray(s[at + 1]!, s[at + 1]! + s[at + 2]!), { exact: true });
    const hi = Object.assign(p.data.subarray(s[at + 3]!, s[at + 3]! + s[at + 4]!), { exact: true });
    if (min === undefined || col.compare(lo, min) < 0) min = lo;
    if (max === undefined || col.compare(hi, max) > 0) max = hi;
  }
  if (col.physical === BYTE_ARRAY) {
    min = min === undefined ? undefined : lowerBound(min);
    max = max === undefined ? undefined : upperBound(max);
  }
  return [
    [3, i64(nulls)],
    [5, max === undefined ? undefined : bytesValue(max)],
    [6, min === undefined ? undefined : bytesValue(min)],
    [7, max === undefined ? undefined : bool(max.exact)],
    [8, min === undefined ? undefined : bool(min.exact)],
  ];
}

/** A string minimum, or a prefix of it (a lower bound) when it is long; none when no cut is clean. */
function lowerBound(v: Bound): Bound | undefined {
  if (v.length <= STRING_STAT_BYTES) return v;
  // A prefix ending in an ASCII byte ends on a character boundary.
  return v[STRING_STAT_BYTES - 1]! < 0x80 ? Object.assign(v.subarray(0, STRING_STAT_BYTES), { exact: false }) : undefined;
}

/** A string maximum, or a prefix of it with its last byte raised (an upper bound) when it is long. */
function upperBound(v: Bound): Bound | undefined {
  if (v.length <= STRING_STAT_BYTES) return v;
  if (v[STRING_STAT_BYTES - 1]! >= 0x7f) return undefined;
  const cut = new Uint8Array(v.subarray(0, STRING_STAT_BYTES)); // a copy: the page keeps its bytes
  cut[STRING_STAT_BYTES - 1]!++;
  return Object.assign(cut, { exact: false });
}

/**
 * Lays out one Parquet file holding the rows of `parts` (each one {@link EncodedTable} of table
 * `def`, in the order given). Returns `undefined` when the parts hold no rows.
 */
export function parquetFile(def: TableDef, parts: readonly EncodedTable[]): ParquetChunks | undefined {
  const filled = parts.filter((p) => p.rows > 0);
  const rows = filled.reduce((n, p) => n + p.rows, 0);
  if (rows === 0) return undefined;
  const codec = filled[0]!.codec;
  if (filled.some((p) => p.codec !== codec)) throw new RangeError(`${def.name}: the pages of one file must share one compression codec`);
  const { columns } = tableEncoder(def);
  const chunks: Uint8Array[] = [MAGIC];
  let offset = MAGIC.length;
  const columnChunks: ThriftStruct[] = [];
  let uncompressedBytes = 0;
  for (let c = 0; c < columns.length; c++) {
    const col = columns[c]!;
    const start = offset;
    let values = 0;
    let uncompressed = 0;
    for (const p of filled) {
      const from = c === 0 ? 0 : p.pageEnds[c - 1]!;
      const page = p.data.subarray(from, p.pageEnds[c]!);
      chunks.push(page);
      offset += page.length;
      values += p.valueCounts[c]!;
      uncompressed += p.uncompressedSizes[c]!;
    }
    const size = offset - start;
    uncompressedBytes += uncompressed;
    columnChunks.push([
      [2, i64(start)],
      [
        3,
        struct([
          [1, i32(col.physical)],
          [2, i32List(col.encodings)],
          [3, binaryList(col.path)],
          [4, i32(codec)],
          [5, i64(values)],
          [6, i64(uncompressed)],
          [7, i64(size)],
          [9, i64(start)],
          [12, struct(statistics(col, filled, c))],
        ]),
      ],
    ]);
  }
  const dataBytes = offset - MAGIC.length;
  const schema: ThriftStruct[] = [[[4, binary('schema')], [5, i32(columns.length)]], ...columns.flatMap((c) => c.schema)];
  const footer = new ByteSink(4096);
  writeStruct(footer, [
    [1, i32(1)],
    [2, structList(schema)],
    [3, i64(rows)],
    [4, structList([[[1, structList(columnChunks)], [2, i64(uncompressedBytes)], [3, i64(rows)], [5, i64(MAGIC.length)], [6, i64(dataBytes)]]])],
    [6, binary('stellar-ducklake')],
  ]);
  footer.uint32(footer.length);
  footer.bytes(MAGIC);
  const tail = footer.toBytes();
  chunks.push(tail);
  return { chunks, bytes: offset + tail.length, rows };
}
