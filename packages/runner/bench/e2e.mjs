#!/usr/bin/env node
/**
 * End-to-end benchmark: a gRPC RawLedgerService replays the 2020 fixture ledgers, renumbered and
 * looped into one long contiguous range, and the built CLI ingests it with `run` (six streams,
 * all cores) into a fresh local DuckLake. Reported per run: ledgers/s, rows/s per table, peak RSS
 * and RSS over time, CPU time per ledger (the CLI process and the serving one); medians over the
 * runs. Baseline in the same process and on the same server: `export ledgers` over the same range
 * (source + extraction of all four tables, no lake).
 *
 * Usage: pnpm --filter stellar-ducklake-run bench:e2e [-- --ledgers 6000 --runs 3 --streams 6 --threads N --compression snappy|lz4|uncompressed --batch-size 200 --profile DIR]
 * (`--profile DIR` writes V8 CPU profiles of the `run` process and its worker threads into DIR.)
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, '..');
const repoRoot = resolve(pkg, '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const ledgers = Number(opt('--ledgers', '6000'));
const runs = Number(opt('--runs', '3'));
const streams = opt('--streams', '6');
const threads = opt('--threads', String(cpus().length));
const profileDir = opt('--profile', undefined);
const compression = opt('--compression', 'snappy');
const batchSize = opt('--batch-size', '200');
const START = 40_000_000;
const END = START + ledgers - 1;

execFileSync('pnpm', ['--filter', 'stellar-ducklake-run...', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
const { rawLedgerService } = await import('../dist/index.js');
const { readLedgerHeader, extractLedger, Networks } = await import('@stellar-ducklake/extract');

// Fixture ledgers as templates; each served ledger is a template with its sequence patched.
const fixtures = resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(repoRoot, '../shared/fixtures'));
const templates = readdirSync(join(fixtures, 'ledgers'))
  .filter((f) => f.endsWith('.xdr'))
  .sort()
  .map((f) => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'ledgers', f)));
    const seq = readLedgerHeader(bytes).sequence;
    // ledgerSeq is the first big-endian occurrence of the sequence after the header's fixed prefix.
    const be = Buffer.alloc(4);
    be.writeUInt32BE(seq);
    const at = Buffer.from(bytes).indexOf(be, 4 + 32 + 4 + 32);
    return { bytes, at };
  });
const rowsPerTemplate = templates.map((t) => {
  const r = extractLedger(t.bytes, { networkPassphrase: Networks.PUBNET });
  return { transactions: r.transactions.length, operations: r.operations.length, native_balances: r.nativeBalances.length };
});
function ledgerBytes(seq) {
  const t = templates[(seq - START) % templates.length];
  const out = Buffer.from(t.bytes);
  out.writeUInt32BE(seq, t.at);
  return out;
}
for (const s of [START, START + 5]) {
  if (readLedgerHeader(ledgerBytes(s)).sequence !== s) throw new Error('renumbering failed');
}
const expectedRows = { ledgers, transactions: 0, operations: 0, native_balances: 0 };
for (let s = START; s <= END; s++) {
  const r = rowsPerTemplate[(s - START) % templates.length];
  for (const k of ['transactions', 'operations', 'native_balances']) expectedRows[k] += r[k];
}

// The server.
const server = new grpc.Server();
server.addService(rawLedgerService().service, {
  StreamRawLedgers(call) {
    let seq = call.request.start_ledger;
    let cancelled = false;
    call.on('cancelled', () => (cancelled = true));
    const pump = () => {
      while (!cancelled && seq <= END + 64) {
        const ok = call.write({ sequence: seq, ledger_close_meta_xdr: ledgerBytes(seq) });
        seq++;
        if (!ok) return void call.once('drain', pump);
      }
      if (!cancelled) call.end();
    };
    pump();
  },
  GetLedgerRange(call, cb) {
    cb(null, { ledgers: [], latest_ledger: END });
  },
});
const port = await new Promise((res, rej) =>
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? rej(e) : res(p))),
);
const source = `grpc://127.0.0.1:${port}`;
const cli = join(pkg, 'dist/cli.js');
const extDir = process.env.STELLAR_DUCKLAKE_EXTENSION_DIR ?? join(repoRoot, '.extensions');
const env = { ...process.env, ...(existsSync(extDir) ? { STELLAR_DUCKLAKE_EXTENSION_DIR: extDir } : {}) };

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/**
 * CPU time (user + system, ms) used so far by the process or thread of `/proc/<task>/stat` (`PID`
 * or `PID/task/TID`); undefined once it has exited.
 */
