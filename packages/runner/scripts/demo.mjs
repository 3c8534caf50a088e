#!/usr/bin/env node
/**
 * The demo: builds the CLI, makes sure the DuckDB extensions can load, serves the fixture ledgers
 * over the real gRPC path (`serve`), ingests them with `run` into a DuckLake under `./lake`, and
 * prints a summary `query`.
 *
 * Fixtures: `../shared/fixtures` beside the repository, or the directory named by
 * `STELLAR_DUCKLAKE_FIXTURES`. Extensions: `STELLAR_DUCKLAKE_EXTENSION_DIR` when set, else
 * `.extensions/` at the repository root, fetched with `pnpm extensions:offline` when missing and
 * extensions.duckdb.org is unreachable.
 *
 * Usage: pnpm demo [--lake DIR] [--streams N] [--files]   (--files reads the files directly)
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageDir, '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const lake = resolve(opt('--lake', 'lake'));
const streams = opt('--streams', '6');
const viaFiles = args.includes('--files');

const step = (msg) => console.error(`\n== ${msg}`);
const fail = (msg) => {
  console.error(`demo: ${msg}`);
  process.exit(1);
};

// 1. Fixtures.
const fixtures = resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(repoRoot, '../shared/fixtures'));
const ledgersDir = join(fixtures, 'ledgers');
if (!existsSync(ledgersDir)) fail(`no fixture ledgers at ${ledgersDir}; set STELLAR_DUCKLAKE_FIXTURES to the fixtures directory.`);
const sequences = readdirSync(ledgersDir)
  .map((f) => /^(\d+)\.xdr$/.exec(f)?.[1])
  .filter(Boolean)
  .map(Number)
  .sort((a, b) => a - b);
if (!sequences.length) fail(`no <seq>.xdr files in ${ledgersDir}`);
/** Contiguous runs of the fixture ledgers: one `run` each (a gap in a range is an error). */
const runs = [];
for (const s of sequences) {
  const last = runs.at(-1);
  if (last && s === last.end + 1) last.end = s;
  else runs.push({ start: s, end: s });
}

// 2. Build the CLI and the packages it loads.
step('building');
execFileSync('pnpm', ['--filter', 'stellar-ducklake-run...', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
const cli = join(packageDir, 'dist/cli.js');

// 3. DuckDB extensions.
async function online() {
  try {
    const res = await fetch('http://extensions.duckdb.org/', { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    return res.status < 500;
  } catch {
    return false;
  }
}
const env = { ...process.env };
if (!env.STELLAR_DUCKLAKE_EXTENSION_DIR) {
  const local = join(repoRoot, '.extensions');
  if (existsSync(local)) env.STELLAR_DUCKLAKE_EXTENSION_DIR = local;
  else if (!(await online())) {
    step('extensions.duckdb.org unreachable: fetching the extensions from PyPI (pnpm extensions:offline)');
    execFileSync('pnpm', ['extensions:offline'], { cwd: repoRoot, stdio: 'inherit' });
    env.STELLAR_DUCKLAKE_EXTENSION_DIR = local;
  }
}

/** Runs the CLI and resolves to its exit code. */
function runCli(cliArgs, { capture = false } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [cli, ...cliArgs], { env, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d) => (out += d));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, out, child }));
  });
}

// 4. Serve the fixtures over gRPC on loopback.
let server;
let source = `files:${ledgersDir}`;
if (!viaFiles) {
  step(`serving ${ledgersDir} over gRPC`);
  server = spawn(process.execPath, [cli, 'serve', '--source', `files:${ledgersDir}`, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  source = await new Promise((resolvePromise, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /listening (\S+)/.exec(out);
      if (m) resolvePromise(`grpc://${m[1]}`);
    });
    server.on('close', (code) => reject(new Error(`serve exited with ${code}`)));
  }).catch((e) => fail(e.message));
}
const stopServer = () => server?.kill('SIGTERM');
process.on('exit', stopServer);

// 5. Ingest every contiguous run into ./lake.
for (const r of runs) {
  step(`run ${r.start}-${r.end} from ${source} into ${lake}`);
  const { code } = await runCli(['run', '--source', source, '--start', String(r.start), '--end', String(r.end), '--lake', lake, '--streams', streams]);
  if (code !== 0) fail(`run exited with ${code}`);
}

// 6. Summary.
step('summary');
const summary = await runCli([
  'query',
  '--lake',
  lake,
  `SELECT l.sequence, l.closed_at, l.successful_transaction_count AS ok_txs, l.failed_transaction_count AS failed_txs,
          (SELECT count(*) FROM operations o WHERE o.ledger_sequence = l.sequence) AS operations,
          (SELECT count(*) FROM native_balances n WHERE n.ledger_sequence = l.sequence) AS native_balances
     FROM ledgers l ORDER BY l.sequence`,
]);
stopServer();
process.exit(summary.code);
