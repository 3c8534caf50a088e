#!/usr/bin/env node
/**
 * Runs the real stellar-etl, offline, on local ledger files and writes its rows per ledger:
 *
 *   <out>/<network>/<table>/<seq>.jsonl   table ∈ ledgers, transactions, operations, accounts
 *   <out>/<network>/manifest.json         versions, ledgers per table, ledgers without accounts rows
 *
 * Each line is stellar-etl's, byte for byte; only the split into per-ledger files is ours (lines
 * keep stellar-etl's order within a ledger). A ledger for which stellar-etl emitted no row of a
 * table gets an empty file.
 *
 * How: the ledger files are laid out as a GCS ledger bucket (scripts/golden/bucketwriter), served by
 * fake-gcs-server on 127.0.0.1 at a free port, and stellar-etl reads them through
 * STORAGE_EMULATOR_HOST. `export_ledger_entry_changes` emits nothing for a range of one ledger, so
 * accounts rows exist only for ledgers that have a consecutive neighbour among the inputs, unless
 * `--companions` is given: then the bucket also holds, after each isolated ledger N, a copy of N
 * relabelled N+1, the accounts export runs over N..N+1, and only N's rows are kept (stellar-etl
 * compacts entry changes per ledger, so N's rows do not depend on the companion).
 *
 * Usage:
 *   node scripts/golden/golden.mjs --network pubnet|testnet [--out .golden]
 *        [--tables ledgers,transactions,operations,accounts] [--companions] FILE...
 * FILE: raw LedgerCloseMeta XDR (`*.xdr`) or zstd LedgerCloseMetaBatch (`*.xdr.zst`, `*.xdr.zstd`).
 * Tools: installed by scripts/golden/install.sh into GOLDEN_TOOLS_DIR (default
 * ~/.cache/stellar-ducklake/golden-tools); run it first.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const BUCKET = 'golden';
const DATASTORE_PATH = `${BUCKET}/v1/ledgers`;
const ALL_TABLES = ['ledgers', 'transactions', 'operations', 'accounts'];
const NETWORKS = { pubnet: [], testnet: ['--testnet'] };

/** Pinned versions from versions.env. */
function readVersions() {
  const v = {};
  for (const line of readFileSync(join(here, 'versions.env'), 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) v[m[1]] = m[2];
  }
  return v;
}

function fail(msg) {
  console.error(`golden: ERROR: ${msg}`);
  process.exit(1);
}

function parseArgs(argv) {
  const opts = { network: undefined, out: '.golden', tables: ALL_TABLES, companions: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--network') opts.network = next();
    else if (a === '--out') opts.out = next();
    else if (a === '--tables') opts.tables = next().split(',').filter(Boolean);
    else if (a === '--companions') opts.companions = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: golden.mjs --network pubnet|testnet [--out .golden] [--tables ledgers,transactions,operations,accounts] [--companions] FILE...');
      process.exit(0);
    } else if (a.startsWith('--')) fail(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (!opts.network || !(opts.network in NETWORKS)) fail('--network must be pubnet or testnet');
  for (const t of opts.tables) if (!ALL_TABLES.includes(t)) fail(`unknown table ${t} (known: ${ALL_TABLES.join(', ')})`);
  if (opts.files.length === 0) fail('no ledger files given');
  for (const f of opts.files) if (!existsSync(f)) fail(`ledger file ${f} does not exist`);
  return opts;
}

/** Runs a command to completion; resolves with its stdout, rejects with its output on failure. */
function run(cmd, args, { env, cwd } = {}) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code, signal) => {
      if (code === 0) res({ stdout, stderr });
      else rej(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}\n${stderr}${stdout}`));
    });
  });
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Starts fake-gcs-server on 127.0.0.1 serving `dataDir`; resolves once the bucket answers. */
async function startEmulator(bin, dataDir) {
  const port = await freePort();
  const args = ['-scheme', 'http', '-host', '127.0.0.1', '-port', String(port), '-backend', 'memory', '-data', dataDir,
    '-public-host', `127.0.0.1:${port}`, '-log-level', 'warn'];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = code ?? signal));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) throw new Error(`fake-gcs-server exited with ${exited} before serving:\n${output}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/storage/v1/b/${BUCKET}`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`fake-gcs-server did not serve bucket ${BUCKET} on 127.0.0.1:${port} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: `127.0.0.1:${port}`,
    output: () => output,
    stop: () => {
      if (exited === null) child.kill();
    },
  };
}

