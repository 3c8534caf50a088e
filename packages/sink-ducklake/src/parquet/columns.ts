/**
 * Parquet column encoders derived from the column definitions: each knows its schema elements and
 * writes one data page (PLAIN values, RLE levels, compressed by the page codec given) from a
 * ledger's rows, checking every value against its definition on the way.
 */
import { writeJson, type ColumnDef, type JsonValue, type SqlType } from '@stellar-ducklake/extract';
import { ByteSink } from './bytes.js';
import { binary, bool, i32, i8, struct, writeStruct, type ThriftStruct } from './thrift.js';

/** Parquet physical types. */
const Physical = { BOOLEAN: 0, INT32: 1, INT64: 2, DOUBLE: 5, BYTE_ARRAY: 6 } as const;
/** Parquet repetition of a schema element. */
const Repetition = { REQUIRED: 0, OPTIONAL: 1, REPEATED: 2 } as const;
/** Parquet converted types (the legacy annotations). */
const Converted = { UTF8: 0, LIST: 3, TIMESTAMP_MICROS: 10, UINT_32: 13, UINT_64: 14, JSON: 19 } as const;
const Encoding = { PLAIN: 0, RLE: 3 } as const;
const DATA_PAGE = 0;

/** A value that does not fit its column: what was expected. */
export type Mismatch = string;

/** Writes one non-null value; returns a {@link Mismatch} instead when the value does not fit. */
type WriteValue = (v: unknown, out: ByteSink, page: PageState) => Mismatch | undefined;

/**
 * Longest string statistic a Parquet file keeps whole, in bytes; longer ones are cut to a bound, as
 * DuckDB's writer does.
 */
export const STRING_STAT_BYTES = 256;

/**
 * Bytes of a statistics value kept beside the pages: one more than {@link STRING_STAT_BYTES}, so
 * that comparing the kept prefixes orders values as their cut bounds order.
 */
const STAT_KEPT_BYTES = STRING_STAT_BYTES + 1;

/** A page compression codec: its Parquet `CompressionCodec` number and its block compressor. */
export interface PageCodec {
  readonly id: number;
  /**
   * Compresses a page body; `undefined` for no compression (`id` 0). The result may be the
   * codec's scratch space, valid until its next call: callers copy it before compressing again.
   */
  readonly compress: ((body: Uint8Array) => Uint8Array) | undefined;
}

/** Per-page scratch shared by the writers of one encoding pass. */
export interface PageState {
  /** Booleans of the current page, bit-packed when the page is closed. */
  bits: number[];
  /** The pages' statistics values (minimum and maximum, PLAIN, cut to a bound's length). */
  readonly statBytes: ByteSink;
  /** The last value written, in the form its column compares (number, bigint or string). */
  stat: number | bigint | string;
  /** Whether the last string written was ASCII. */
  ascii: boolean;
}

interface Leaf {
  readonly physical: number;
  readonly converted?: number;
  readonly logical?: ThriftStruct;
  readonly write: WriteValue;
  /** Orders two values stored by `write` in `stat` (with their `ascii` flags, for strings). */
  readonly less: (a: number | bigint | string, aAscii: boolean, b: number | bigint | string, bAscii: boolean) => boolean;
  /** Orders two PLAIN-encoded statistics values (for combining pages). */
  readonly compare: (a: Uint8Array, b: Uint8Array) => number;
}

const lessNative = (a: number | bigint | string, _x: boolean, b: number | bigint | string): boolean => a < b;

/** Code-point (= UTF-8 byte) order of strings; JS `<` compares UTF-16 units, which differs above U+D7FF. */
function lessUtf8(a: number | bigint | string, aAscii: boolean, b: number | bigint | string, bAscii: boolean): boolean {
  if (aAscii && bAscii) return a < b;
  const s = a as string;
  const t = b as string;
  const n = Math.min(s.length, t.length);
  for (let i = 0; i < n; i++) {
    const x = s.charCodeAt(i);
    const y = t.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 || y < 0xd800) return x < y;
    // Surrogates (supplementary code points) sort after U+E000..U+FFFF.
    return (x >= 0xe000 ? x - 0x800 : x + 0x2000) < (y >= 0xe000 ? y - 0x800 : y + 0x2000);
  }
  return s.length < t.length;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const cmp = <T extends number | bigint>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);
const compareInt32 = (a: Uint8Array, b: Uint8Array) => cmp(view(a).getInt32(0, true), view(b).getInt32(0, true));
const compareUint32 = (a: Uint8Array, b: Uint8Array) => cmp(view(a).getUint32(0, true), view(b).getUint32(0, true));
const compareInt64 = (a: Uint8Array, b: Uint8Array) => cmp(view(a).getBigInt64(0, true), view(b).getBigInt64(0, true));
const compareUint64 = (a: Uint8Array, b: Uint8Array) => cmp(view(a).getBigUint64(0, true), view(b).getBigUint64(0, true));
const compareDouble = (a: Uint8Array, b: Uint8Array) => cmp(view(a).getFloat64(0, true), view(b).getFloat64(0, true));
const compareBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

