/**
 * `pnpm bench` for the extractor: ledgers/s and MB/s on one core for
 *   - the naive baseline: `xdr.LedgerCloseMeta.fromXDR` of @stellar/stellar-base (decode only),
 *   - our generated decoder alone,
 *   - `extractLedger` (all four tables),
 *   - `extractLedger` plus stellar-etl JSON lines for every row,
 * over the 2020 fixture mix and each modern ledger separately, each set in a fresh process so
 * that one set's JIT state does not colour the next. Medians of several runs.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { xdr } from '@stellar/stellar-base';
import { fmt, machine, measureInterleaved, type InterleavedMeasurement } from '../../../scripts/bench/measure.js';
import { extractLedger, toEtlJson } from '../dist/index.js';
import { decode } from '../src/xdr/index.js';

const fixtures = process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(import.meta.dirname, '../../../../shared/fixtures');
const PUBNET = 'Public Global Stellar Network ; September 2015';
const TESTNET = 'Test SDF Network ; September 2015';

interface Set {
  name: string;
  passphrase: string;
  ledgers: Uint8Array[];
}

const sets: Set[] = [
  {
    name: '2020 mix (12 pubnet ledgers, protocol 13)',
    passphrase: PUBNET,
    ledgers: readdirSync(join(fixtures, 'ledgers'))
      .sort()
      .map((f) => new Uint8Array(readFileSync(join(fixtures, 'ledgers', f)))),
  },
  {
    name: 'pubnet 53312000 (protocol 21)',
    passphrase: PUBNET,
    ledgers: [new Uint8Array(readFileSync(join(fixtures, 'modern/pubnet-53312000/53312000.xdr')))],
  },
  {
    name: 'testnet 982180 (protocol 25)',
    passphrase: TESTNET,
    ledgers: [new Uint8Array(readFileSync(join(fixtures, 'modern/testnet-982180/982180.xdr')))],
  },
];

const runs = Number(process.env.BENCH_RUNS ?? 15);
const runMs = Number(process.env.BENCH_RUN_MS ?? 400);

const only = process.argv[2];
if (only === undefined) {
  console.log(`# extract benchmark\n\n${machine()}; one thread; ${runs} interleaved rounds of ≥${runMs} ms per variant, medians; each set in its own process.\n`);
  for (let i = 0; i < sets.length; i++) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(i)], { stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  process.exit(0);
}
for (const set of [sets[Number(only)]!]) {
  const n = set.ledgers.length;
  const bytes = set.ledgers.reduce((a, b) => a + b.length, 0);
  const opts = { passphrase: set.passphrase };
  const results: InterleavedMeasurement[] = measureInterleaved(
    [
      {
        name: 'baseline: stellar-base fromXDR',
        unitsPerIteration: n,
        iteration: () => {
          for (const b of set.ledgers) xdr.LedgerCloseMeta.fromXDR(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
        },
      },
      {
        name: 'generated decoder only',
        unitsPerIteration: n,
        iteration: () => {
          for (const b of set.ledgers) decode.LedgerCloseMeta(b);
        },
      },
      {
        name: 'extractLedger (4 tables)',
        unitsPerIteration: n,
        iteration: () => {
          for (const b of set.ledgers) extractLedger(b, { networkPassphrase: opts.passphrase });
        },
      },
      {
        name: 'extractLedger + stellar-etl JSON',
        unitsPerIteration: n,
        iteration: () => {
          for (const b of set.ledgers) {
            const r = extractLedger(b, { networkPassphrase: opts.passphrase });
            toEtlJson('ledgers', r.ledger);
            for (const t of r.transactions) toEtlJson('transactions', t);
            for (const o of r.operations) toEtlJson('operations', o);
            for (const a of r.nativeBalances) toEtlJson('native_balances', a);
          }
        },
      },
    ],
    { runs, runMs, warmup: Math.ceil(200 / n) },
  );
  console.log(`## ${set.name}: ${n} ledger(s), ${fmt(bytes / n / 1024)} KiB per ledger\n`);
  console.log('| variant | ledgers/s | MB/s | × baseline (median of per-round ratios) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.name} | ${fmt(r.median)} | ${fmt((r.median * bytes) / n / 1e6)} | ${fmt(r.ratio, 2)} |`);
  }
  console.log('');
}
