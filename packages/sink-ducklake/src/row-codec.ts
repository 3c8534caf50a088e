/**
 * Checks rows against their column definitions and appends them to a DuckDB appender.
 *
 * A ledger's rows are checked completely before any of them is appended, so a bad value never
 * leaves part of a ledger in the staging tables. JSON-kind columns are serialised with the
 * stellar-etl JSON writer during the check.
 */
import {
  DuckDBTimestampValue,
  LIST,
  UINTEGER,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBListType,
} from '@duckdb/node-api';
import { writeJson, type ColumnDef, type JsonValue, type SqlType, type TableDef } from '@stellar-ducklake/extract';
import { SinkError } from './errors.js';

/** Rows of one table of one ledger, checked and ready to append. */
export interface PreparedRows {
  /** The rows as given. */
  readonly rows: readonly object[];
  /** JSON text of the JSON-kind columns, row-major. */
  readonly json: readonly string[];
  /** Approximate in-memory size of the rows, in bytes. */
  readonly bytes: number;
}

/** Checks and appends rows of one table. */
export interface TableCodec {
  /** Checks every row; throws `SinkError` `INVALID_ROW` naming ledger, row and column. */
  prepare(rows: readonly object[], ledger: number, tableName: string): PreparedRows;
  /** Appends prepared rows (one appender row each). */
  append(appender: DuckDBAppender, prepared: PreparedRows): void;
}

type Check = (v: unknown) => number | string;

const LIMITS: Partial<Record<SqlType, [bigint, bigint]>> = {
  INTEGER: [-(2n ** 31n), 2n ** 31n - 1n],
  UINTEGER: [0n, 2n ** 32n - 1n],
  BIGINT: [-(2n ** 63n), 2n ** 63n - 1n],
  UBIGINT: [0n, 2n ** 64n - 1n],
};

function inRange(sqlType: SqlType, v: bigint): boolean {
  const lim = LIMITS[sqlType];
  return lim === undefined || (v >= lim[0] && v <= lim[1]);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v instanceof Date) return 'Date';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

function checkFor(c: ColumnDef): Check {
  const t = c.sqlType;
  switch (c.kind) {
    case 'int':
    case 'intString': {
      const [lo, hi] = LIMITS[t] ?? [BigInt(Number.MIN_SAFE_INTEGER), BigInt(Number.MAX_SAFE_INTEGER)];
      const min = Math.max(Number(lo), Number.MIN_SAFE_INTEGER);
      const max = Math.min(Number(hi), Number.MAX_SAFE_INTEGER);
      return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? 4 : `an integer within ${t}, got ${describe(v)}`);
    }
    case 'bigint':
      return (v) => (typeof v === 'bigint' && inRange(t, v) ? 8 : `a bigint within ${t}, got ${describe(v)}`);
    case 'float':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? 8 : `a finite number, got ${describe(v)}`);
    case 'string':
      return (v) => (typeof v === 'string' ? 16 + v.length : `a string, got ${describe(v)}`);
    case 'bool':
      return (v) => (typeof v === 'boolean' ? 1 : `a boolean, got ${describe(v)}`);
    case 'time':
      return (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? 8 : `a valid Date, got ${describe(v)}`);
    case 'strings':
      return (v) => {
        if (!Array.isArray(v)) return `an array of strings, got ${describe(v)}`;
        let n = 16;
        for (const s of v) {
          if (typeof s !== 'string') return `an array of strings, got an element ${describe(s)}`;
          n += 16 + s.length;
        }
        return n;
      };
    case 'ints':
      return (v) => {
        if (!Array.isArray(v)) return `an array of integers, got ${describe(v)}`;
        for (const x of v) {
          if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > 0xffffffff) return `an array of 32-bit unsigned integers, got an element ${describe(x)}`;
        }
        return 16 + 4 * v.length;
      };
    case 'object':
      // Checked (and serialised) in prepare().
      return () => 0;
  }
}

type Append = (a: DuckDBAppender, v: unknown) => void;

const VARCHAR_LIST: DuckDBListType = LIST(VARCHAR);
const UINTEGER_LIST: DuckDBListType = LIST(UINTEGER);

