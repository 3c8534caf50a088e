import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { encodeLedger, openDuckLakeSink, type DuckLakeSink } from '../src/index.js';
import { extensionDirectory, tempDir } from './support/env.js';
import { freshSink, lakeCounts, testOptions } from './support/open.js';
import { startWriter } from './support/spawn-writer.js';
import { syntheticLedger } from './support/synthetic.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
async function fresh(extra = {}) {
  const s = await freshSink(extra);
  cleanups.push(s.cleanup);
  return s;
}
const count = async (sink: DuckLakeSink, sql: string) => Number((await sink.query(sql))[0]!.n);

function parquetFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.parquet')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

describe('buffering and flush triggers', () => {
  test('flushes when batchSize ledgers are buffered', async () => {
    const { sink } = await fresh({ batchSize: 4 });
    for (let s = 100; s < 103; s++) await sink.write(syntheticLedger(s));
    expect(sink.bufferedRanges()).toEqual([{ start: 100, end: 102 }]);
    expect(await sink.committedRanges()).toEqual([]);
    await sink.write(syntheticLedger(103));
    // The flush commits in the background; committedRanges() waits for it.
    expect(await sink.committedRanges()).toEqual([{ start: 100, end: 103 }]);
    expect(sink.bufferedRanges()).toEqual([]);
    expect(await count(sink, 'SELECT count(*) AS n FROM ledgers')).toBe(4);
  });

  test('flushes when a table reaches maxRowsPerTable', async () => {
    // 3 transactions x 2 operations = 6 operation rows per ledger.
    const { sink } = await fresh({ maxRowsPerTable: 12 });
    await sink.write(syntheticLedger(1));
    expect(sink.bufferedRanges()).toEqual([{ start: 1, end: 1 }]);
    await sink.write(syntheticLedger(2));
    expect(await sink.committedRanges()).toEqual([{ start: 1, end: 2 }]);
    expect(sink.bufferedRanges()).toEqual([]);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(12);
  });

  test('flushes when the buffered bytes reach maxBytes', async () => {
    const { sink } = await fresh({ maxBytes: 1 });
    await sink.write(syntheticLedger(7));
    expect(await sink.committedRanges()).toEqual([{ start: 7, end: 7 }]);
    expect(sink.bufferedRanges()).toEqual([]);
  });

  test('flushes on its own when commitIntervalSeconds passes', async () => {
    const { sink } = await fresh({ commitIntervalSeconds: 0.3 });
    await sink.write(syntheticLedger(9));
    expect(await sink.committedRanges()).toEqual([]);
    const deadline = Date.now() + 10_000;
    while (sink.bufferedRanges().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await sink.committedRanges()).toEqual([{ start: 9, end: 9 }]);
  });

  test('a ledger is accepted once: buffered or committed duplicates are refused', async () => {
    const { sink } = await fresh();
    await sink.write(syntheticLedger(5));
    await expect(sink.write(syntheticLedger(5))).rejects.toMatchObject({ code: 'LEDGER_ALREADY_BUFFERED', ledger: 5 });
    await sink.flush();
    await expect(sink.write(syntheticLedger(5))).rejects.toMatchObject({ code: 'LEDGER_ALREADY_COMMITTED', ledger: 5 });
    expect(await count(sink, 'SELECT count(*) AS n FROM ledgers')).toBe(1);
  });

  test('ledgers in any order; committed ranges are merged', async () => {
    const { sink } = await fresh();
    for (const s of [20, 11, 12, 30, 10, 21]) await sink.write(syntheticLedger(s));
    await sink.flush();
    expect(await sink.committedRanges()).toEqual([
      { start: 10, end: 12 },
      { start: 20, end: 21 },
      { start: 30, end: 30 },
    ]);
    expect(await sink.query('SELECT start_ledger, end_ledger FROM ledger_gaps')).toEqual([
      { start_ledger: 13n, end_ledger: 19n },
      { start_ledger: 22n, end_ledger: 29n },
    ]);
  });

  test('invalid rows are refused with the ledger, table, row and column; nothing of that ledger is buffered', async () => {
    const { sink } = await fresh();
    await sink.write(syntheticLedger(1));
    const bad = syntheticLedger(2);
    (bad.operations[3] as Record<string, unknown>).id = 5; // a number where a bigint belongs
    await expect(sink.write(bad)).rejects.toMatchObject({ code: 'INVALID_ROW', ledger: 2, message: expect.stringMatching(/operations row 4, column id/) });
    const wrongLedger = syntheticLedger(3);
    (wrongLedger.transactions[0] as Record<string, unknown>).ledger_sequence = 4;
    await expect(sink.write(wrongLedger)).rejects.toMatchObject({ code: 'INVALID_ROW', ledger: 3 });
    const nullInNotNull = syntheticLedger(6);
    (nullInNotNull.ledger as Record<string, unknown>).ledger_hash = null;
    await expect(sink.write(nullInNotNull)).rejects.toMatchObject({ code: 'INVALID_ROW', ledger: 6 });
    await sink.write(syntheticLedger(2));
    await sink.flush();
    expect(await sink.committedRanges()).toEqual([{ start: 1, end: 2 }]);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(12);
  });

  test('writeEncoded refuses pages compressed otherwise than the sink writes, naming the ledger', async () => {
    const { sink } = await fresh();
    expect(sink.encodeOptions).toEqual({ compression: 'snappy' });
    const plain = encodeLedger(syntheticLedger(5), sink.enabledTables, { compression: 'uncompressed' });
    await expect(sink.writeEncoded(plain)).rejects.toMatchObject({ code: 'INVALID_ROW', ledger: 5, message: expect.stringMatching(/not compressed with snappy/) });
    await sink.writeEncoded(encodeLedger(syntheticLedger(5), sink.enabledTables, sink.encodeOptions));
    await sink.flush();
    expect(await sink.committedRanges()).toEqual([{ start: 5, end: 5 }]);
  });
});

