/**
 * The Parquet writer, judged by DuckDB: files laid out from encoded pages must read back as the
 * rows that were encoded, with the lake's column types, and carry the same column statistics
 * (null counts, minimum and maximum) that DuckDB's own Parquet writer computes for those rows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Networks, tables, type LedgerRows, type TableName } from '@stellar-ducklake/extract';
import { encodeLedger, encodeRows } from '../src/index.js';
import { parquetFile } from '../src/parquet/file.js';
import { createTableSql } from '../src/ddl.js';
import { fixtureLedgers, fixtureRows, modernFixtureRows, tempDir } from './support/env.js';
import { expectedTables } from './support/lake.js';
import { syntheticLedger } from './support/synthetic.js';

const TABLES = Object.keys(tables) as TableName[];
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x instanceof Date ? x.toISOString() : x));

describe('Parquet files from encoded pages', () => {
  const dir = tempDir();
  let instance: DuckDBInstance;
  let c: DuckDBConnection;
  let ledgers: LedgerRows[];
  const q = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    c = await instance.connect();
    ledgers = [
      ...fixtureLedgers().map(fixtureRows),
      modernFixtureRows('pubnet-53312000/53312000.xdr', Networks.PUBNET),
      modernFixtureRows('testnet-982180/982180.xdr', Networks.TESTNET),
      syntheticLedger(7, 3, 2),
    ];
  });
  afterAll(() => {
    c.closeSync();
    instance.closeSync();
    dir.remove();
  });

  function writeFile(table: TableName, rows: readonly LedgerRows[]): string {
    const file = parquetFile(tables[table], rows.map((l) => encodeLedger(l, [table]).tables[table]!))!;
    const path = join(dir.path, `${table}-${rows.length}.parquet`);
    writeFileSync(path, Buffer.concat(file.chunks));
    expect(file.bytes).toBe(Buffer.concat(file.chunks).length);
    return path;
  }

  test.each(TABLES)('%s: rows and column types read back as written', async (table) => {
    const path = writeFile(table, ledgers);
    await c.run(createTableSql(`expect_${table}`, tables[table], { temp: true }));
    const lake = await q(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'expect_${table}' ORDER BY ordinal_position`);
    const file = await q(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM read_parquet('${path}'))`);
    expect(file).toEqual(lake);
    const order = table === 'ledgers' ? 'sequence' : table === 'native_balances' ? 'ledger_sequence, account_id' : 'id';
    const actual = await q(`SELECT * FROM read_parquet('${path}') ORDER BY ${order}`);
    expect(json(actual)).toBe(json(expectedTables(ledgers)[table]));
  });

  test.each(TABLES)("%s: statistics equal those of DuckDB's own writer", async (table) => {
    const ours = writeFile(table, ledgers);
    const theirs = join(dir.path, `${table}-duckdb.parquet`);
    await c.run(`COPY (SELECT * FROM read_parquet('${ours}')) TO '${theirs}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)`);
    const stats = (path: string) =>
      q(`SELECT path_in_schema AS col, stats_null_count AS nulls, stats_min_value AS min, stats_max_value AS max, min_is_exact, max_is_exact, num_values
         FROM parquet_metadata('${path}') ORDER BY column_id`);
    const expected = await stats(theirs);
    expect(expected.length).toBe(tables[table].columns.length);
    expect(await stats(ours)).toEqual(expected);
  });

  test('an all-null column has a null count and no minimum or maximum', async () => {
    // Synthetic transactions: soroban_resources_archived_entries is null in every row.
    const rows = syntheticLedger(9, 2, 1).transactions.map((t) => ({ ...t, soroban_resources_archived_entries: null, fee_account: null }));
    const file = parquetFile(tables.transactions, [encodeRows(tables.transactions, rows, 9)])!;
    const path = join(dir.path, 'nulls.parquet');
    writeFileSync(path, Buffer.concat(file.chunks));
    const [s] = await q(`SELECT stats_null_count AS nulls, stats_min_value AS min, stats_max_value AS max FROM parquet_metadata('${path}') WHERE path_in_schema = 'fee_account'`);
    expect(s).toEqual({ nulls: 2n, min: null, max: null });
  });

  test('strings are ordered by UTF-8 bytes, not UTF-16 units', async () => {
    // U+FF5E (one UTF-16 unit, 3 UTF-8 bytes EF BD 9E) sorts after U+1F600 in UTF-16 but before it
    // in UTF-8 (F0 9F 98 80); ASCII sorts first either way.
    const names = ['\u{1F600}', '\uFF5E', 'plain'];
    const rows = syntheticLedger(11, 3, 1).transactions.map((t, i) => ({ ...t, memo: names[i]! }));
    const file = parquetFile(tables.transactions, [encodeRows(tables.transactions, rows, 11)])!;
    const path = join(dir.path, 'utf8.parquet');
    writeFileSync(path, Buffer.concat(file.chunks));
    const [s] = await q(`SELECT stats_min_value AS min, stats_max_value AS max FROM parquet_metadata('${path}') WHERE path_in_schema = 'memo'`);
    expect(s).toEqual({ min: 'plain', max: '\u{1F600}' });
    expect(await q(`SELECT memo FROM read_parquet('${path}')`)).toEqual(names.map((memo) => ({ memo })));
  });

  test('no rows, no file', () => {
    expect(parquetFile(tables.operations, [encodeRows(tables.operations, [], 1)])).toBeUndefined();
  });
});
