/**
 * Creating the schema, tables and views of a lake, and refusing tables whose columns differ from
 * the column definitions.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableDef, TableName } from '@stellar-ducklake/extract';
import { LAKE_ALIAS } from './catalog.js';
import { createTableSql, progressTableDef, progressViewSql, quoteIdent, quoteLiteral, rowGroupRows, tableDef } from './ddl.js';
import { SinkError } from './errors.js';
import type { SinkConfig } from './options.js';
import { withRetries } from './retry.js';
import { queryRows } from './sql.js';

/** A lake table the sink writes, with its definition and the TEMP table of its expected columns. */
export interface LakeTable {
  /** Name in the lake. */
  name: string;
  /** Column definitions. */
  def: TableDef;
  /** Fully qualified name, `lake."schema"."name"`. */
  target: string;
  /** Name of a TEMP table created from the same definition: the columns the lake table must have. */
  expected: string;
}

/** Fully qualified name of the lake schema. */
export function schemaTarget(config: SinkConfig): string {
  return `${LAKE_ALIAS}.${quoteIdent(config.schema)}`;
}

/** The lake tables of a configuration: enabled output tables, then the progress table. */
export function lakeTables(config: SinkConfig): { output: (LakeTable & { table: TableName })[]; progress: LakeTable } {
  const s = schemaTarget(config);
  const output = config.tables.map(({ table, name }) => ({
    table,
    name,
    def: tableDef(table),
    target: `${s}.${quoteIdent(name)}`,
    expected: `expected_${table}`,
  }));
  const progress = {
    name: config.progressTable,
    def: progressTableDef,
    target: `${s}.${quoteIdent(config.progressTable)}`,
    expected: 'expected_progress',
  };
  return { output, progress };
}

async function columnsOf(connection: DuckDBConnection, catalog: string, schema: string, table: string): Promise<string[]> {
  const rows = await queryRows(
    connection,
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_catalog = $1 AND table_schema = $2 AND table_name = $3 ORDER BY ordinal_position`,
    [catalog, schema, table],
  );
  return rows.map((r) => `${String(r.column_name)} ${String(r.data_type)}`);
}

function describeDifference(actual: string[], expected: string[]): string {
  const diffs: string[] = [];
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n && diffs.length < 5; i++) {
    const a = actual[i];
    const x = expected[i];
    if (a === x) continue;
    if (a === undefined) diffs.push(`column ${i + 1} missing (expected ${x})`);
    else if (x === undefined) diffs.push(`unexpected column ${i + 1} ${a}`);
    else diffs.push(`column ${i + 1} is ${a}, expected ${x}`);
  }
  return diffs.join('; ');
}

/**
 * Creates the TEMP tables that show DuckDB's column types of each definition, then the schema,
 * missing tables and views of the lake (in one transaction, retried on conflicts with concurrent
 * writers), and checks existing tables' columns against them.
 * Throws `SinkError` `SCHEMA_MISMATCH` when an existing table differs.
 */
export async function ensureLakeSchema(connection: DuckDBConnection, config: SinkConfig): Promise<void> {
  const { output, progress } = lakeTables(config);
  const all = [...output, progress];
  for (const t of all) await connection.run(createTableSql(quoteIdent(t.expected), t.def, { temp: true, ifNotExists: true }));

  const check = async (): Promise<LakeTable[]> => {
    const existing = await queryRows(
      connection,
      `SELECT table_name, table_type FROM information_schema.tables WHERE table_catalog = $1 AND table_schema = $2`,
      [LAKE_ALIAS, config.schema],
    );
    const types = new Map(existing.map((r) => [String(r.table_name), String(r.table_type)]));
    const missing: LakeTable[] = [];
    for (const t of all) {
      const type = types.get(t.name);
      if (type === undefined) {
        missing.push(t);
        continue;
      }
      if (type !== 'BASE TABLE') {
        throw new SinkError('SCHEMA_MISMATCH', `${config.schema}.${t.name} exists in the lake but is a ${type}, not a table.`, {
          hint: 'Choose another table name or schema.',
        });
      }
      const actual = await columnsOf(connection, LAKE_ALIAS, config.schema, t.name);
      const expected = await columnsOf(connection, 'temp', 'main', t.expected);
      if (actual.join('\n') !== expected.join('\n')) {
        throw new SinkError(
          'SCHEMA_MISMATCH',
          `table ${config.schema}.${t.name} exists with different columns than this version writes: ${describeDifference(actual, expected)}.`,
          { hint: 'Write into another schema or table name (options schema / tables.<table>.name), or migrate the existing table.' },
        );
      }
    }
    return missing;
  };

  const missing = await check();
  const s = schemaTarget(config);
  const views = progressViewSql(s, config.progressTable);
  const existingViews = new Set(
    (
      await queryRows(connection, `SELECT table_name FROM information_schema.tables WHERE table_catalog = $1 AND table_schema = $2 AND table_type = 'VIEW'`, [
        LAKE_ALIAS,
        config.schema,
      ])
    ).map((r) => String(r.table_name)),
  );
  const missingViews = views.filter((v) => !existingViews.has(v.name));
  if (missing.length === 0 && missingViews.length === 0) return;

  await withRetries({ maxRetries: Math.max(config.maxRetries, 5), delayMs: config.retryDelayMs }, async () => {
    await connection.run('BEGIN TRANSACTION');
    try {
      await connection.run(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      for (const t of missing) await connection.run(createTableSql(t.target, t.def, { ifNotExists: true }));
      for (const v of missingViews) await connection.run(v.sql);
      await connection.run('COMMIT');
    } catch (e) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  });
  // Options of a table can be set once its creation is committed.
  for (const t of output) {
    const rows = rowGroupRows[t.table];
    if (rows === undefined || !missing.includes(t)) continue;
    await connection.run(
      `CALL ${LAKE_ALIAS}.set_option('parquet_row_group_size', ${rows}, schema => ${quoteLiteral(config.schema)}, table_name => ${quoteLiteral(t.name)})`,
    );
  }
  // A concurrent writer may have created a table first; make sure what exists is what we write.
  await check();
}
