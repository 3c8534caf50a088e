/**
 * Small helpers around `@duckdb/node-api` connections.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

/** A result row with JS values (BIGINT as `bigint`, timestamps as `Date`). */
export type Row = Record<string, unknown>;

/** Runs a statement and returns its rows. */
export async function queryRows(connection: DuckDBConnection, sql: string, params?: DuckDBValue[]): Promise<Row[]> {
  const reader = params === undefined ? await connection.runAndReadAll(sql) : await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS() as Row[];
}

/** A bigint, number or null from a result cell as a JS number. */
export function num(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  return Number(v);
}