describe('catalog and schema', () => {
  test('one sink per catalog per process; reopening after close works', async () => {
    const { sink, dir } = await fresh();
    await expect(openDuckLakeSink(testOptions(dir))).rejects.toMatchObject({ code: 'CATALOG_IN_USE' });
    await sink.write(syntheticLedger(1));
    await sink.close();
    await expect(sink.write(syntheticLedger(2))).rejects.toMatchObject({ code: 'SINK_CLOSED' });
    const again = await openDuckLakeSink(testOptions(dir));
    expect(await again.committedRanges()).toEqual([{ start: 1, end: 1 }]);
    await again.close();
  });

  test('a second process on a DuckDB-file catalog is refused with CATALOG_IN_USE', async () => {
    const { sink, dir } = await fresh();
    await sink.write(syntheticLedger(1));
    await sink.flush();
    const other = await startWriter({
      catalog: `ducklake:${dir}/catalog.ducklake`,
      extensionDirectory: extensionDirectory(),
      start: 2,
      end: 3,
      batchSize: 1,
      txs: 1,
      opsPerTx: 1,
      maintenanceSeconds: 0,
    }).exited;
    expect(other.code).not.toBe(0);
    expect(other.stderr).toMatch(/CATALOG_IN_USE/);
    expect(await sink.committedRanges()).toEqual([{ start: 1, end: 1 }]);
  });

  test('networks live in separate schemas of one catalog', async () => {
    const { sink, dir } = await fresh({ network: 'pubnet' });
    await sink.write(syntheticLedger(1));
    await sink.close();
    const testnet = await openDuckLakeSink(testOptions(dir, { network: 'testnet' }));
    expect(await testnet.committedRanges()).toEqual([]);
    await testnet.write(syntheticLedger(1));
    await testnet.write(syntheticLedger(2));
    await testnet.flush();
    expect(await testnet.query('SELECT count(*) AS n FROM lake.pubnet.ledgers')).toEqual([{ n: 1n }]);
    expect(await testnet.query('SELECT count(*) AS n FROM ledgers')).toEqual([{ n: 2n }]);
    await testnet.close();
  });

  test('custom table names and disabled tables', async () => {
    const { sink } = await fresh({ tables: { operations: { name: 'history_operations' }, native_balances: { enabled: false } } });
    await sink.write(syntheticLedger(1));
    await sink.flush();
    const names = (await sink.query(`SELECT table_name FROM information_schema.tables WHERE table_catalog = 'lake' AND table_schema = 'pubnet' ORDER BY 1`)).map((r) => r.table_name);
    expect(names).toEqual(['_ledger_progress', 'committed_ranges', 'history_operations', 'ledger_gaps', 'ledgers', 'transactions']);
    expect(await count(sink, 'SELECT count(*) AS n FROM history_operations')).toBe(6);
  });

  test('an existing table with other columns is a SCHEMA_MISMATCH and the lake is left alone', async () => {
    const { sink, dir } = await fresh();
    await sink.write(syntheticLedger(1));
    await sink.flush();
    await sink.query('ALTER TABLE transactions DROP COLUMN tx_meta');
    await sink.query('ALTER TABLE transactions ADD COLUMN tx_meta BIGINT');
    await sink.close();
    await expect(openDuckLakeSink(testOptions(dir))).rejects.toMatchObject({
      code: 'SCHEMA_MISMATCH',
      message: expect.stringMatching(/transactions exists with different columns.*column 11 is tx_fee_meta VARCHAR, expected tx_meta VARCHAR/),
    });
    // The failed open released the catalog and changed nothing.
    const again = await openDuckLakeSink(testOptions(dir, { schema: 'other' }));
    expect(await again.query('SELECT count(*) AS n FROM lake.pubnet.ledgers')).toEqual([{ n: 1n }]);
    await again.close();
  });

  test('unreachable PostgreSQL catalog: CATALOG_UNREACHABLE', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    await expect(
      openDuckLakeSink({ catalog: 'ducklake:postgres:host=127.0.0.1 port=1 dbname=none user=none connect_timeout=2', dataPath: tmp.path, extensionDirectory: extensionDirectory() }),
    ).rejects.toMatchObject({ code: 'CATALOG_UNREACHABLE', retryable: true });
  });

  test('data path that cannot be written: DATA_PATH_NOT_WRITABLE before anything is created', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    let dataPath: string;
    if (process.getuid?.() === 0) {
      // Permission bits do not stop root; a path below a regular file cannot be created by anyone.
      writeFileSync(join(tmp.path, 'a-file'), '');
      dataPath = join(tmp.path, 'a-file', 'data');
    } else {
      const ro = join(tmp.path, 'ro');
      (await import('node:fs')).mkdirSync(ro, { mode: 0o555 });
      dataPath = join(ro, 'data');
    }
    await expect(
      openDuckLakeSink({ catalog: join(tmp.path, 'catalog.ducklake'), dataPath, extensionDirectory: extensionDirectory() }),
    ).rejects.toMatchObject({ code: 'DATA_PATH_NOT_WRITABLE' });
    expect(existsSync(join(tmp.path, 'catalog.ducklake'))).toBe(false);
  });

  test('missing extension directory: EXTENSION_UNAVAILABLE naming the fix', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    await expect(openDuckLakeSink({ lake: tmp.path, extensionDirectory: join(tmp.path, 'no-extensions') })).rejects.toMatchObject({
      code: 'EXTENSION_UNAVAILABLE',
      message: expect.stringMatching(/extensions:offline/),
    });
  });

  test('SQLite catalog', async () => {
    const tmp = tempDir();
    cleanups.push(tmp.remove);
    const sink = await openDuckLakeSink({
      catalog: `ducklake:sqlite:${join(tmp.path, 'catalog.sqlite')}`,
      dataPath: join(tmp.path, 'data'),
      extensionDirectory: extensionDirectory(),
      maintenance: { intervalSeconds: 0 },
    });
    for (let s = 1; s <= 3; s++) await sink.write(syntheticLedger(s));
    await sink.close();
    const again = await openDuckLakeSink({ catalog: `ducklake:sqlite:${join(tmp.path, 'catalog.sqlite')}`, extensionDirectory: extensionDirectory() });
    expect(await again.committedRanges()).toEqual([{ start: 1, end: 3 }]);
    expect((await again.verify(1, 3)).ok).toBe(true);
    await again.close();
  });
});

