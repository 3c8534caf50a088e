#!/usr/bin/env node
/**
 * `pnpm bench`: runs the page compression benchmark, then the DuckLake ingest benchmark
 * (TypeScript, through tsx) from this package. Arguments are passed on to the ingest benchmark
 * (e.g. `--runs 5 --copies 40`).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const bench of ['codec.bench.ts', 'ingest.bench.ts']) {
  const args = bench === 'ingest.bench.ts' ? process.argv.slice(2) : [];
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', bench), ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
