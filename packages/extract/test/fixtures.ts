/**
 * Locates the shared fixture ledgers and the repository's fixture manifest. Fixtures are read in
 * place (never copied into the repository). Under `CI=true` a missing fixture directory fails the
 * run; elsewhere the fixture-driven suites are skipped with a message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Networks } from '../src/networks.js';
import type { TableName } from '../src/schema/index.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** Directory of the shared fixtures. */
export const fixturesDir = process.env.STELLAR_DUCKLAKE_FIXTURES ?? resolve(repoRoot, '../shared/fixtures');

/** Whether the shared fixtures are present. Throws under CI when they are not. */
export function haveFixtures(): boolean {
  if (existsSync(join(fixturesDir, 'ledgers'))) return true;
  if (process.env.CI === 'true') {
    throw new Error(`fixtures not found at ${fixturesDir}: set STELLAR_DUCKLAKE_FIXTURES to the shared fixtures directory`);
  }
  console.warn(`fixtures not found at ${fixturesDir}; fixture tests are skipped (set STELLAR_DUCKLAKE_FIXTURES)`);
  return false;
}

/** One fixture ledger of the manifest. */
export interface FixtureLedger {
  sequence: number;
  file: string;
  network: keyof typeof Networks;
  expected: TableName[];
}

/** A modern (protocol 20+) ledger of the manifest. */
export interface ModernLedger {
  sequence: number;
  file: string;
  network: keyof typeof Networks;
  lcmVersion: number;
  protocolVersion: number;
}

/** `fixtures/manifest.json` at the repository root. */
export interface FixtureManifest {
  ledgers: FixtureLedger[];
  modern: ModernLedger[];
  modernManifest: string;
}

/** The repository's fixture manifest. */
export const manifest: FixtureManifest = JSON.parse(readFileSync(join(repoRoot, 'fixtures/manifest.json'), 'utf8'));

/** Bytes of a fixture file. */
export function readFixture(file: string): Uint8Array {
  const path = join(fixturesDir, file);
  if (!existsSync(path)) throw new Error(`fixture ${path} is missing`);
  return new Uint8Array(readFileSync(path));
}

/** Expected stellar-etl JSON lines of a table for a ledger (file order = id order). */
export function expectedLines(table: TableName, sequence: number): string[] {
  const text = new TextDecoder().decode(readFixture(`expected/${table}/${sequence}.jsonl`));
  return text.split('\n').filter((l) => l.length > 0);
}

/** The passphrase of a manifest network name. */
export function passphrase(network: keyof typeof Networks): string {
  return Networks[network];
}