describe('failures during a flush', () => {
  test('a flush failing mid-batch leaves the lake unchanged, reports the ledgers, and can be retried', async () => {
    const { sink, dir } = await fresh({ dataInliningRowLimit: 0, maxRetries: 1 });
    // Ledger 1 has no transactions, so no operations folder exists yet.
    await sink.write(syntheticLedger(1, 0, 0));
    await sink.flush();
    const before = await lakeCounts(sink);
    const ledgerFiles = () => parquetFiles(join(dir, 'data', 'pubnet', 'ledgers')).length;
    const ledgerFilesBefore = ledgerFiles();
    await sink.write(syntheticLedger(2));
    await sink.write(syntheticLedger(3));
    // The operations table's folder becomes a regular file: ledgers and transactions are written,
    // then writing the operations Parquet file fails inside the same transaction.
    const opsDir = join(dir, 'data', 'pubnet', 'operations');
    expect(existsSync(opsDir)).toBe(false);
    writeFileSync(opsDir, 'not a directory');
    const err = await sink.flush().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'FLUSH_FAILED', uncommitted: [{ start: 2, end: 3 }], message: expect.stringMatching(/Not committed: ledgers 2-3/) });
    expect(await lakeCounts(sink)).toEqual(before);
    // The failure came from the operations file, inserted after ledgers and transactions in the
    // same transaction; the files that transaction had written were removed with it.
    expect((err as Error).message).toMatch(/pubnet\/operations/);
    // Not a transient error: no retry.
    expect((err as Error).message).toMatch(/\(1 attempt\)/);
    expect(ledgerFiles()).toBe(ledgerFilesBefore);
    expect(await sink.query('SELECT count(*) AS n FROM ledgers')).toEqual([{ n: 1n }]);
    expect(await sink.query('SELECT count(*) AS n FROM transactions')).toEqual([{ n: 0n }]);
    expect(await sink.committedRanges()).toEqual([{ start: 1, end: 1 }]);
    // Fix the cause: the buffered ledgers are committed by the next flush.
    rmSync(opsDir);
    await sink.flush();
    expect(await sink.committedRanges()).toEqual([{ start: 1, end: 3 }]);
    expect((await sink.verify(1, 3)).ok).toBe(true);
  });
});

