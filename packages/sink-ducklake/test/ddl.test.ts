import { tables } from '@stellar-ducklake/extract';
import { describe, expect, test } from 'vitest';
import { columnListSql, createTableSql, progressTableDef, progressViewSql } from '../src/ddl.js';

describe('DDL generator', () => {
  test('one column per definition, in order, with its DuckDB type', () => {
    for (const def of Object.values(tables)) {
      const cols = columnListSql(def).split(', ');
      expect(cols).toEqual(def.columns.map((c) => `"${c.name}" ${c.sqlType}`));
    }
  });

  test('types of the columns the issue names', () => {
    const type = (t: keyof typeof tables, c: string) => tables[t].columns.find((x) => x.name === c)?.sqlType;
    expect(type('ledgers', 'id')).toBe('BIGINT');
    expect(type('ledgers', 'closed_at')).toBe('TIMESTAMPTZ');
    expect(type('operations', 'details')).toBe('JSON');
    expect(type('native_balances', 'balance')).toBe('DOUBLE');
  });

  test('CREATE TABLE text', () => {
    expect(createTableSql('lake."pubnet"."p"', progressTableDef, { ifNotExists: true })).toBe(
      'CREATE TABLE IF NOT EXISTS lake."pubnet"."p" ("start_ledger" UINTEGER, "end_ledger" UINTEGER, "committed_at" TIMESTAMPTZ)',
    );
    expect(createTableSql('"stage_x"', progressTableDef, { temp: true })).toMatch(/^CREATE TEMP TABLE "stage_x" \(/);
  });

  test('progress views name the progress table without catalog or schema', () => {
    const [ranges, gaps] = progressViewSql('lake."testnet"', '_ledger_progress');
    expect(ranges!.sql).toMatch(/^CREATE VIEW IF NOT EXISTS lake\."testnet"\."committed_ranges" AS/);
    expect(ranges!.sql).toContain('FROM "_ledger_progress"');
    expect(gaps!.sql).toContain('FROM "committed_ranges"');
  });
});
