/**
 * Opening a sink on a fresh temporary lake with test-friendly defaults.
 */
import { openDuckLakeSink, type DuckLakeSink, type DuckLakeSinkOptions } from '../../src/index.js';
import { extensionDirectory, tempDir } from './env.js';

/** Options for a sink over `dir` that never flushes or maintains on its own unless asked. */
export function testOptions(dir: string, extra: DuckLakeSinkOptions = {}): DuckLakeSinkOptions {
  return {
    lake: dir,
    extensionDirectory: extensionDirectory(),
    batchSize: 1000,
    commitIntervalSeconds: 3600,
    maintenance: { intervalSeconds: 0 },
    retryDelayMs: 10,
    ...extra,
  };
}

/** A sink on a fresh lake; `cleanup` closes it (if open) and removes the lake. */
export async function freshSink(extra: DuckLakeSinkOptions = {}): Promise<{ sink: DuckLakeSink; dir: string; cleanup: () => Promise<void> }> {
  const tmp = tempDir();
  const sink = await openDuckLakeSink(testOptions(tmp.path, extra));
  return {
    sink,
    dir: tmp.path,
    cleanup: async () => {
      await sink.close().catch(() => undefined);
      tmp.remove();
    },
  };
}

/** Counts of snapshots and of data files known to the catalog. */
export async function lakeCounts(sink: DuckLakeSink): Promise<{ snapshots: bigint; files: bigint }> {
  const [s] = await sink.query('SELECT count(*) AS n FROM lake.snapshots()');
  const [f] = await sink.query('SELECT count(*) AS n FROM __ducklake_metadata_lake.ducklake_data_file');
  return { snapshots: s!.n as bigint, files: f!.n as bigint };
}