describe('replaceRange', () => {
  test('replaces a table over a range in one snapshot; every snapshot shows the range full', async () => {
    const { sink } = await fresh();
    for (let s = 1; s <= 6; s++) await sink.write(syntheticLedger(s));
    await sink.flush();
    const [{ id: before }] = (await sink.query('SELECT max(snapshot_id) AS id FROM lake.snapshots()')) as [{ id: bigint }];
    const fixed = [3, 4, 5].map((s) => {
      const l = syntheticLedger(s);
      for (const op of l.operations) (op as Record<string, unknown>).type_string = 'fixed';
      return l;
    });
    await sink.replaceRange(['operations'], 3, 5, fixed);
    const snaps = await sink.query(`SELECT snapshot_id FROM lake.snapshots() WHERE snapshot_id > ${before}`);
    expect(snaps.length).toBe(1);
    const after = snaps[0]!.snapshot_id as bigint;
    for (const v of [before, after]) {
      expect(await count(sink, `SELECT count(*) AS n FROM operations AT (VERSION => ${v}) WHERE ledger_sequence BETWEEN 3 AND 5`)).toBe(18);
    }
    expect(await sink.query(`SELECT ledger_sequence, count(*) AS n FROM operations WHERE type_string = 'fixed' GROUP BY ALL ORDER BY 1`)).toEqual([
      { ledger_sequence: 3, n: 6n },
      { ledger_sequence: 4, n: 6n },
      { ledger_sequence: 5, n: 6n },
    ]);
    expect(await count(sink, `SELECT count(*) AS n FROM operations WHERE type_string = 'fixed' AND ledger_sequence NOT BETWEEN 3 AND 5`)).toBe(0);
    expect((await sink.verify(1, 6)).ok).toBe(true);
  });

  test('refuses ranges that are not committed or rows that do not match the range', async () => {
    const { sink } = await fresh();
    await sink.write(syntheticLedger(1));
    await sink.flush();
    await expect(sink.replaceRange(['ledgers'], 1, 2, [syntheticLedger(1), syntheticLedger(2)])).rejects.toMatchObject({ code: 'REPLACE_FAILED' });
    await expect(sink.replaceRange(['ledgers'], 1, 1, [])).rejects.toMatchObject({ code: 'REPLACE_FAILED' });
    await expect(sink.replaceRange(['ledgers'], 1, 1, [syntheticLedger(1), syntheticLedger(1)])).rejects.toMatchObject({ code: 'REPLACE_FAILED' });
  });
});

