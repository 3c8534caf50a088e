/**
 * Reads the real stellar-etl's rows written by the golden generator (`pnpm golden`, see
 * scripts/golden/golden.mjs): `<golden>/<network>/<table>/<seq>.jsonl` plus a `manifest.json` per
 * network. The directory is `STELLAR_DUCKLAKE_GOLDEN`, else `.golden` at the repository root.
 * Under `CI=true` missing output fails the run unless `pnpm golden` recorded why stellar-etl is
 * unavailable; elsewhere the differential suites are skipped with a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');

/** Directory the golden generator wrote to. */
export const goldenDir = process.env.STELLAR_DUCKLAKE_GOLDEN ?? join(repoRoot, '.golden');

/** stellar-etl output names the generator writes. */
export type GoldenTable = 'ledgers' | 'transactions' | 'operations' | 'accounts';

/** `<golden>/<network>/manifest.json`. */
export interface GoldenManifest {
  network: string;
  stellarEtl: string;
  emulator: string;
  /** Ledgers whose rows were generated, per table. */
  tables: Partial<Record<GoldenTable, number[]>>;
  /** Ledgers stellar-etl cannot export for a table from the inputs given. */
  withoutRows: Partial<Record<GoldenTable, number[]>>;
  /** Isolated ledgers whose accounts rows were exported together with a relabelled copy as successor. */
  accountsViaCompanion?: number[];
}

/**
 * Whether golden output exists at `dir` (its `manifest.json`). When it does not, a recorded reason
 * why stellar-etl is unavailable (`<golden>/UNAVAILABLE`, written by `pnpm golden`) is reported and
 * the suite is not run; without that record, missing output throws under `CI=true` (`generate` says
 * how to make it) and is reported elsewhere.
 */
export function goldenPresent(dir: string, generate: string): boolean {
  if (existsSync(join(dir, 'manifest.json'))) return true;
  const blocked = join(goldenDir, 'UNAVAILABLE');
  if (existsSync(blocked)) {
    console.warn(`differential tests against stellar-etl are not run: ${readFileSync(blocked, 'utf8').trim()}`);
    return false;
  }
  const msg = `stellar-etl golden output not found at ${dir}: ${generate}`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`${msg}; differential tests are skipped`);
  return false;
}

/**
 * The manifest of a network's golden output, or null when there is none (see {@link goldenPresent}).
 */
export function goldenManifest(network: 'pubnet' | 'testnet'): GoldenManifest | null {
  const dir = join(goldenDir, network);
  if (!goldenPresent(dir, 'run `pnpm golden` (scripts/golden/) first')) return null;
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as GoldenManifest;
}

/** The exact text of stellar-etl's rows of a table for one ledger (one line per row). */
export function goldenText(network: 'pubnet' | 'testnet', table: GoldenTable, seq: number): string {
  const path = join(goldenDir, network, table, `${seq}.jsonl`);
  if (!existsSync(path)) throw new Error(`stellar-etl golden file ${path} is missing: rerun \`pnpm golden\``);
  return readFileSync(path, 'utf8');
}

/** stellar-etl's rows of a table for one ledger, as lines without their newline. */
export function goldenLines(network: 'pubnet' | 'testnet', table: GoldenTable, seq: number): string[] {
  return goldenText(network, table, seq)
    .split('\n')
    .filter((l) => l.length > 0);
}

/**
 * Asserts two lists of JSON lines are equal in order; on the first difference it reports the row
 * index and the keys whose values differ, then both lines.
 */
export function expectSameLines(actual: readonly string[], expected: readonly string[]): void {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) {
      let keys: string[] = [];
      try {
        const a = JSON.parse(actual[i]!) as Record<string, unknown>;
        const e = JSON.parse(expected[i]!) as Record<string, unknown>;
        keys = [...new Set([...Object.keys(a), ...Object.keys(e)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(e[k]));
      } catch {
        keys = ['(unparsable line)'];
      }
      expect({ row: i, differingKeys: keys, line: actual[i] }).toEqual({ row: i, differingKeys: [], line: expected[i] });
    }
  }
  expect(actual.length).toBe(expected.length);
}
