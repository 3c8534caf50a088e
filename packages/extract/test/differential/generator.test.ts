/**
 * Checks the golden generator itself: what it produced by running the real stellar-etl on the 2020
 * fixture ledgers must equal, byte for byte, the stellar-etl expected rows shipped with the
 * fixtures (taken from stellar-etl's own test goldens).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, haveFixtures } from '../fixtures.js';
import { goldenManifest, goldenText } from './golden-output.js';

const pubnet = haveFixtures() ? goldenManifest('pubnet') : null;

const expectedFiles = (table: 'ledgers' | 'transactions' | 'operations'): number[] => {
  const dir = join(fixturesDir, 'expected', table);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => Number(f.slice(0, -'.jsonl'.length)))
        .sort((a, b) => a - b)
    : [];
};

describe.skipIf(pubnet === null)('golden generator on the 2020 fixture ledgers', () => {
  for (const table of ['ledgers', 'transactions', 'operations'] as const) {
    const seqs = expectedFiles(table);

    it(`covers every ledger with expected ${table} rows`, () => {
      expect(seqs.length).toBeGreaterThanOrEqual(6);
      for (const seq of seqs) expect(pubnet!.tables[table]).toContain(seq);
    });

    it.each(seqs)(`${table} of ledger %i equal the fixture's expected rows byte for byte`, (seq) => {
      const expected = readFileSync(join(fixturesDir, 'expected', table, `${seq}.jsonl`), 'utf8');
      const generated = goldenText('pubnet', table, seq);
      expect(generated.length).toBeGreaterThan(0);
      expect(generated).toBe(expected);
    });
  }

  it('has accounts rows for 30822015–30822025 from one consecutive export and for 30820015 through a companion', () => {
    const accounts = pubnet!.tables.accounts ?? [];
    for (let seq = 30822015; seq <= 30822025; seq++) {
      expect(accounts).toContain(seq);
      expect(pubnet!.accountsViaCompanion ?? []).not.toContain(seq);
    }
    expect(accounts).toContain(30820015);
    expect(pubnet!.accountsViaCompanion).toContain(30820015);
    expect(pubnet!.withoutRows.accounts ?? []).toEqual([]);
  });
});
