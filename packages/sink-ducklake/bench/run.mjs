#!/usr/bin/env node
/**
 * `pnpm bench`: runs the DuckLake ingest benchmark (TypeScript, through tsx) from this package.
 * Arguments are passed on (e.g. `--runs 5 --copies 40`).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/ingest.bench.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
