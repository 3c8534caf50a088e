/**
 * Locates the shared fixture ledgers: `../shared/fixtures` beside the repository, or
 * `STELLAR_DUCKLAKE_FIXTURES`. Missing fixtures fail under `CI=true` and skip otherwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));

/** The fixtures directory. */
export const fixturesDir = resolve(process.env.STELLAR_DUCKLAKE_FIXTURES ?? join(repoRoot, '../shared/fixtures'));

/** Whether the fixtures are present; throws under CI when they are not. */
export function haveFixtures(): boolean {
  const ok = existsSync(join(fixturesDir, 'ledgers'));
  if (!ok && process.env.CI === 'true') throw new Error(`fixtures missing at ${fixturesDir} (set STELLAR_DUCKLAKE_FIXTURES)`);
  return ok;
}

/** Directory of the raw `<seq>.xdr` pubnet fixture ledgers. */
export const ledgersDir = join(fixturesDir, 'ledgers');

/** Sequences of the raw fixture ledgers, ascending. */
export function fixtureSequences(): number[] {
  return readdirSync(ledgersDir)
    .map((f) => /^(\d+)\.xdr$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The contiguous run 30822015–30822025 of the fixtures. */
export const contiguous = { start: 30822015, end: 30822025 } as const;

/** Raw bytes of one fixture ledger. */
export function ledgerBytes(seq: number): Uint8Array {
  return new Uint8Array(readFileSync(join(ledgersDir, `${seq}.xdr`)));
}

/** stellar-etl expected JSON lines of a table for a ledger, or undefined when there are none. */
export function expectedLines(table: 'ledgers' | 'transactions' | 'operations', seq: number): string[] | undefined {
  const p = join(fixturesDir, 'expected', table, `${seq}.jsonl`);
  if (!existsSync(p)) return undefined;
  return readFileSync(p, 'utf8').split('\n').filter(Boolean);
}

/** The repository root. */
export const root = repoRoot;
