import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDuckLakeSink } from '../src/index.js';
import { extensionDirectory, inCI, tempDir } from './support/env.js';
import { expectedTables, readAllTables, withReader } from './support/lake.js';
import { postgresBinDir, startPostgres, type PgCluster } from './support/postgres.js';
import { startWriter } from './support/spawn-writer.js';
import { syntheticLedger } from './support/synthetic.js';

const available = postgresBinDir() !== undefined;
if (!available && inCI) throw new Error('PostgreSQL server binaries are required in CI (run .ci/steps/postgres.sh)');

describe.skipIf(!available)('PostgreSQL catalog', () => {
  let pg: PgCluster;
  const dir = tempDir();
  const ext = extensionDirectory();
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(() => {
    pg?.stop();
    dir.remove();
  });

  test('a flush during a catalog outage is retried with backoff and commits once the catalog is back', async () => {
    const catalog = `ducklake:postgres:${pg.connection}`;
    const sink = await openDuckLakeSink({
      catalog,
      dataPath: join(dir.path, 'data'),
      schema: 'outage',
      extensionDirectory: ext,
      maxRetries: 12,
      retryDelayMs: 100,
      maintenance: { intervalSeconds: 0 },
    });
    try {
      await sink.write(syntheticLedger(1));
      await sink.flush();
      await sink.write(syntheticLedger(2));
      pg.pause();
      const flushed = sink.flush();
      await new Promise((r) => setTimeout(r, 1500));
      pg.resume();
      await flushed;
      expect(sink.stats().retries).toBeGreaterThan(0);
      expect(sink.stats().flushes).toBe(2);
      expect(await sink.committedRanges()).toEqual([{ start: 1, end: 2 }]);
      expect((await sink.verify(1, 2)).ok).toBe(true);
    } finally {
      await sink.close();
    }
  });

  test('two processes write disjoint ranges concurrently into one lake: every row once', async () => {
    const catalog = `ducklake:postgres:${pg.connection}`;
    const dataPath = join(dir.path, 'data');
    const common = { catalog, dataPath, extensionDirectory: ext, batchSize: 4, txs: 8, opsPerTx: 2, maintenanceSeconds: 0 };
    const a = startWriter({ ...common, start: 1, end: 120 });
    const b = startWriter({ ...common, start: 121, end: 240 });
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);

    const sink = await openDuckLakeSink({ catalog, extensionDirectory: ext, maintenance: { intervalSeconds: 0 } });
    expect(await sink.committedRanges()).toEqual([{ start: 1, end: 240 }]);
    const report = await sink.verify(1, 240);
    expect(report, JSON.stringify(report)).toMatchObject({ ok: true });
    // The two writers' commits interleaved in time (progress rows carry their commit time).
    const [span] = await sink.query(
      `SELECT min(committed_at) FILTER (WHERE end_ledger <= 120) AS a0, max(committed_at) FILTER (WHERE end_ledger <= 120) AS a1,
              min(committed_at) FILTER (WHERE start_ledger > 120) AS b0, max(committed_at) FILTER (WHERE start_ledger > 120) AS b1
       FROM _ledger_progress`,
    );
    const { a0, a1, b0, b1 } = span as Record<string, Date>;
    expect(a0! < b1! && b0! < a1!).toBe(true);
    // 30 flushes per writer, each its own snapshot.
    expect(Number((await sink.query('SELECT count(*) AS n FROM lake.snapshots()'))[0]!.n)).toBeGreaterThanOrEqual(60);
    await sink.compact({ snapshotRetentionSeconds: 0, fileRetentionSeconds: 0, orphanAgeSeconds: 0 });
    expect((await sink.verify(1, 240)).ok).toBe(true);
    await sink.close();

    await withReader(catalog, ext, async (q) => {
      const actual = await readAllTables(q, 'pubnet');
      const expected = expectedTables(Array.from({ length: 240 }, (_, i) => syntheticLedger(i + 1, 8, 2)));
      for (const t of ['ledgers', 'transactions', 'operations', 'native_balances'] as const) {
        expect(actual[t], t).toEqual(expected[t]);
      }
    });
  });
});
