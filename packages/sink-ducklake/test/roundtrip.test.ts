import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LedgerRows } from '@stellar-ducklake/extract';
import { openDuckLakeSink, SinkError } from '../src/index.js';
import { Networks } from '@stellar-ducklake/extract';
import { extensionDirectory, fixtureLedgers, fixtureRows, modernFixtureRows, tempDir } from './support/env.js';
import { expectedTables, readAllTables, withReader } from './support/lake.js';

describe('fixture ledgers through DuckLake', () => {
  const dir = tempDir();
  const ext = extensionDirectory();
  const seqs = fixtureLedgers();
  let rows: LedgerRows[];

  beforeAll(() => {
    rows = seqs.map(fixtureRows);
  });
  afterAll(() => dir.remove());

  test('write in two sessions, one snapshot and one file per table per flush, read back equal', async () => {
    expect(seqs.length).toBeGreaterThanOrEqual(12);
    const options = {
      lake: dir.path,
      extensionDirectory: ext,
      batchSize: 3,
      commitIntervalSeconds: 3600,
      dataInliningRowLimit: 0,
      maintenance: { intervalSeconds: 0 },
    };
    // Session 1: the first half, flushed by batch size (3 ledgers per flush).
    const first = rows.slice(0, 6);
    const second = rows.slice(6);
    let sink = await openDuckLakeSink(options);
    expect(await sink.committedRanges()).toEqual([]);
    const snapshotsBefore = (await sink.query('SELECT count(*) AS n FROM lake.snapshots()'))[0]!.n as bigint;
    for (const r of first) await sink.write(r);
    await sink.committedRanges(); // waits for the flush committing in the background
    expect(sink.bufferedRanges()).toEqual([]);
    const snapshotsAfter = (await sink.query('SELECT count(*) AS n FROM lake.snapshots()'))[0]!.n as bigint;
    expect(snapshotsAfter - snapshotsBefore).toBe(2n);
    await sink.close();

    // Session 2: reopen, resume, continue.
    sink = await openDuckLakeSink(options);
    expect(await sink.committedRanges()).toEqual([
      { start: seqs[0]!, end: seqs[0]! },
      { start: seqs[1]!, end: seqs[5]! },
    ]);
    await expect(sink.write(rows[2]!)).rejects.toMatchObject({ code: 'LEDGER_ALREADY_COMMITTED', ledger: seqs[2] });
    for (const r of second) await sink.write(r);
    await expect(sink.write(second[second.length - 1]!)).rejects.toBeInstanceOf(SinkError);
    await sink.flush();
    expect(await sink.committedRanges()).toEqual([
      { start: seqs[0]!, end: seqs[0]! },
      { start: seqs[1]!, end: seqs[seqs.length - 1]! },
    ]);

    // Each flush is one snapshot with exactly one data file per table (4 tables + progress).
    const files = await sink.query(
      `SELECT begin_snapshot, table_id, count(*) AS n FROM __ducklake_metadata_lake.ducklake_data_file GROUP BY ALL ORDER BY ALL`,
    );
    const perSnapshot = new Map<bigint, number>();
    for (const f of files) {
      expect(f.n).toBe(1n);
      perSnapshot.set(f.begin_snapshot as bigint, (perSnapshot.get(f.begin_snapshot as bigint) ?? 0) + 1);
    }
    expect(perSnapshot.size).toBe(rows.length / 3);
    expect([...perSnapshot.values()].every((n) => n === 5)).toBe(true);
    await sink.close();

    // An independent reader sees exactly the extractor's rows.
    const catalog = `ducklake:${dir.path}/catalog.ducklake`;
    await withReader(catalog, ext, async (q) => {
      const actual = await readAllTables(q, 'pubnet');
      const expected = expectedTables(rows);
      for (const t of ['ledgers', 'transactions', 'operations', 'native_balances'] as const) {
        expect(actual[t].length, t).toBe(expected[t].length);
        expect(actual[t], t).toEqual(expected[t]);
      }
      expect(actual.operations.length).toBeGreaterThan(1000);
      // Completeness as SQL, through the views, under another alias.
      expect(await q('SELECT start_ledger, end_ledger, ledger_count FROM other_alias.pubnet.committed_ranges')).toEqual([
        { start_ledger: BigInt(seqs[0]!), end_ledger: BigInt(seqs[0]!), ledger_count: 1n },
        { start_ledger: BigInt(seqs[1]!), end_ledger: BigInt(seqs[seqs.length - 1]!), ledger_count: BigInt(seqs.length - 1) },
      ]);
      expect(await q('SELECT start_ledger, end_ledger, ledger_count FROM other_alias.pubnet.ledger_gaps')).toEqual([
        { start_ledger: BigInt(seqs[0]! + 1), end_ledger: BigInt(seqs[1]! - 1), ledger_count: BigInt(seqs[1]! - seqs[0]! - 1) },
      ]);
    });
  });

  test('protocol 21 pubnet and protocol 25 testnet ledgers, each network in its own schema of one catalog', async () => {
    const lake = tempDir();
    try {
      const pubnet = modernFixtureRows('pubnet-53312000/53312000.xdr', Networks.PUBNET);
      const testnet = modernFixtureRows('testnet-982180/982180.xdr', Networks.TESTNET);
      for (const [network, rows] of [['pubnet', pubnet], ['testnet', testnet]] as const) {
        const sink = await openDuckLakeSink({ lake: lake.path, network, extensionDirectory: ext, maintenance: { intervalSeconds: 0 } });
        await sink.write(rows);
        await sink.close();
      }
      await withReader(`ducklake:${lake.path}/catalog.ducklake`, ext, async (q) => {
        for (const [network, rows] of [['pubnet', pubnet], ['testnet', testnet]] as const) {
          const actual = await readAllTables(q, network);
          const expected = expectedTables([rows]);
          for (const t of ['ledgers', 'transactions', 'operations', 'native_balances'] as const) {
            expect(actual[t], `${network}.${t}`).toEqual(expected[t]);
          }
        }
        expect(await q('SELECT sequence FROM other_alias.testnet.ledgers')).toEqual([{ sequence: 982180 }]);
      });
    } finally {
      lake.remove();
    }
  });
});