/** Maximal runs of consecutive ledger sequences, ascending. */
function consecutiveRuns(seqs) {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const runs = [];
  for (const s of sorted) {
    const last = runs.at(-1);
    if (last && s === last[1] + 1) last[1] = s;
    else runs.push([s, s]);
  }
  return runs;
}

/** The stellar-etl invocation for one table and ledger range. */
function etlArgs(table, [start, end], outDir, network) {
  const common = ['-s', String(start), '-e', String(end), '-o', outDir, '--datastore-path', DATASTORE_PATH, ...NETWORKS[network]];
  // One batch (one output file) for the whole range.
  const batch = ['-b', String(end - start + 1)];
  if (table === 'accounts') return ['export_ledger_entry_changes', '--export-accounts', ...common, ...batch];
  return [`export_${table}`, ...common, ...batch];
}

/** The ledger sequence field of a row of each table. */
const SEQ_FIELD = { ledgers: 'sequence', transactions: 'ledger_sequence', operations: 'ledger_sequence', accounts: 'ledger_sequence' };

/** Reads stellar-etl's `*-<table>.txt` outputs and groups their lines by ledger. */
function linesByLedger(outDir, table) {
  const byLedger = new Map();
  if (!existsSync(outDir)) return byLedger;
  for (const f of readdirSync(outDir).filter((n) => n.endsWith(`-${table}.txt`)).sort()) {
    const text = readFileSync(join(outDir, f), 'utf8');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const seq = JSON.parse(line)[SEQ_FIELD[table]];
      if (!Number.isInteger(seq)) throw new Error(`a ${table} row in ${f} has no integer ${SEQ_FIELD[table]}: ${line.slice(0, 200)}`);
      if (!byLedger.has(seq)) byLedger.set(seq, []);
      byLedger.get(seq).push(line);
    }
  }
  return byLedger;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const versions = readVersions();
  const tools = process.env.GOLDEN_TOOLS_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'stellar-ducklake', 'golden-tools');
  const bins = {
    etl: join(tools, `stellar-etl-${versions.STELLAR_ETL_VERSION}`),
    gcs: join(tools, `fake-gcs-server-${versions.FAKE_GCS_VERSION}`),
    writer: join(tools, 'bucketwriter'),
  };
  for (const [name, p] of Object.entries(bins)) {
    if (!existsSync(p)) fail(`${name} not found at ${p}: run scripts/golden/install.sh first (or set GOLDEN_TOOLS_DIR)`);
  }

  const work = mkdtempSync(join(tmpdir(), 'golden-'));
  const dataDir = join(work, 'data');
  mkdirSync(dataDir);
  let emulator;
  try {
    const writerArgs = ['-root', dataDir, '-prefix', `${DATASTORE_PATH}/${opts.network}`, ...(opts.companions ? ['-companions'] : [])];
    const { stdout } = await run(bins.writer, [...writerArgs, ...opts.files.map((f) => resolve(f))]);
    const { ledgers: seqs, companions } = JSON.parse(stdout.trim());
    const runs = consecutiveRuns(seqs);
    console.error(`golden: ${seqs.length} ledger(s) on ${opts.network}, runs: ${runs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ')}`);

    emulator = await startEmulator(bins.gcs, dataDir);
    const stopOnSignal = () => {
      emulator?.stop();
      rmSync(work, { recursive: true, force: true });
      process.exit(130);
    };
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    const netDir = join(resolve(opts.out), opts.network);
    const produced = {};
    const withoutRows = {};
    const viaCompanion = [];
    for (const table of opts.tables) {
      produced[table] = [];
      const outDir = join(work, 'out', table);
      for (const range of runs) {
        let exportRange = range;
        if (table === 'accounts' && range[0] === range[1]) {
          if (!companions.includes(range[1] + 1)) {
            (withoutRows[table] ??= []).push(range[0]);
            continue;
          }
          exportRange = [range[0], range[1] + 1];
          viaCompanion.push(range[0]);
        }
        const args = etlArgs(table, exportRange, outDir, opts.network);
        const result = await run(bins.etl, args, { env: { STORAGE_EMULATOR_HOST: emulator.host }, cwd: work }).catch((e) => {
          throw new Error(`${e.message}\nfake-gcs-server output:\n${emulator.output()}`);
        });
        const log = result.stderr + result.stdout;
        if (/level=(error|fatal|panic)/.test(log)) throw new Error(`stellar-etl ${args.join(' ')} logged errors:\n${log}`);
        const stats = /"failed_transforms\\?":(\d+)/.exec(log);
        if (stats && stats[1] !== '0') throw new Error(`stellar-etl ${args.join(' ')} failed ${stats[1]} transform(s):\n${log}`);
        for (let s = range[0]; s <= range[1]; s++) produced[table].push(s);
      }
      const byLedger = linesByLedger(outDir, table);
      for (const seq of byLedger.keys()) {
        if (produced[table].includes(seq)) continue;
        if (companions.includes(seq)) continue; // rows of a companion ledger are meaningless
        throw new Error(`stellar-etl wrote ${table} rows for ledger ${seq}, which was not asked for`);
      }
      if (produced[table].length > 0) mkdirSync(join(netDir, table), { recursive: true });
      for (const seq of produced[table]) {
        const lines = byLedger.get(seq) ?? [];
        writeFileSync(join(netDir, table, `${seq}.jsonl`), lines.map((l) => `${l}\n`).join(''));
      }
      const rowCount = produced[table].reduce((n, seq) => n + (byLedger.get(seq)?.length ?? 0), 0);
      console.error(`golden: ${table}: ${produced[table].length} ledger(s), ${rowCount} row(s)`);
    }

    const manifestPath = join(netDir, 'manifest.json');
    const prev = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : { tables: {}, withoutRows: {} };
    const merge = (a = [], b = []) => [...new Set([...a, ...b])].sort((x, y) => x - y);
    const manifest = {
      generator: 'scripts/golden/golden.mjs',
      network: opts.network,
      stellarEtl: `${versions.STELLAR_ETL_MODULE}@${versions.STELLAR_ETL_VERSION} (${versions.STELLAR_ETL_COMMIT})`,
      emulator: `${versions.FAKE_GCS_MODULE}@${versions.FAKE_GCS_VERSION}`,
      tables: Object.fromEntries(ALL_TABLES.map((t) => [t, merge(prev.tables?.[t], produced[t])]).filter(([, v]) => v.length)),
      withoutRows: Object.fromEntries(
        ALL_TABLES.map((t) => [t, merge(prev.withoutRows?.[t], withoutRows[t]).filter((s) => !produced[t]?.includes(s))]).filter(([, v]) => v.length),
      ),
      accountsViaCompanion: merge(prev.accountsViaCompanion, viaCompanion),
      note:
        'withoutRows: ledgers stellar-etl cannot export for that table from the given inputs (export_ledger_entry_changes emits nothing for a one-ledger range). ' +
        'accountsViaCompanion: isolated ledgers N whose accounts rows come from exporting N..N+1 with N+1 a relabelled copy of N (only N\'s rows kept).',
    };
    mkdirSync(netDir, { recursive: true });
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    console.error(`golden: wrote ${netDir}`);
  } finally {
    emulator?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
