/**
 * The one generator of SQL table definitions: lake tables and their staging twins are both built
 * from the column definitions of `@stellar-ducklake/extract`, so their columns cannot drift.
 */
import { col, tables as tableDefs, type TableDef, type TableName } from '@stellar-ducklake/extract';

/** Double-quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Single-quotes an SQL string literal. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `"col" TYPE, ...` in column order. */
export function columnListSql(table: TableDef): string {
  return table.columns.map((c) => `${quoteIdent(c.name)} ${c.sqlType}`).join(', ');
}

/** `CREATE TABLE` for `table` under the fully qualified name `target`. */
export function createTableSql(target: string, table: TableDef, opts: { temp?: boolean; ifNotExists?: boolean } = {}): string {
  const temp = opts.temp ? 'TEMP ' : '';
  const ine = opts.ifNotExists ? 'IF NOT EXISTS ' : '';
  return `CREATE ${temp}TABLE ${ine}${target} (${columnListSql(table)})`;
}

/**
 * The progress table: one row per committed run of consecutive ledgers, inserted in the same
 * transaction as the rows of those ledgers. Compaction rewrites it into merged runs.
 */
export const progressTableDef = {
  name: '_ledger_progress',
  etlName: '',
  doc: 'Committed ledger ranges (inclusive), written atomically with the data.',
  columns: [
    col('start_ledger', 'int', 'UINTEGER', 'First ledger of the committed run.'),
    col('end_ledger', 'int', 'UINTEGER', 'Last ledger of the committed run (inclusive).'),
    col('committed_at', 'time', 'TIMESTAMPTZ', 'Commit time.'),
  ],
} as const satisfies TableDef;

/** The column of each output table that holds the ledger sequence. */
export const ledgerColumn: Record<TableName, string> = {
  ledgers: 'sequence',
  transactions: 'ledger_sequence',
  operations: 'ledger_sequence',
  native_balances: 'ledger_sequence',
};

/**
 * Parquet row-group size (rows) of tables whose rows are wide, for the files DuckLake writes when
 * it merges. A `transactions` row carries about 5 KB of base64 XDR, so DuckLake's default of
 * 122,880 rows makes 600 MB row groups, which its Parquet writer holds in memory while merging
 * files; 16,384 rows keep them near 80 MB (merging 4,000 ledgers of the 2020 mix then took 9 s
 * instead of 41 s, and under 1 GB of memory). `operations` rows are about 1 KB: 16,384 rows, with
 * merges on one DuckDB thread, took the peak memory of merging 4,000 ledgers of them from 762 to
 * 289 MB (the whole process).
 */
export const rowGroupRows: Partial<Record<TableName, number>> = { transactions: 16_384, operations: 16_384 };

/** Definition of an output table. */
export function tableDef(table: TableName): TableDef {
  return tableDefs[table];
}

/** Names of the views over the progress table. */
export const progressViews = { ranges: 'committed_ranges', gaps: 'ledger_gaps' } as const;

/**
 * Views exposing completeness as SQL. Their bodies name the progress table without catalog or
 * schema, so they resolve inside the schema that holds them, whatever alias a reader attaches the
 * lake under.
 */
export function progressViewSql(schemaTarget: string, progressTable: string): { name: string; sql: string }[] {
  const p = quoteIdent(progressTable);
  const ranges = `CREATE VIEW IF NOT EXISTS ${schemaTarget}.${quoteIdent(progressViews.ranges)} AS
WITH runs AS (
  SELECT start_ledger::BIGINT AS s, end_ledger::BIGINT AS e,
         max(end_ledger::BIGINT) OVER (ORDER BY start_ledger, end_ledger ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
  FROM ${p}
), grouped AS (
  SELECT s, e, sum(CASE WHEN reach IS NULL OR s > reach + 1 THEN 1 ELSE 0 END) OVER (ORDER BY s, e) AS grp FROM runs
)
SELECT min(s) AS start_ledger, max(e) AS end_ledger, max(e) - min(s) + 1 AS ledger_count
FROM grouped GROUP BY grp ORDER BY start_ledger`;
  const gaps = `CREATE VIEW IF NOT EXISTS ${schemaTarget}.${quoteIdent(progressViews.gaps)} AS
SELECT end_ledger + 1 AS start_ledger, next_start - 1 AS end_ledger, next_start - end_ledger - 1 AS ledger_count
FROM (SELECT end_ledger, lead(start_ledger) OVER (ORDER BY start_ledger) AS next_start FROM ${quoteIdent(progressViews.ranges)})
WHERE next_start IS NOT NULL ORDER BY start_ledger`;
  return [
    { name: progressViews.ranges, sql: ranges },
    { name: progressViews.gaps, sql: gaps },
  ];
}
