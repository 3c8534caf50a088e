import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared fixtures directory: `STELLAR_DUCKLAKE_FIXTURES`, else `../shared/fixtures` beside the repository. */
export function fixturesDir(): string {
  const dir = process.env.STELLAR_DUCKLAKE_FIXTURES ?? fileURLToPath(new URL('../../../../../shared/fixtures', import.meta.url));
  if (!existsSync(dir)) throw new Error(`fixtures not found at ${dir}: set STELLAR_DUCKLAKE_FIXTURES`);
  return dir;
}
