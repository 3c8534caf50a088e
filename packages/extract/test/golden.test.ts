/**
 * Golden test: for every fixture ledger with stellar-etl expected rows, each row's `toEtlJson` line
 * equals stellar-etl's line byte for byte, in id order.
 */
import { describe, expect, it } from 'vitest';
import { buildLedgerContext } from '../src/build-context.js';
import { toEtlJson } from '../src/json.js';
import { extractLedger } from '../src/extract-ledger.js';
import { ledgerRow } from '../src/tables/ledgers.js';
import { transactionRows } from '../src/tables/transactions.js';
import { expectedLines, haveFixtures, manifest, passphrase, readFixture } from './fixtures.js';

const present = haveFixtures();

/** Compares line by line so a failure names the first differing row and column. */
function expectSameLines(actual: string[], expected: string[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i]) {
      const a = JSON.parse(actual[i]!) as Record<string, unknown>;
      const e = JSON.parse(expected[i]!) as Record<string, unknown>;
      const keys = [...new Set([...Object.keys(a), ...Object.keys(e)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(e[k]));
      expect({ row: i, differingKeys: keys, line: actual[i] }).toEqual({ row: i, differingKeys: [], line: expected[i] });
    }
  }
}

describe.skipIf(!present)('stellar-etl goldens', () => {
  it('the manifest covers every expected-rows file', () => {
    const withExpected = manifest.ledgers.filter((l) => l.expected.length > 0);
    expect(withExpected.length).toBeGreaterThanOrEqual(7);
    expect(withExpected.filter((l) => l.expected.includes('ledgers')).length).toBe(6);
  });

  for (const fixture of manifest.ledgers.filter((l) => l.expected.length > 0)) {
    describe(`ledger ${fixture.sequence}`, () => {
      const load = () => buildLedgerContext(readFixture(fixture.file), passphrase(fixture.network));

      if (fixture.expected.includes('ledgers')) {
        it('ledgers row matches byte for byte', () => {
          expectSameLines([toEtlJson('ledgers', ledgerRow(load()))], expectedLines('ledgers', fixture.sequence));
        });
      }
      if (fixture.expected.includes('transactions')) {
        it('transactions rows match byte for byte, in id order', () => {
          const rows = transactionRows(load());
          const ids = rows.map((r) => r.id);
          expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
          expectSameLines(
            rows.map((r) => toEtlJson('transactions', r)),
            expectedLines('transactions', fixture.sequence),
          );
        });
      }
      if (fixture.expected.includes('operations')) {
        it('operations rows match byte for byte, in id order', () => {
          const rows = extractLedger(readFixture(fixture.file), { networkPassphrase: passphrase(fixture.network) }).operations;
          expectSameLines(
            rows.map((r) => toEtlJson('operations', r)),
            expectedLines('operations', fixture.sequence),
          );
        });
      }
    });
  }
});
