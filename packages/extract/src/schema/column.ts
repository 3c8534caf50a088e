/**
 * Column definitions: the single source of truth for every output table.
 *
 * Each table is an ordered list of {@link ColumnDef}s in stellar-etl's struct order. The TypeScript
 * row type ({@link RowOf}), the stellar-etl JSON writer and the DuckLake DDL are all derived from it.
 */

/**
 * How a column's value is represented in a row and printed by the stellar-etl JSON writer.
 *
 * | kind | row value | JSON text |
 * | --- | --- | --- |
 * | `int` | `number` (exact 32-bit) | decimal |
 * | `bigint` | `bigint` (64-bit) | decimal, never through a JS number |
 * | `float` | `number` (correctly rounded stroops / 10^7) | ECMAScript shortest round-trip text |
 * | `string` | `string` | Go-escaped string |
 * | `bool` | `boolean` | `true` / `false` |
 * | `time` | `Date` (whole seconds, UTC) | RFC 3339 with `Z`, no fraction |
 * | `intString` | `number` | decimal inside quotes (stellar-etl writes this integer as a string) |
 * | `strings` | `string[]` | array of Go-escaped strings |
 * | `ints` | `number[]` | array of decimals |
 * | `object` | {@link JsonObject} | object with keys in ascending byte order |
 */
export type ColumnKind =
  | 'int'
  | 'bigint'
  | 'float'
  | 'string'
  | 'bool'
  | 'time'
  | 'intString'
  | 'strings'
  | 'ints'
  | 'object';

/** DuckDB SQL types used by the tables. */
export type SqlType =
  | 'INTEGER'
  | 'UINTEGER'
  | 'BIGINT'
  | 'UBIGINT'
  | 'DOUBLE'
  | 'VARCHAR'
  | 'BOOLEAN'
  | 'TIMESTAMPTZ'
  | 'JSON'
  | 'VARCHAR[]'
  | 'UINTEGER[]';

/** A JSON value as stellar-etl writes it inside `details`: 64-bit integers are `bigint`. */
export type JsonValue = string | number | bigint | boolean | null | JsonValue[] | JsonObject;
/** A JSON object; the writer prints its keys in ascending byte order. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** One column of an output table. */
export interface ColumnDef {
  /** stellar-etl's JSON name, verbatim. */
  readonly name: string;
  /** Row representation and JSON formatting. */
  readonly kind: ColumnKind;
  /** DuckDB type of the column in the lake. */
  readonly sqlType: SqlType;
  /** Whether the value may be `null` (SQL NULL; JSON `null`, or an absent key when `omitEmpty`). */
  readonly nullable: boolean;
  /** stellar-etl omits the key (Go `omitempty`) when the value is `null`. */
  readonly omitEmpty?: boolean;
  /** One-line description. */
  readonly doc: string;
}

/** An output table: its name and ordered columns. */
export interface TableDef<C extends readonly ColumnDef[] = readonly ColumnDef[]> {
  /** Table name in the lake. */
  readonly name: string;
  /** The stellar-etl output this table mirrors. */
  readonly etlName: string;
  /** One-line description. */
  readonly doc: string;
  /** Columns in stellar-etl's struct order. */
  readonly columns: C;
}

interface KindValue {
  int: number;
  bigint: bigint;
  float: number;
  string: string;
  bool: boolean;
  time: Date;
  intString: number;
  strings: string[];
  ints: number[];
  object: JsonObject;
}

type ValueOf<C extends ColumnDef> = C['nullable'] extends true
  ? KindValue[C['kind']] | null
  : KindValue[C['kind']];

/** The row type of a table, derived from its column list. */
export type RowOf<T extends TableDef> = {
  [C in T['columns'][number] as C['name']]: ValueOf<C>;
};

/** Declares a column; `nullable` defaults to false. */
export function col<const N extends string, const K extends ColumnKind, const Nl extends boolean = false>(
  name: N,
  kind: K,
  sqlType: SqlType,
  doc: string,
  opts: { nullable?: Nl; omitEmpty?: boolean } = {},
): { name: N; kind: K; sqlType: SqlType; nullable: Nl; omitEmpty: boolean; doc: string } {
  return {
    name,
    kind,
    sqlType,
    nullable: (opts.nullable ?? false) as Nl,
    omitEmpty: opts.omitEmpty ?? false,
    doc,
  };
}
