/**
 * A child process that writes synthetic ledgers into a lake, resuming from the committed ranges.
 * Used by the crash and concurrency tests. Argument: JSON {@link WriterArgs}. Prints `open` once the lake is
 * attached and `done` at the end.
 */
import { openDuckLakeSink } from '../../src/index.js';
import { missingRanges } from '../../src/ranges.js';
import { syntheticLedger } from './synthetic.js';

/** What the writer does. */
export interface WriterArgs {
  catalog: string;
  dataPath?: string;
  extensionDirectory: string;
  start: number;
  end: number;
  batchSize: number;
  txs: number;
  opsPerTx: number;
  maintenanceSeconds: number;
  /** Split the range into this many parts and write them round-robin (default 1: in order). */
  interleave?: number;
}

const args = JSON.parse(process.argv[2]!) as WriterArgs;
const sink = await openDuckLakeSink({
  catalog: args.catalog,
  ...(args.dataPath === undefined ? {} : { dataPath: args.dataPath }),
  extensionDirectory: args.extensionDirectory,
  batchSize: args.batchSize,
  commitIntervalSeconds: 3600,
  retryDelayMs: 20,
  maxRetries: 20,
  dataInliningRowLimit: 20,
  maintenance: { intervalSeconds: args.maintenanceSeconds, snapshotRetentionSeconds: 0, fileRetentionSeconds: 0, orphanAgeSeconds: 0 },
});
process.stdout.write('open\n');
const todo = missingRanges({ start: args.start, end: args.end }, await sink.committedRanges());
const parts = Math.max(1, args.interleave ?? 1);
const size = Math.ceil((args.end - args.start + 1) / parts);
// One queue per part, each ascending; parts are taken round-robin, so ledgers arrive out of order.
const queues: number[][] = Array.from({ length: parts }, () => []);
for (const r of todo) for (let seq = r.start; seq <= r.end; seq++) queues[Math.floor((seq - args.start) / size)]!.push(seq);
for (let i = 0; queues.some((q) => i < q.length); i++) {
  for (const q of queues) if (i < q.length) await sink.write(syntheticLedger(q[i]!, args.txs, args.opsPerTx));
}
await sink.close();
process.stdout.write('done\n');
