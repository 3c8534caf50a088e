/**
 * Page compression of the fixture ledgers' Parquet pages, per codec, in one process: the pages of
 * each 2020 ledger (all four tables, encoded uncompressed), compressed as the sink compresses them
 * and, as the baseline measured in the same run, by the native `snappy` binding (the sink's
 * compressor before the JavaScript one; pages under 256 bytes stored as literals, as it did).
 * 15 interleaved rounds (order reversed every other round); reported: ms a ledger (median) and
 * each variant's speed ÷ the baseline's, the median of per-round ratios.
 *
 * Options: --rounds N (default 15), --round-ms N (default 400).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressSync as nativeSnappy } from 'snappy';
import { extractLedger, Networks } from '@stellar-ducklake/extract';
import { encodeLedger } from '../src/encode.js';
import { pageCodec, pageCompressions, LITERAL_BELOW } from '../src/parquet/codec.js';
import { numberArg } from './args.js';

const ROUNDS = numberArg('rounds', 15);
const ROUND_MS = numberArg('round-ms', 400);

const repoRoot = resolve(import.meta.dirname, '../../..');
const fixtures = resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(repoRoot, '../shared/fixtures'));
const dir = join(fixtures, 'ledgers');
const ledgers = readdirSync(dir)
  .filter((f) => f.endsWith('.xdr'))
  .map((f) => {
    const rows = extractLedger(new Uint8Array(readFileSync(join(dir, f))), { networkPassphrase: Networks.PUBNET });
    const encoded = encodeLedger(rows, ['ledgers', 'transactions', 'operations', 'native_balances'], { compression: 'uncompressed' });
    const pages: Uint8Array[] = [];
    for (const t of Object.values(encoded.tables)) {
      let start = 0;
      for (const end of t!.pageEnds) pages.push(t!.data.slice(start, (start = end)));
    }
    return pages;
  });

const baseline = 'native snappy binding';
const variants: Record<string, (page: Uint8Array) => unknown> = {
  [baseline]: (p) => (p.length < LITERAL_BELOW ? p : nativeSnappy(p as Buffer)),
};
for (const name of pageCompressions) {
  const { compress } = pageCodec(name);
  if (compress !== undefined) variants[`sink's ${name}`] = compress;
}
const pagesBytes = ledgers.flat().reduce((n, p) => n + p.length, 0);
const sizes = Object.fromEntries(
  Object.entries(variants).map(([name, f]) => [name, ledgers.flat().reduce((n, p) => n + (f(p) as Uint8Array).length, 0)]),
);

const ms: Record<string, number[]> = {};
for (let round = 0; round < ROUNDS; round++) {
  const names = Object.keys(variants);
  if (round % 2 === 1) names.reverse();
  for (const name of names) {
    const f = variants[name]!;
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ROUND_MS) for (const page of ledgers[n++ % ledgers.length]!) f(page);
    (ms[name] ??= []).push((performance.now() - t0) / n);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`# page compression\n`);
console.log(`${ledgers.length} fixture ledgers, ${(pagesBytes / ledgers.length / 1024).toFixed(0)} KiB of pages each (${ledgers[0]!.length} pages); ${ROUNDS} interleaved rounds of ${ROUND_MS} ms.\n`);
console.log('| compressor | ms a ledger | MB/s | ratio | speed ÷ baseline |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, xs] of Object.entries(ms)) {
  const perLedger = median(xs);
  const speedup = median(xs.map((x, i) => ms[baseline]![i]! / x));
  console.log(`| ${name} | ${perLedger.toFixed(3)} | ${(pagesBytes / ledgers.length / perLedger / 1000).toFixed(0)} | ${(pagesBytes / sizes[name]!).toFixed(2)} | ${speedup.toFixed(2)} |`);
}