function processCpuMs(task) {
  try {
    const stat = readFileSync(`/proc/${task}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** CPU time (ms) of each thread of a process so far, by thread id; {} once it has exited. */
function threadCpuMs(pid) {
  const out = {};
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) out[tid] = processCpuMs(`${pid}/task/${tid}`) ?? 0;
  } catch {
    /* the process has exited */
  }
  return out;
}

/**
 * Runs the CLI, sampling its RSS and CPU time; resolves to { seconds, peakRss, samples, cpuMs,
 * threadMs, serverCpuMs } (CPU of the CLI process, all threads, and of each thread, to its last
 * sample; CPU of this process, which serves the ledgers, over the same run).
 */
function timed(cliArgs, stdout, nodeArgs = []) {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const server0 = process.cpuUsage();
    let cpuMs = 0;
    const threadMs = {};
    const child = spawn(process.execPath, [...nodeArgs, cli, ...cliArgs], { env, stdio: ['ignore', stdout, 'pipe'] });
    let err = '';
    let doneAt;
    child.stderr.on('data', (d) => {
      err += d;
      // `run` logs "done" when every ledger is committed, before it compacts the lake.
      if (doneAt === undefined && /msg="done"/.test(err)) doneAt = (performance.now() - t0) / 1000;
    });
    const samples = [];
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
        samples.push([(performance.now() - t0) / 1000, rss]);
        cpuMs = processCpuMs(child.pid) ?? cpuMs;
        Object.assign(threadMs, threadCpuMs(child.pid));
      } catch {
        /* the process has exited */
      }
    }, 500);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return rej(new Error(`${cliArgs[0]} exited ${code}: ${err.slice(-2000)}`));
      const seconds = (performance.now() - t0) / 1000;
      const server = process.cpuUsage(server0);
      const serverCpuMs = (server.user + server.system) / 1000;
      res({ seconds, ingestSeconds: doneAt ?? seconds, peakRss: Math.max(0, ...samples.map((s) => s[1])), samples, cpuMs, threadMs, serverCpuMs, pid: child.pid });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const mib = (b) => (b / 2 ** 20).toFixed(0);
const results = { run: [], export: [] };
for (let r = 0; r < runs; r++) {
  const lake = mkdtempSync(join(tmpdir(), 'sdl-bench-'));
  try {
    results.export.push(
      await timed(['export', 'ledgers', '--source', source, '--start', String(START), '--end', String(END), '--streams', streams, '--threads', threads], 'ignore'),
    );
    results.run.push(
      await timed(
        ['run', '--source', source, '--start', String(START), '--end', String(END), '--lake', lake, '--streams', streams, '--threads', threads, '--batch-size', batchSize, '--progress', 'none', '--compression', compression],
        'ignore',
        [...(profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir]), ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : [])],
      ),
    );
  } finally {
    rmSync(lake, { recursive: true, force: true });
  }
}
server.forceShutdown();

const rate = (xs) => median(xs.map((x) => ledgers / x.seconds));
const runRate = rate(results.run);
const exportRate = rate(results.export);
console.log(`# end-to-end benchmark\n`);
console.log(`${cpus().length} cores (${cpus()[0]?.model}), Node ${process.version}; ${ledgers} ledgers (the 2020 fixtures renumbered and looped), ${streams} streams, ${threads} extraction threads, ${compression} pages, batches of ${batchSize} ledgers; medians of ${runs} runs.\n`);
console.log('| pipeline | ledgers/s | × baseline | peak RSS (MiB) |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| baseline: \`export ledgers\` (source + extraction, no lake) | ${exportRate.toFixed(1)} | 1.00 | ${mib(median(results.export.map((x) => x.peakRss)))} |`);
const ingestRate = median(results.run.map((x) => ledgers / x.ingestSeconds));
console.log(`| \`run\` into DuckLake, all four tables, until every ledger is committed | ${ingestRate.toFixed(1)} | ${(ingestRate / exportRate).toFixed(2)} | |`);
console.log(`| \`run\` into DuckLake, all four tables, including the final compaction | ${runRate.toFixed(1)} | ${(runRate / exportRate).toFixed(2)} | ${mib(median(results.run.map((x) => x.peakRss)))} |`);
const perLedger = (xs, key) => median(xs.map((x) => x[key] / ledgers)).toFixed(2);
console.log('\nCPU time per ledger (ms, medians; the CLI process with all its threads, to its last sample 0.5 s or less before it exits, and the benchmark process serving the ledgers):\n');
console.log('| pipeline | CLI process | serving | both |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, xs] of [['`export ledgers`', results.export], ['`run`', results.run]]) {
  console.log(`| ${name} | ${perLedger(xs, 'cpuMs')} | ${perLedger(xs, 'serverCpuMs')} | ${median(xs.map((x) => (x.cpuMs + x.serverCpuMs) / ledgers)).toFixed(2)} |`);
}
const last = results.run.at(-1);
const byThread = Object.entries(last.threadMs)
  .map(([tid, ms]) => [Number(tid), ms / ledgers])
  .filter(([, ms]) => ms >= 0.05)
  .sort((a, b) => a[0] - b[0]);
console.log(
  `\nCPU ms a ledger by thread of the last \`run\` (thread ids in creation order; the first is the main thread): ${byThread.map(([tid, ms]) => `${tid === last.pid ? 'main' : tid}: ${ms.toFixed(2)}`).join(', ')}`,
);
console.log('\nRows/s per table during `run`:\n');
console.log('| table | rows | rows/s |');
console.log('| --- | ---: | ---: |');
for (const [k, n] of Object.entries(expectedRows)) console.log(`| ${k} | ${n} | ${((n / ledgers) * runRate).toFixed(0)} |`);
console.log('\nRSS of the last `run` over time (s → MiB):', last.samples.filter((_, i) => i % Math.max(1, Math.floor(last.samples.length / 12)) === 0).map(([t, b]) => `${t.toFixed(0)}→${mib(b)}`).join(', '));