const intType = (bits: number, signed: boolean): ThriftStruct => [[10, struct([[1, i8(bits)], [2, bool(signed)]])]];

/** A leaf of numbers or bigints: `fits` checks a value, `put` writes it PLAIN; ordered by `<`. */
function scalarLeaf<T extends number | bigint>(
  physical: number,
  compare: Leaf['compare'],
  fits: (v: unknown) => boolean,
  expected: string,
  put: (out: ByteSink, v: T) => void,
  annotations: Pick<Leaf, 'converted' | 'logical'> = {},
): Leaf {
  return {
    physical,
    ...annotations,
    less: lessNative,
    compare,
    write: (v, out, page) => {
      if (!fits(v)) return `${expected}, got ${describe(v)}`;
      put(out, v as T);
      page.stat = v as T;
      return undefined;
    },
  };
}

function leafFor(c: ColumnDef): Leaf {
  const sql: SqlType = c.sqlType;
  switch (sql) {
    case 'INTEGER':
      return scalarLeaf(Physical.INT32, compareInt32, (v) => typeof v === 'number' && (v | 0) === v, 'an integer within INTEGER', (o, v: number) => o.int32(v));
    case 'UINTEGER':
    case 'UINTEGER[]':
      return scalarLeaf(Physical.INT32, compareUint32, (v) => typeof v === 'number' && v >>> 0 === v, 'an integer within UINTEGER', (o, v: number) => o.uint32(v), {
        converted: Converted.UINT_32,
        logical: intType(32, false),
      });
    case 'BIGINT':
      return scalarLeaf(Physical.INT64, compareInt64, (v) => typeof v === 'bigint' && v >= I64_MIN && v <= I64_MAX, 'a bigint within BIGINT', (o, v: bigint) => o.bigInt64(v));
    case 'UBIGINT':
      return scalarLeaf(Physical.INT64, compareUint64, (v) => typeof v === 'bigint' && v >= 0n && v <= U64_MAX, 'a bigint within UBIGINT', (o, v: bigint) => o.bigUint64(v), {
        converted: Converted.UINT_64,
        logical: intType(64, false),
      });
    case 'DOUBLE':
      return scalarLeaf(Physical.DOUBLE, compareDouble, (v) => typeof v === 'number' && Number.isFinite(v), 'a finite number', (o, v: number) => o.float64(v));
    case 'BOOLEAN':
      return {
        physical: Physical.BOOLEAN,
        less: lessNative,
        compare: compareBytes,
        write: (v, _out, page) => {
          if (typeof v !== 'boolean') return `a boolean, got ${describe(v)}`;
          page.bits.push(v ? 1 : 0);
          page.stat = v ? 1 : 0;
          return undefined;
        },
      };
    case 'TIMESTAMPTZ':
      return {
        physical: Physical.INT64,
        converted: Converted.TIMESTAMP_MICROS,
        // TIMESTAMP(isAdjustedToUTC = true, unit = MICROS): read back as TIMESTAMPTZ.
        logical: [[8, struct([[1, bool(true)], [2, struct([[2, struct([])]])]])]],
        less: lessNative,
        compare: compareInt64,
        write: (v, out, page) => {
          const ms = v instanceof Date ? v.getTime() : Number.NaN;
          if (Number.isNaN(ms)) return `a valid Date, got ${describe(v)}`;
          out.int64FromNumber(ms * 1000);
          page.stat = ms;
          return undefined;
        },
      };
    case 'VARCHAR':
    case 'VARCHAR[]':
      return {
        physical: Physical.BYTE_ARRAY,
        converted: Converted.UTF8,
        logical: [[1, struct([])]],
        less: lessUtf8,
        compare: compareBytes,
        write: (v, out, page) => {
          if (typeof v !== 'string') return `a string, got ${describe(v)}`;
          page.ascii = out.lengthPrefixedUtf8(v);
          page.stat = v;
          return undefined;
        },
      };
    case 'JSON':
      return {
        physical: Physical.BYTE_ARRAY,
        converted: Converted.JSON,
        logical: [[12, struct([])]],
        less: lessUtf8,
        compare: compareBytes,
        write: (v, out, page) => {
          if (typeof v === 'string') {
            page.ascii = out.lengthPrefixedUtf8(v);
            page.stat = v;
            return undefined;
          }
          if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) return `a JSON object, got ${describe(v)}`;
          let text: string;
          try {
            text = writeJson(v as JsonValue);
          } catch (e) {
            return `an object stellar-etl's JSON writer accepts (${e instanceof Error ? e.message : String(e)})`;
          }
          page.ascii = out.lengthPrefixedUtf8(text);
          page.stat = text;
          return undefined;
        },
      };
  }
}

