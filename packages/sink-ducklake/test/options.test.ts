import { describe, expect, test } from 'vitest';
import { resolveOptions } from '../src/options.js';

describe('resolveOptions', () => {
  test('lake directory: DuckDB-file catalog and data under it; schema = network', () => {
    const c = resolveOptions({ lake: '/tmp/x/lake', network: 'testnet' });
    expect(c.catalog).toBe('ducklake:/tmp/x/lake/catalog.ducklake');
    expect(c.catalogKind).toBe('duckdb');
    expect(c.dataPath).toBe('/tmp/x/lake/data');
    expect(c.schema).toBe('testnet');
    expect(c.tables.map((t) => t.name)).toEqual(['ledgers', 'transactions', 'operations', 'native_balances']);
  });

  test('defaults', () => {
    const c = resolveOptions({ lake: '/tmp/l' });
    expect(c.network).toBe('pubnet');
    expect(c.schema).toBe('pubnet');
    expect(c.batchSize).toBe(100);
    expect(c.progressTable).toBe('_ledger_progress');
    expect(c.compression).toBe('snappy');
    expect(c.mergeBelowBytes).toBe(16 * 1024 ** 2);
    expect(c.maintenanceThreads).toBe(1);
  });

  test('postgres and sqlite catalogs, s3 data path', () => {
    const p = resolveOptions({ catalog: 'postgres:dbname=lake host=127.0.0.1', dataPath: 's3://bucket/lake/' });
    expect(p.catalog).toBe('ducklake:postgres:dbname=lake host=127.0.0.1');
    expect(p.catalogKind).toBe('postgres');
    expect(p.catalogFile).toBeUndefined();
    expect(p.dataPath).toBe('s3://bucket/lake/');
    const s = resolveOptions({ catalog: 'ducklake:sqlite:/tmp/c.sqlite', dataPath: '/tmp/d' });
    expect(s.catalogKind).toBe('sqlite');
    expect(s.catalogFile).toBe('/tmp/c.sqlite');
  });

  test('table names and disabling', () => {
    const c = resolveOptions({ lake: '/tmp/l', tables: { native_balances: { enabled: false }, operations: { name: 'history_operations' } } });
    expect(c.tables).toEqual([
      { table: 'ledgers', name: 'ledgers' },
      { table: 'transactions', name: 'transactions' },
      { table: 'operations', name: 'history_operations' },
    ]);
  });

  test('invalid options are refused with INVALID_OPTIONS', () => {
    const bad = [
      {},
      { lake: '/a', catalog: 'ducklake:/b' },
      { lake: '/a', network: 'pub-net' },
      { lake: '/a', batchSize: 0 },
      { lake: '/a', tables: { ledgers: { name: 'x' }, operations: { name: 'x' } } },
      { lake: '/a', tables: { ledgers: { enabled: false }, transactions: { enabled: false }, operations: { enabled: false }, native_balances: { enabled: false } } },
      { lake: '/a', tables: { accounts: {} } },
      { lake: '/a', compression: 'zstd' },
      { lake: '/a', maintenance: { mergeBelowBytes: 0 } },
      { lake: '/a', maintenance: { threads: 0 } },
    ];
    for (const o of bad) expect(() => resolveOptions(o as never), JSON.stringify(o)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
