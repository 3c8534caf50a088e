/**
 * Test environment: fixture and extension locations, temporary directories.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractLedger, Networks, type LedgerRows } from '@stellar-ducklake/extract';

/** Root of the repository. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Root of the sink package. */
export const packageRoot = resolve(repoRoot, 'packages/sink-ducklake');
/** Whether the tests run in CI, where missing prerequisites fail instead of skipping. */
export const inCI = process.env.CI === 'true';

/**
 * The DuckDB extension directory the tests use: `STELLAR_DUCKLAKE_EXTENSION_DIR`, else the repo's
 * `.extensions` (filled by `pnpm extensions:offline`). Fails when the ducklake extension is not
 * there, since the machines running these tests have no access to extensions.duckdb.org.
 */
export function extensionDirectory(): string {
  const dir = resolve(process.env.STELLAR_DUCKLAKE_EXTENSION_DIR ?? join(repoRoot, '.extensions'));
  const os = ({ linux: 'linux', darwin: 'osx', win32: 'windows' } as Record<string, string>)[process.platform];
  const arch = ({ x64: 'amd64', arm64: 'arm64' } as Record<string, string>)[process.arch];
  const found = existsSync(dir) && readdirSync(dir).some((v) => existsSync(join(dir, v, `${os}_${arch}`, 'ducklake.duckdb_extension')));
  if (!found) {
    throw new Error(`no DuckDB extensions in ${dir}: run \`pnpm extensions:offline\` (or set STELLAR_DUCKLAKE_EXTENSION_DIR).`);
  }
  return dir;
}

/** The fixture directory (`STELLAR_DUCKLAKE_FIXTURES` or `../shared/fixtures` next to the repo). */
export function fixturesDir(): string {
  return resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(repoRoot, '../shared/fixtures'));
}

/** Sequences of the fixture ledgers, ascending. */
export function fixtureLedgers(): number[] {
  const dir = join(fixturesDir(), 'ledgers');
  if (!existsSync(dir)) throw new Error(`fixture ledgers not found in ${dir} (set STELLAR_DUCKLAKE_FIXTURES)`);
  return readdirSync(dir)
    .filter((f) => /^\d+\.xdr$/.test(f))
    .map((f) => Number(f.slice(0, -4)))
    .sort((a, b) => a - b);
}

/** The extractor's rows of one fixture ledger. */
export function fixtureRows(seq: number): LedgerRows {
  const bytes = readFileSync(join(fixturesDir(), 'ledgers', `${seq}.xdr`));
  return extractLedger(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { networkPassphrase: Networks.PUBNET });
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'sink-ducklake-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The extractor's rows of a `modern/` fixture (`pubnet-53312000/53312000.xdr`, ...). */
export function modernFixtureRows(path: string, networkPassphrase: string): LedgerRows {
  const file = join(fixturesDir(), 'modern', path);
  if (!existsSync(file)) throw new Error(`fixture ${file} not found (set STELLAR_DUCKLAKE_FIXTURES)`);
  const bytes = readFileSync(file);
  return extractLedger(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { networkPassphrase });
}