describe('verify', () => {
  test('finds missing, duplicate and short ledgers', async () => {
    const { sink } = await fresh();
    for (let s = 1; s <= 8; s++) await sink.write(syntheticLedger(s));
    await sink.flush();
    expect(await sink.verify(1, 8)).toMatchObject({ ok: true, missing: [], duplicates: [] });
    // Damage the lake behind the sink's back.
    await sink.query('INSERT INTO ledgers SELECT * FROM ledgers WHERE sequence = 2');
    await sink.query('DELETE FROM transactions WHERE ledger_sequence = 3 AND id = (SELECT max(id) FROM transactions WHERE ledger_sequence = 3)');
    await sink.query('DELETE FROM operations WHERE ledger_sequence = 4');
    await sink.query('DELETE FROM ledgers WHERE sequence IN (6, 7)');
    const r = await sink.verify(1, 10);
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual([
      { start: 6, end: 7 },
      { start: 9, end: 10 },
    ]);
    expect(r.duplicates).toEqual([{ ledger: 2, count: 2 }]);
    // Ledger 2's counts are unchanged (min over its duplicate rows); 6 and 7 have children but no ledger row.
    expect(r.transactionCountMismatches).toEqual([
      { ledger: 3, expected: 3, actual: 2 },
      { ledger: 6, expected: 0, actual: 3 },
      { ledger: 7, expected: 0, actual: 3 },
    ]);
    expect(r.operationCountMismatches).toEqual([
      { ledger: 4, expected: 6, actual: 0 },
      { ledger: 6, expected: 0, actual: 6 },
      { ledger: 7, expected: 0, actual: 6 },
    ]);
    expect(r.progressMismatches).toEqual([{ start: 6, end: 7 }]);
  });
});