/** RLE runs of repetition or definition levels (bit width ≤ 8): `varint(count << 1)`, then one byte. */
class LevelRuns {
  readonly out = new ByteSink(1024);
  private level = -1;
  private run = 0;
  count = 0;

  reset(): void {
    this.out.reset();
    this.level = -1;
    this.run = 0;
    this.count = 0;
  }

  push(level: number): void {
    this.count++;
    if (level === this.level) {
      this.run++;
      return;
    }
    this.flush();
    this.level = level;
    this.run = 1;
  }

  flush(): void {
    if (this.run === 0) return;
    this.out.varint(this.run * 2);
    this.out.byte(this.level);
    this.run = 0;
  }
}

/** Where a failed value sits: row index and the mismatch. */
export interface CellError {
  readonly row: number;
  readonly mismatch: Mismatch;
}

/** What one page holds: counts, sizes, and where its smallest and largest values' bytes are. */
export interface PageResult {
  /** Level entries (Parquet's `num_values`). */
  readonly values: number;
  /** Level entries without a value (null rows, and empty lists). */
  readonly nulls: number;
  /** Bytes of the page (header and body) before compression. */
  readonly uncompressed: number;
  /** Offset in `PageState.statBytes` of the minimum's PLAIN bytes, or -1 when the page has no value. */
  readonly minAt: number;
  readonly minLen: number;
  readonly maxAt: number;
  readonly maxLen: number;
}

/** One column of a table, as Parquet. */
export interface ColumnEncoder {
  /** The column's name. */
  readonly name: string;
  /** Schema elements of the column (one, or three for a list), in Parquet's depth-first order. */
  readonly schema: readonly ThriftStruct[];
  /** Path of the leaf in the schema. */
  readonly path: readonly string[];
  /** Physical type of the leaf. */
  readonly physical: number;
  /** Encodings the pages use (for the column metadata). */
  readonly encodings: readonly number[];
  /** Orders two PLAIN-encoded statistics values of this column. */
  readonly compare: (a: Uint8Array, b: Uint8Array) => number;
  /** Reads this column's field of a row (see {@link fieldReader}). */
  readonly read: (row: object) => unknown;
  /**
   * Appends one data page holding this column of `rows` to `out`, its body compressed by `codec`,
   * and its statistics values to `state.statBytes`; returns what it holds, or the first value
   * that does not fit.
   */
  page(rows: readonly object[], out: ByteSink, state: PageState, codec: PageCodec): PageResult | CellError;
}

