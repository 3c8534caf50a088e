/**
 * The exact JSON text stellar-etl writes (Go `encoding/json`, after its marshal → generic map →
 * marshal round trip): object keys in ascending byte order at every level, Go's HTML-safe string
 * escaping, 64-bit integers as bare digits, floats in shortest round-trip form.
 */
import { ExtractError } from './errors.js';
import { tables, type ColumnDef, type JsonObject, type JsonValue, type RowByTable, type TableName } from './schema/index.js';

const NEEDS_ESCAPE = /[\u0000-\u001f"\\<>&\u2028\u2029\ud800-\udfff]/;
const HEX = '0123456789abcdef';

/** Go `encoding/json` (HTML-safe) quoting of a string. Lone surrogates become U+FFFD. */
export function quoteGo(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20) {
      rep =
        c === 0x08 ? '\\b' : c === 0x0c ? '\\f' : c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c === 0x09 ? '\\t'
          : `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    } else if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = '\\\\';
    else if (c === 0x3c) rep = '\\u003c';
    else if (c === 0x3e) rep = '\\u003e';
    else if (c === 0x26) rep = '\\u0026';
    else if (c === 0x2028) rep = '\\u2028';
    else if (c === 0x2029) rep = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = '\uFFFD';
    if (rep !== undefined) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** Go/ECMAScript float text (Go keeps the sign of negative zero); non-finite values cannot be written. */
function floatText(x: number): string {
  if (!Number.isFinite(x)) {
    throw new ExtractError('INVALID_VALUE', `cannot write the non-finite number ${x} as JSON`);
  }
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * Serializes a JSON value as stellar-etl does: keys sorted by byte order at every level, Go string
 * escaping, `bigint` as bare digits, numbers as ECMAScript `String(x)`. No trailing newline.
 *
 * @example
 * writeJson({ b: 1n, a: '<x>' }); // '{"a":"\\u003cx\\u003e","b":1}'
 */
export function writeJson(value: JsonValue): string {
  switch (typeof value) {
    case 'string':
      return quoteGo(value);
    case 'number':
      return floatText(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += writeJson(value[i]!);
    }
    return out + ']';
  }
  const keys = sortedKeys(value);
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = value[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += keyPrefix(k) + writeJson(v);
  }
  return out + '}';
}

/**
 * `"key":` of keys seen before. Object keys of stellar-etl's details repeat from row to row, so
 * their quoting is done once. Only keys below U+D800 are kept, for which JS string order is byte
 * order (see {@link sortedKeys}); the cache is bounded.
 */
const keyPrefixes = new Map<string, string>();
const KEY_CACHE_LIMIT = 4096;

function keyPrefix(k: string): string {
  const cached = keyPrefixes.get(k);
  if (cached !== undefined) return cached;
  const text = quoteGo(k) + ':';
  if (keyPrefixes.size < KEY_CACHE_LIMIT && !/[\ud800-\uffff]/.test(k)) keyPrefixes.set(k, text);
  return text;
}

/**
 * The keys of an object in byte order; objects built in that order need no sort. Cached keys are
 * below U+D800, where JS string order (`<`) is code-point (= byte) order; an object's few keys
 * are then put in order by insertion, far cheaper than `Array.prototype.sort`.
 */
function sortedKeys(value: JsonObject): string[] {
  const keys = Object.keys(value);
  let ordered = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!keyPrefixes.has(k)) return keys.sort(compareKeys);
    if (i > 0 && !(keys[i - 1]! < k)) ordered = false;
  }
  if (!ordered) {
    for (let i = 1; i < keys.length; i++) {
      const k = keys[i]!;
      let j = i - 1;
      for (; j >= 0 && k < keys[j]!; j--) keys[j + 1] = keys[j]!;
      keys[j + 1] = k;
    }
  }
  return keys;
}

/** Byte-order comparison of two keys (UTF-8 order; equal to code-point order). */
function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : 1;
}

/** RFC 3339 UTC text with `Z` and no fraction, as Go's `time.Time` marshals whole seconds. */
export function rfc3339(d: Date): string {
  const ms = d.getTime();
  const y = d.getUTCFullYear();
  if (!Number.isFinite(ms) || y < 0 || y > 9999) {
    throw new ExtractError('INVALID_VALUE', `time ${ms} ms cannot be written as RFC 3339 (year outside 0..9999)`);
  }
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const frac = ((ms % 1000) + 1000) % 1000;
  const base = `${p(y, 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  return frac === 0 ? `${base}Z` : `${base}.${String(frac).padStart(3, '0').replace(/0+$/, '')}Z`;
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || v === 0 || v === 0n || v === false;
}

function columnValueText(table: string, c: ColumnDef, v: unknown): string {
  if (v === null) {
    if (!c.nullable) {
      throw new ExtractError('INVALID_VALUE', `column ${table}.${c.name} is not nullable but holds null`, { field: c.name });
    }
    return 'null';
  }
  switch (c.kind) {
    case 'int':
    case 'float':
      return floatText(v as number);
    case 'bigint':
      return (v as bigint).toString();
    case 'string':
      return quoteGo(v as string);
    case 'bool':
      return v ? 'true' : 'false';
    case 'time':
      return quoteGo(rfc3339(v as Date));
    case 'intString':
      return `"${String(v as number)}"`;
    case 'strings':
      return '[' + (v as string[]).map(quoteGo).join(',') + ']';
    case 'ints':
      return '[' + (v as number[]).map(floatText).join(',') + ']';
    case 'object':
      return writeJson(v as JsonValue);
  }
}

const sortedColumns = new Map<TableName, readonly ColumnDef[]>(
  (Object.keys(tables) as TableName[]).map((name) => [
    name,
    [...(tables[name].columns as readonly ColumnDef[])].sort((a, b) => compareKeys(a.name, b.name)),
  ]),
);

/**
 * One row as the JSON line stellar-etl writes for it (without the trailing newline), driven only by
 * the table's column definitions. `omitEmpty` columns holding an empty value (`null`, `""`, `0`) are
 * left out, like Go's `omitempty`.
 *
 * @example
 * toEtlJson('ledgers', row); // '{"base_fee":100,"base_reserve":5000000,…}'
 */
export function toEtlJson<T extends TableName>(table: T, row: RowByTable[T]): string {
  const cols = sortedColumns.get(table);
  if (cols === undefined) throw new ExtractError('INVALID_VALUE', `unknown table ${String(table)}`);
  const r = row as unknown as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const c of cols) {
    const v = r[c.name];
    if (v === undefined) {
      throw new ExtractError('INVALID_VALUE', `row of ${table} lacks column ${c.name}`, { field: c.name });
    }
    if (c.omitEmpty && isEmpty(v)) continue;
    if (!first) out += ',';
    first = false;
    out += `"${c.name}":` + columnValueText(table, c, v);
  }
  return out + '}';
}
