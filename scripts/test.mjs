#!/usr/bin/env node
/**
 * `pnpm test`: makes sure the DuckDB extensions the tests load are in `.extensions/` (`pnpm
 * extensions:offline`, from PyPI, unless STELLAR_DUCKLAKE_EXTENSION_DIR names a directory), and
 * that stellar-etl's rows for the differential tests exist (`pnpm golden` when `.golden/` holds
 * neither output nor a recorded reason why stellar-etl is unavailable); then runs every package's
 * tests, one package at a time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const golden = process.env.STELLAR_DUCKLAKE_GOLDEN ?? join(root, '.golden');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (!process.env.STELLAR_DUCKLAKE_EXTENSION_DIR && !existsSync(join(root, '.extensions'))) {
  console.error('test: placing the DuckDB extensions in .extensions/ (pnpm extensions:offline)');
  const status = run('node', ['scripts/extensions-offline.mjs', '--dir', '.extensions']);
  if (status !== 0) process.exit(status);
}

const haveGolden = ['pubnet', 'testnet'].every((n) => existsSync(join(golden, n, 'manifest.json'))) || existsSync(join(golden, 'UNAVAILABLE'));
if (!haveGolden) {
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0) {
    console.error('test: generating stellar-etl golden rows (pnpm golden)');
    const status = run('bash', ['scripts/golden/golden.sh']);
    if (status !== 0) process.exit(status);
  } else {
    console.error('test: Go is not installed, so stellar-etl golden rows cannot be generated; the differential tests will say so');
  }
}
// Run the packages' suites, echoing their output, and close with one plain summary line.
const child = spawn('pnpm', ['-r', '--workspace-concurrency=1', 'test'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
let passed = 0;
let failed = 0;
let pending = '';
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (pending + chunk.toString()).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
    const m = /^\s*Tests\s+(.*)$/.exec(plain);
    if (!m) continue;
    passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
  }
});
child.on('close', (code) => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code ?? 1);
});
