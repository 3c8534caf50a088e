import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { countLedgers, formatRanges, intersectRanges, missingRanges, openDuckLakeSink, type LedgerRange } from '../src/index.js';
import { extensionDirectory, tempDir } from './support/env.js';
import { expectedTables, readAllTables, withReader } from './support/lake.js';
import { startWriter } from './support/spawn-writer.js';
import { syntheticLedger } from './support/synthetic.js';

const TRIALS = Number(process.env.SINK_CRASH_TRIALS ?? 15);
const START = 1000;
const END = 2299;

function countParquet(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) n += countParquet(p);
    else if (p.endsWith('.parquet')) n++;
  }
  return n;
}

describe('crash safety', () => {
  const dir = tempDir();
  const ext = extensionDirectory();
  afterAll(() => dir.remove());
  const catalog = `ducklake:${dir.path}/catalog.ducklake`;
  const dataPath = join(dir.path, 'data');

  test(`SIGKILL at random points (${TRIALS} trials): every ledger exactly once after resuming`, async () => {
    // Deterministic pseudo-random kill times and batch sizes, so a failure can be replayed.
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let killedWhileWriting = 0;
    let previous: LedgerRange[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const w = startWriter({
        catalog,
        dataPath,
        extensionDirectory: ext,
        start: START,
        end: END,
        batchSize: 1 + Math.floor(rand() * 12),
        txs: 10,
        opsPerTx: 2,
        maintenanceSeconds: trial % 3 === 0 ? 0.2 : 0,
        interleave: 3,
      });
      // Killed at a random moment after the lake is open: while buffering, inside a commit, or
      // during maintenance.
      await w.ready;
      const delay = rand() * 1500;
      const timer = setTimeout(() => w.child.kill('SIGKILL'), delay);
      const result = await w.exited;
      clearTimeout(timer);
      if (result.signal !== 'SIGKILL') {
        expect(result.code, result.stderr).toBe(0);
      }
      // After each crash: reopen. Data is present exactly for the committed ledgers, each once,
      // with consistent tables, and nothing committed before was lost.
      const sink = await openDuckLakeSink({ catalog, dataPath, extensionDirectory: ext, maintenance: { intervalSeconds: 0 } });
      const ranges = await sink.committedRanges();
      const committed = countLedgers(ranges);
      expect(countLedgers(intersectRanges(previous, ranges))).toBe(countLedgers(previous));
      if (result.signal === 'SIGKILL' && committed > countLedgers(previous) && committed < END - START + 1) killedWhileWriting++;
      const report = await sink.verify(START, END);
      expect(report.missing).toEqual(missingRanges({ start: START, end: END }, ranges));
      expect(report.duplicates).toEqual([]);
      expect(report.transactionCountMismatches).toEqual([]);
      expect(report.operationCountMismatches).toEqual([]);
      expect(report.progressMismatches).toEqual([]);
      expect(await sink.query('SELECT count(*) AS n FROM ledgers')).toEqual([{ n: BigInt(committed) }]);
      if (process.env.SINK_CRASH_DEBUG) console.log(trial, result.signal, Math.round(delay), formatRanges(ranges));
      previous = ranges;
      await sink.close();
      if (committed === END - START + 1) break;
    }
    expect(killedWhileWriting).toBeGreaterThan(0);

    // Finish without interruption, then compare every table with the rows that were written.
    const final = await startWriter({ catalog, dataPath, extensionDirectory: ext, start: START, end: END, batchSize: 25, txs: 10, opsPerTx: 2, maintenanceSeconds: 0 }).exited;
    expect(final.code, final.stderr).toBe(0);
    const sink = await openDuckLakeSink({ catalog, dataPath, extensionDirectory: ext, maintenance: { intervalSeconds: 0 } });
    expect(await sink.committedRanges()).toEqual([{ start: START, end: END }]);
    expect((await sink.verify(START, END)).ok).toBe(true);
    // Files left by killed flushes are orphans; compaction removes them.
    await sink.compact({ snapshotRetentionSeconds: 0, fileRetentionSeconds: 0, orphanAgeSeconds: 0 });
    const [known] = await sink.query(
      `SELECT (SELECT count(*) FROM __ducklake_metadata_lake.ducklake_data_file) + (SELECT count(*) FROM __ducklake_metadata_lake.ducklake_delete_file) AS n`,
    );
    expect(BigInt(countParquet(dataPath))).toBe(known!.n);
    await sink.close();
    await withReader(catalog, ext, async (q) => {
      const actual = await readAllTables(q, 'pubnet');
      const expected = expectedTables(Array.from({ length: END - START + 1 }, (_, i) => syntheticLedger(START + i, 10, 2)));
      for (const t of ['ledgers', 'transactions', 'operations', 'native_balances'] as const) {
        expect(actual[t].length, t).toBe(expected[t].length);
        expect(actual[t], t).toEqual(expected[t]);
      }
    });
  });
});
