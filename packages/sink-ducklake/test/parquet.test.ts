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
import { encodeLedger, encodeRows, pageCompressions, type PageCompression } from '../src/index.js';
import { fieldReader } from '../src/parquet/columns.js';
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

  const cases = TABLES.flatMap((t) => pageCompressions.map((c) => [t, c] as const));

  function writeFile(table: TableName, rows: readonly LedgerRows[], compression: PageCompression = 'snappy'): string {
    const file = parquetFile(tables[table], rows.map((l) => encodeLedger(l, [table], { compression }).tables[table]!))!;
    const path = join(dir.path, `${table}-${rows.length}-${compression}.parquet`);
    writeFileSync(path, Buffer.concat(file.chunks));
    expect(file.bytes).toBe(Buffer.concat(file.chunks).length);
    return path;
  }

  /** Statistics of every column chunk of a file, as DuckDB reads them. */
  const statistics = (path: string) =>
    q(`SELECT path_in_schema AS col, stats_null_count AS nulls, stats_min_value AS min, stats_max_value AS max, min_is_exact, max_is_exact, num_values
       FROM parquet_metadata('${path}') ORDER BY column_id`);

  /** The statistics DuckDB's own writer computes for the rows of a file. */
  async function duckdbStatistics(path: string): Promise<Record<string, unknown>[]> {
    const theirs = `${path}.duckdb.parquet`;
    await c.run(`COPY (SELECT * FROM read_parquet('${path}')) TO '${theirs}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)`);
    return statistics(theirs);
  }

  test.each(cases)('%s (%s pages): rows and column types read back as written', async (table, compression) => {
    const path = writeFile(table, ledgers, compression);
    await c.run(createTableSql(`expect_${table}`, tables[table], { temp: true, ifNotExists: true }));
    const lake = await q(`SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'expect_${table}' ORDER BY ordinal_position`);
    const file = await q(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE SELECT * FROM read_parquet('${path}'))`);
    expect(file).toEqual(lake);
    const order = table === 'ledgers' ? 'sequence' : table === 'native_balances' ? 'ledger_sequence, account_id' : 'id';
    const actual = await q(`SELECT * FROM read_parquet('${path}') ORDER BY ${order}`);
    expect(json(actual)).toBe(json(expectedTables(ledgers)[table]));
  });

  test.each(cases)("%s (%s pages): statistics equal those of DuckDB's own writer", async (table, compression) => {
    const ours = writeFile(table, ledgers, compression);
    const expected = await duckdbStatistics(ours);
    expect(expected.length).toBe(tables[table].columns.length);
    expect(await statistics(ours)).toEqual(expected);
  });

  const compressed = [
    ['snappy', 'SNAPPY'],
    ['lz4', 'LZ4_RAW'],
  ] as const;
  test.each(TABLES.flatMap((t) => compressed.map(([c, name]) => [t, c, name] as const)))('%s: %s pages are the uncompressed pages compressed (%s), with sizes that say so', async (table, codec, name) => {
    const sizes = (path: string) =>
      q(`SELECT compression, total_compressed_size AS stored, total_uncompressed_size AS plain FROM parquet_metadata('${path}') ORDER BY column_id`);
    const packed = await sizes(writeFile(table, ledgers, codec));
    const plain = await sizes(writeFile(table, ledgers, 'uncompressed'));
    expect(new Set(packed.map((s) => s.compression))).toEqual(new Set([name]));
    expect(new Set(plain.map((s) => s.compression))).toEqual(new Set(['UNCOMPRESSED']));
    // Uncompressed, stored and plain sizes agree; compressed, the plain size is the uncompressed
    // file's but for the page headers, whose compressed-size varint may be shorter (≤ 4 bytes a page).
    expect(plain.every((s) => s.stored === s.plain)).toBe(true);
    packed.forEach((s, i) => {
      const diff = Number(plain[i]!.stored) - Number(s.plain);
      expect(diff).toBeGreaterThanOrEqual(0);
      expect(diff).toBeLessThanOrEqual(4 * ledgers.length);
    });
    // One row a ledger (ledgers) leaves the codec nothing to find within a page; the other tables shrink.
    const stored = (rows: Record<string, unknown>[]) => rows.reduce((n, s) => n + Number(s.stored), 0);
    if (table !== 'ledgers') expect(stored(packed)).toBeLessThan(stored(plain));
  });

  test('long strings: statistics across pages are cut to bounds as DuckDB cuts them', async () => {
    // Values longer than the 256 bytes Parquet keeps, differing only after the cut, on separate
    // pages (ledgers): the file's bounds must be those DuckDB computes from the whole values.
    const long = (tail: string) => `${'A'.repeat(300)}${tail}`;
    const parts = ['C', 'B', 'D'].map((tail, i) =>
      encodeRows(tables.transactions, syntheticLedger(20 + i, 1, 1).transactions.map((t) => ({ ...t, tx_envelope: long(tail), memo: 'x'.repeat(255 + i) })), 20 + i),
    );
    const path = join(dir.path, 'long-strings.parquet');
    writeFileSync(path, Buffer.concat(parquetFile(tables.transactions, parts)!.chunks));
    expect(await statistics(path)).toEqual(await duckdbStatistics(path));
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

  test('details_json holding the objects of details repeats its page; other objects are encoded on their own', async () => {
    const ledger = ledgers.find((l) => l.operations.length >= 3)!;
    const seq = ledger.ledger.sequence;
    const cols = tables.operations.columns.map((c) => c.name);
    const page = (t: ReturnType<typeof encodeRows>, name: string) => {
      const i = cols.indexOf(name as (typeof cols)[number]);
      return t.data.subarray(i === 0 ? 0 : t.pageEnds[i - 1]!, t.pageEnds[i]!);
    };
    const same = encodeRows(tables.operations, ledger.operations, seq);
    expect(page(same, 'details_json')).toEqual(page(same, 'details'));
    // One row's details_json is another object: the column is encoded from its own values.
    const changed = ledger.operations.map((o, i) => (i === 1 ? { ...o, details_json: { other: i } } : o));
    const path = join(dir.path, 'twins.parquet');
    writeFileSync(path, Buffer.concat(parquetFile(tables.operations, [encodeRows(tables.operations, changed, seq)])!.chunks));
    const read = await q(`SELECT details::VARCHAR = details_json::VARCHAR AS same, details_json::VARCHAR AS j FROM read_parquet('${path}') ORDER BY id`);
    expect(read.map((r) => r.same)).toEqual(changed.map((_, i) => i !== 1));
    expect(JSON.parse(read[1]!.j as string)).toEqual({ other: 1 });
  });

  test('a column reads its field by name, identifiers or not', () => {
    expect(fieldReader('ledger_sequence')({ ledger_sequence: 7, other: 1 })).toBe(7);
    expect(fieldReader('odd name')({ 'odd name': 1 })).toBe(1);
    // Not an identifier: read as a key, never compiled into code.
    expect(fieldReader('a;globalThis.injected=1')({ 'a;globalThis.injected=1': 2 })).toBe(2);
    expect((globalThis as { injected?: number }).injected).toBeUndefined();
  });

  test('no rows, no file', () => {
    expect(parquetFile(tables.operations, [encodeRows(tables.operations, [], 1)])).toBeUndefined();
  });
});