/** Builds the encoder of one column. Every column is declared OPTIONAL (DuckLake columns are nullable). */
export function columnEncoder(c: ColumnDef): ColumnEncoder {
  const leaf = leafFor(c);
  const isList = c.kind === 'strings' || c.kind === 'ints';
  const leafElement = (name: string, repetition: number): ThriftStruct => [
    [1, i32(leaf.physical)],
    [3, i32(repetition)],
    [4, binary(name)],
    [6, leaf.converted === undefined ? undefined : i32(leaf.converted)],
    ...(leaf.logical === undefined ? [] : [[10, struct(leaf.logical)] as const]),
  ];
  const schema: ThriftStruct[] = isList
    ? [
        [[3, i32(Repetition.OPTIONAL)], [4, binary(c.name)], [5, i32(1)], [6, i32(Converted.LIST)], [10, struct([[3, struct([])]])]],
        [[3, i32(Repetition.REPEATED)], [4, binary('list')], [5, i32(1)]],
        leafElement('element', Repetition.REQUIRED),
      ]
    : [leafElement(c.name, Repetition.OPTIONAL)];
  const path = isList ? [c.name, 'list', 'element'] : [c.name];
  const name = c.name;
  const valueOf = fieldReader(name);
  const nullable = c.nullable;
  const write = leaf.write;
  const less = leaf.less;
  const isBool = leaf.physical === Physical.BOOLEAN;
  // PLAIN BYTE_ARRAY values carry a 4-byte length before the bytes statistics hold.
  const skip = leaf.physical === Physical.BYTE_ARRAY ? 4 : 0;
  const values = new ByteSink();
  const defs = new LevelRuns();
  const reps = new LevelRuns();
  const header = new ByteSink(64);
  const body = new ByteSink();

  return {
    name,
    schema,
    path,
    physical: leaf.physical,
    encodings: [Encoding.PLAIN, Encoding.RLE],
    compare: leaf.compare,
    read: valueOf,
    page(rows, out, state, codec) {
      values.reset();
      defs.reset();
      reps.reset();
      state.bits.length = 0;
      let nulls = 0;
      let min: number | bigint | string = 0;
      let max: number | bigint | string = 0;
      let minAscii = true;
      let maxAscii = true;
      let minAt = -1;
      let minEnd = -1;
      let maxAt = -1;
      let maxEnd = -1;
      // Keeps the page's smallest and largest value, and where their bytes are in `values`.
      const track = (at: number) => {
        const v = state.stat;
        const a = state.ascii;
        if (minAt < 0 || less(v, a, min, minAscii)) {
          min = v;
          minAscii = a;
          minAt = at;
          minEnd = values.length;
        }
        if (maxAt < 0 || less(max, maxAscii, v, a)) {
          max = v;
          maxAscii = a;
          maxAt = at;
          maxEnd = values.length;
        }
      };
      state.ascii = true;
      for (let r = 0; r < rows.length; r++) {
        const v = valueOf(rows[r]!);
        if (v === null || v === undefined) {
          if (!nullable) return { row: r, mismatch: `a value, got ${v === null ? 'null' : 'no value'} (the column is not nullable)` };
          defs.push(0);
          nulls++;
          if (isList) reps.push(0);
          continue;
        }
        if (!isList) {
          const at = values.length;
          const bad = write(v, values, state);
          if (bad !== undefined) return { row: r, mismatch: bad };
          track(at);
          defs.push(1);
          continue;
        }
        if (!Array.isArray(v)) return { row: r, mismatch: `an array, got ${describe(v)}` };
        if (v.length === 0) {
          // The element of an empty list counts as null in the statistics, as Parquet writers count.
          defs.push(1);
          reps.push(0);
          nulls++;
          continue;
        }
        for (let i = 0; i < v.length; i++) {
          const at = values.length;
          const bad = write(v[i], values, state);
          if (bad !== undefined) return { row: r, mismatch: `${bad} (element ${i + 1})` };
          track(at);
          defs.push(2);
          reps.push(i === 0 ? 0 : 1);
        }
      }
      if (isBool) packBits(state.bits, values);
      defs.flush();
      reps.flush();
      const levelBytes = (isList ? 4 + reps.out.length : 0) + 4 + defs.out.length;
      const size = levelBytes + values.length;
      body.reset();
      body.reserve(size);
      if (isList) {
        body.uint32(reps.out.length);
        body.bytes(reps.out.buf.subarray(0, reps.out.length));
      }
      body.uint32(defs.out.length);
      body.bytes(defs.out.buf.subarray(0, defs.out.length));
      body.bytes(values.buf.subarray(0, values.length));
      const raw = body.buf.subarray(0, size);
      const stored = codec.compress === undefined ? raw : codec.compress(raw);
      header.reset();
      writeStruct(header, [
        [1, i32(DATA_PAGE)],
        [2, i32(size)],
        [3, i32(stored.length)],
        [5, struct([[1, i32(defs.count)], [2, i32(Encoding.PLAIN)], [3, i32(Encoding.RLE)], [4, i32(Encoding.RLE)]])],
      ]);
      out.reserve(header.length + stored.length);
      out.bytes(header.buf.subarray(0, header.length));
      out.bytes(stored);
      const stats = state.statBytes;
      let minOut = -1;
      let maxOut = -1;
      if (minAt >= 0 && isBool) {
        minOut = stats.length;
        stats.byte(min as number);
        maxOut = stats.length;
        stats.byte(max as number);
      } else if (minAt >= 0) {
        minOut = stats.length;
        stats.bytes(values.buf.subarray(minAt + skip, Math.min(minEnd, minAt + skip + STAT_KEPT_BYTES)));
        maxOut = stats.length;
        stats.bytes(values.buf.subarray(maxAt + skip, Math.min(maxEnd, maxAt + skip + STAT_KEPT_BYTES)));
      }
      return {
        values: defs.count,
        nulls,
        uncompressed: header.length + size,
        minAt: minOut,
        minLen: minOut < 0 ? -1 : maxOut - minOut,
        maxAt: maxOut,
        maxLen: maxOut < 0 ? -1 : stats.length - maxOut,
      };
    },
  };
}

/**
 * A function reading one field of a row. Each column gets a function of its own, so each property
 * load sees one field of rows of one shape and stays fast, where one shared `row[name]` would
 * see every field of every table. Column names are identifiers of the schema; others are read
 * by a shared keyed load.
 */
export function fieldReader(name: string): (row: object) => unknown {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return (row) => (row as Record<string, unknown>)[name];
  return new Function('row', `return row.${name};`) as (row: object) => unknown;
}

/** PLAIN booleans: one bit each, least significant bit first. */
function packBits(bits: readonly number[], out: ByteSink): void {
  for (let i = 0; i < bits.length; i += 8) {
    let b = 0;
    for (let j = 0; j < 8 && i + j < bits.length; j++) b |= bits[i + j]! << j;
    out.byte(b);
  }
}