function appendFor(sqlType: SqlType): Append {
  switch (sqlType) {
    case 'INTEGER':
      return (a, v) => a.appendInteger(v as number);
    case 'UINTEGER':
      return (a, v) => a.appendUInteger(v as number);
    case 'BIGINT':
      return (a, v) => a.appendBigInt(typeof v === 'bigint' ? v : BigInt(v as number));
    case 'UBIGINT':
      return (a, v) => a.appendUBigInt(typeof v === 'bigint' ? v : BigInt(v as number));
    case 'DOUBLE':
      return (a, v) => a.appendDouble(v as number);
    case 'VARCHAR':
    case 'JSON':
      return (a, v) => a.appendVarchar(v as string);
    case 'BOOLEAN':
      return (a, v) => a.appendBoolean(v as boolean);
    case 'TIMESTAMPTZ':
      // A plain TIMESTAMP appended to a TIMESTAMPTZ column keeps its UTC instant, and skips the
      // slower generic value path of appendTimestampTZ.
      return (a, v) => a.appendTimestamp(new DuckDBTimestampValue(BigInt((v as Date).getTime()) * 1000n));
    case 'VARCHAR[]':
      return (a, v) => a.appendList(v as string[], VARCHAR_LIST);
    case 'UINTEGER[]':
      return (a, v) => a.appendList(v as number[], UINTEGER_LIST);
  }
}

function invalidCell(tableName: string, r: number, column: string, ledger: number, what: string): SinkError {
  return new SinkError('INVALID_ROW', `${tableName} row ${r + 1}, column ${column}: expected ${what}.`, {
    ledger,
    hint: 'The rows must come from @stellar-ducklake/extract for the same schema version.',
  });
}

/** Builds the codec of one table from its column definitions. */
export function tableCodec(table: TableDef): TableCodec {
  const cols = table.columns.map((c) => ({
    name: c.name,
    nullable: c.nullable,
    json: c.kind === 'object',
    check: checkFor(c),
    append: appendFor(c.sqlType),
  }));
  const jsonCols = cols.filter((c) => c.json).length;

  return {
    prepare(rows, ledger, tableName) {
      const json: string[] = new Array(rows.length * jsonCols);
      let j = 0;
      let bytes = 0;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as Record<string, unknown>;
        if (typeof row !== 'object' || row === null) {
          throw new SinkError('INVALID_ROW', `${tableName} row ${r + 1} is ${describe(row)}, not an object.`, { ledger });
        }
        // `details` and `details_json` are usually the same object: serialise it once per row.
        let lastObject: unknown;
        let lastText = '';
        for (const c of cols) {
          const v = row[c.name];
          if (v === null || v === undefined) {
            if (!c.nullable) throw invalidCell(tableName, r, c.name, ledger, `a value, got ${v === null ? 'null' : 'no value'} (the column is not nullable)`);
            if (c.json) json[j++] = '';
            bytes += 1;
            continue;
          }
          if (c.json) {
            let text: string;
            if (typeof v === 'string') text = v;
            else if (v === lastObject) text = lastText;
            else if (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
              try {
                text = writeJson(v as JsonValue);
                lastObject = v;
                lastText = text;
              } catch (e) {
                throw new SinkError('INVALID_ROW', `${tableName} row ${r + 1}, column ${c.name}: cannot be written as JSON.`, { ledger, cause: e });
              }
            } else throw invalidCell(tableName, r, c.name, ledger, `a JSON object, got ${describe(v)}`);
            json[j++] = text;
            bytes += 16 + text.length;
            continue;
          }
          const n = c.check(v);
          if (typeof n === 'string') throw invalidCell(tableName, r, c.name, ledger, n);
          bytes += n;
        }
      }
      return { rows, json, bytes };
    },

    append(appender, prepared) {
      const { rows, json } = prepared;
      let j = 0;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as Record<string, unknown>;
        for (const c of cols) {
          const v = row[c.name];
          if (c.json) {
            const text = json[j++]!;
            if (v === null || v === undefined) appender.appendNull();
            else appender.appendVarchar(text);
          } else if (v === null || v === undefined) appender.appendNull();
          else c.append(appender, v);
        }
        appender.endRow();
      }
    },
  };
}
