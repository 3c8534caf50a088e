#!/usr/bin/env node
/**
 * Runner benchmark: extraction throughput of the pipeline (files source → worker pool → in-memory
 * sink) with 1 and 2 worker threads, as ratios to a baseline measured in the same run: the same
 * ledgers extracted sequentially on the main thread. Each figure is the median of several runs.
 *
 * Usage: pnpm --filter stellar-ducklake-run bench [-- --runs 5 --repeat 4]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
process.env.TSX_TSCONFIG_PATH ??= join(here, '../tsconfig.json');
register({ tsconfig: process.env.TSX_TSCONFIG_PATH });

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = opt('--runs', 5);
const repeat = opt('--repeat', 3);

const fixtures = resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(here, '../../../../shared/fixtures'));
const ledgersDir = join(fixtures, 'ledgers');
const { extractLedger, Networks } = await import('@stellar-ducklake/extract');
const { runPipeline } = await import('../src/pipeline/run-pipeline.ts');
const { MemorySink } = await import('../src/memory-sink.ts');
const { FilesLedgerSource } = await import('../src/sources/files-source.ts');
const { readFileSync } = await import('node:fs');

const range = { start: 30822015, end: 30822025 };
const count = range.end - range.start + 1;
const bytes = [];
for (let s = range.start; s <= range.end; s++) bytes.push(new Uint8Array(readFileSync(join(ledgersDir, `${s}.xdr`))));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function baseline() {
  for (let r = 0; r < repeat; r++) for (const b of bytes) extractLedger(b, { networkPassphrase: Networks.PUBNET });
}

const { ExtractPool } = await import('../src/pipeline/worker-pool.ts');
const pools = { 1: new ExtractPool({ threads: 1 }), 2: new ExtractPool({ threads: 2 }) };

async function pipeline(threads) {
  // Steady state: the pools are started (and warmed up) once, outside the timed runs.
  const source = await FilesLedgerSource.open(ledgersDir);
  for (let r = 0; r < repeat; r++) {
    await runPipeline({ source, sink: new MemorySink(), range, streams: 2, threads, networkPassphrase: Networks.PUBNET, pool: pools[threads] });
  }
}

await baseline(); // warm-up
await pipeline(1);
await pipeline(2);
const results = { baseline: [], threads1: [], threads2: [] };
for (let i = 0; i < runs; i++) {
  results.baseline.push(await time(baseline));
  results.threads1.push(await time(() => pipeline(1)));
  results.threads2.push(await time(() => pipeline(2)));
}
const base = median(results.baseline);
const ledgersPerSecond = (ms) => ((count * repeat) / (ms / 1000)).toFixed(1);
console.log(`runner bench: ${count} ledgers x ${repeat}, median of ${runs} runs`);
console.log(`  baseline (main thread, sequential)  ${ledgersPerSecond(base)} ledgers/s  ratio 1.00`);
for (const [name, label] of [['threads1', 'pipeline, 1 worker thread'], ['threads2', 'pipeline, 2 worker threads']]) {
  const m = median(results[name]);
  console.log(`  ${label.padEnd(35)} ${ledgersPerSecond(m)} ledgers/s  ratio ${(base / m).toFixed(2)}`);
}
await Promise.all(Object.values(pools).map((p) => p.close()));