describe('inlining and maintenance', () => {
  test('small flushes are inlined in the catalog; compact() leaves one file per table and no stray files', async () => {
    const { sink, dir } = await fresh({ dataInliningRowLimit: 50 });
    for (let s = 1; s <= 10; s++) {
      await sink.write(syntheticLedger(s));
      await sink.flush();
    }
    // 10 flushes, every insert under the inlining limit: no Parquet file at all.
    expect(parquetFiles(join(dir, 'data'))).toEqual([]);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(60);
    // Larger flushes write Parquet.
    for (let s = 11; s <= 30; s++) await sink.write(syntheticLedger(s));
    await sink.flush();
    for (let s = 31; s <= 50; s++) await sink.write(syntheticLedger(s));
    await sink.flush();
    expect(parquetFiles(join(dir, 'data')).length).toBeGreaterThan(0);
    const report = await sink.compact({ snapshotRetentionSeconds: 0, fileRetentionSeconds: 0, orphanAgeSeconds: 0 });
    expect(report.inlinedRowsFlushed).toBeGreaterThan(0);
    expect(report.snapshotsExpired).toBeGreaterThan(10);
    // One data file per output table (the small progress table stays inlined), no delete files,
    // and no file on disk that the catalog does not know.
    const files = await sink.query(
      `SELECT t.table_name, count(*) AS n FROM __ducklake_metadata_lake.ducklake_data_file f
       JOIN __ducklake_metadata_lake.ducklake_table t USING (table_id) WHERE f.end_snapshot IS NULL AND t.end_snapshot IS NULL GROUP BY ALL ORDER BY 1`,
    );
    expect(files).toEqual(['ledgers', 'native_balances', 'operations', 'transactions'].map((table_name) => ({ table_name, n: 1n })));
    expect(await sink.query('SELECT count(*) AS n FROM __ducklake_metadata_lake.ducklake_delete_file')).toEqual([{ n: 0n }]);
    expect(parquetFiles(join(dir, 'data')).length).toBe(4);
    expect(await sink.query('SELECT count(*) AS n FROM lake.snapshots()')).toEqual([{ n: 1n }]);
    expect(await sink.query('SELECT count(*) AS n FROM _ledger_progress')).toEqual([{ n: 1n }]);
    expect(await sink.committedRanges()).toEqual([{ start: 1, end: 50 }]);
    expect((await sink.verify(1, 50)).ok).toBe(true);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(300);
  });

  test('automatic maintenance on a cadence while following the tip', async () => {
    const { sink, dir } = await fresh({
      dataInliningRowLimit: 50,
      maintenance: { intervalSeconds: 0.001, snapshotRetentionSeconds: 0, fileRetentionSeconds: 0, orphanAgeSeconds: 3600 },
    });
    for (let s = 1; s <= 8; s++) {
      await sink.write(syntheticLedger(s, 30, 2));
      await sink.flush();
    }
    // Each flush writes 60 operation rows (above the inlining limit), then maintenance merges.
    const files = await sink.query('SELECT table_id, count(*) AS n FROM __ducklake_metadata_lake.ducklake_data_file GROUP BY ALL');
    expect(files.length).toBe(4);
    expect(files.every((f) => f.n === 1n)).toBe(true);
    expect(await sink.query('SELECT count(*) AS n FROM lake.snapshots()')).toEqual([{ n: 1n }]);
    expect(parquetFiles(join(dir, 'data')).length).toBe(files.length);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(8 * 60);
  });

  const operationFiles = async (sink: DuckLakeSink) =>
    (await sink.query(`SELECT data_file FROM ducklake_list_files('lake', 'operations', schema => 'pubnet')`)).map((r) => `'${String(r.data_file)}'`);
  const codecs = async (sink: DuckLakeSink) =>
    sink.query(`SELECT DISTINCT compression FROM parquet_metadata([${(await operationFiles(sink)).join(', ')}])`);

  test('automatic maintenance once enough bytes are registered merges the small files; files are snappy-compressed', async () => {
    const { sink } = await fresh({
      dataInliningRowLimit: 0,
      maintenance: { intervalSeconds: 0, afterBytes: 1, snapshotRetentionSeconds: 0, fileRetentionSeconds: 0 },
    });
    await sink.write(syntheticLedger(1, 30, 2));
    await sink.flush();
    // One flush: its file is the sink's own, with snappy pages; maintenance ran after it
    // (afterBytes: 1), with nothing to merge yet.
    expect(sink.stats().maintenanceRuns).toBe(1);
    expect(await operationFiles(sink)).toHaveLength(1);
    expect(await codecs(sink)).toEqual([{ compression: 'SNAPPY' }]);
    await sink.write(syntheticLedger(2, 30, 2));
    await sink.flush();
    expect(sink.stats().maintenanceRuns).toBe(2);
    // The two small files were merged into one written by DuckLake.
    expect(await operationFiles(sink)).toHaveLength(1);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(120);
  });

  test('files at or above mergeBelowBytes are not merged; compression uncompressed writes plain pages', async () => {
    const { sink } = await fresh({
      dataInliningRowLimit: 0,
      compression: 'uncompressed',
      maintenance: { intervalSeconds: 0, afterBytes: 1, mergeBelowBytes: 1, snapshotRetentionSeconds: 0, fileRetentionSeconds: 0 },
    });
    for (const seq of [1, 2, 3]) {
      await sink.write(syntheticLedger(seq, 30, 2));
      await sink.flush();
    }
    expect(sink.stats().maintenanceRuns).toBe(3);
    expect(await operationFiles(sink)).toHaveLength(3);
    expect(await codecs(sink)).toEqual([{ compression: 'UNCOMPRESSED' }]);
    // compact() with a bound above the files' sizes merges them.
    await sink.compact({ mergeBelowBytes: 512 * 1024 ** 2 });
    expect(await operationFiles(sink)).toHaveLength(1);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(180);
  });

  test('compression lz4 registers LZ4_RAW files, which read back and merge like the others', async () => {
    const { sink } = await fresh({ dataInliningRowLimit: 0, compression: 'lz4', maintenance: { intervalSeconds: 0, afterBytes: 1e15 } });
    expect(sink.encodeOptions).toEqual({ compression: 'lz4' });
    const ledgers = [syntheticLedger(1, 30, 2), syntheticLedger(2, 30, 2)];
    for (const l of ledgers) {
      await sink.write(l);
      await sink.flush();
    }
    expect(await operationFiles(sink)).toHaveLength(2);
    expect(await codecs(sink)).toEqual([{ compression: 'LZ4_RAW' }]);
    const ids = async () => (await sink.query('SELECT id FROM operations ORDER BY id')).map((r) => r.id);
    const expected = ledgers.flatMap((l) => l.operations.map((o) => o.id)).sort((x, y) => (x < y ? -1 : 1));
    expect(await ids()).toEqual(expected);
    await sink.compact({ mergeBelowBytes: 512 * 1024 ** 2 });
    expect(await operationFiles(sink)).toHaveLength(1);
    expect(await ids()).toEqual(expected);
  });

  test('lake settings: wide transaction and operation rows get smaller row groups; no external file cache', async () => {
    const { sink } = await fresh();
    const set = await sink.query(`SELECT value, scope, scope_entry FROM lake.options() WHERE option_name = 'parquet_row_group_size' ORDER BY scope_entry`);
    expect(set).toEqual([
      { value: '16384', scope: 'TABLE', scope_entry: 'pubnet.operations' },
      { value: '16384', scope: 'TABLE', scope_entry: 'pubnet.transactions' },
    ]);
    expect(await sink.query(`SELECT current_setting('enable_external_file_cache') AS v`)).toEqual([{ v: false }]);
  });

  test('maintenance runs on its own thread count and puts the instance setting back', async () => {
    const { sink } = await fresh({ duckdbConfig: { threads: '3' }, maintenance: { intervalSeconds: 0, threads: 1 } });
    const threads = async () => Number((await sink.query(`SELECT current_setting('threads') AS n`))[0]!.n);
    expect(await threads()).toBe(3);
    await sink.write(syntheticLedger(1, 30, 2));
    await sink.compact();
    expect(await threads()).toBe(3);
    expect(await count(sink, 'SELECT count(*) AS n FROM operations')).toBe(60);
  });

  test('query() resolves plain table names in the network schema', async () => {
    const { sink } = await fresh({ network: 'testnet' });
    await sink.write(syntheticLedger(42));
    await sink.flush();
    expect(await sink.query('SELECT sequence FROM ledgers')).toEqual([{ sequence: 42 }]);
    expect(await sink.query('SELECT * FROM committed_ranges')).toEqual([{ start_ledger: 42n, end_ledger: 42n, ledger_count: 1n }]);
    await expect(sink.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ code: 'QUERY_FAILED' });
  });
});
