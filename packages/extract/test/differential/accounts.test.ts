/**
 * Differential test of `native_balances` against the real stellar-etl's `accounts` rows of
 * `export_ledger_entry_changes` for every ledger the golden generator could export (the consecutive
 * 2020 fixture ledgers 30822015–30822025). stellar-etl writes a ledger's accounts in Go map order,
 * so each ledger's lines are compared as multisets (sorted), byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { extractLedger, Networks, toEtlJson } from '../../src/index.js';
import { haveFixtures, readFixture } from '../fixtures.js';
import { goldenLines, goldenManifest } from './golden-output.js';

const manifest = haveFixtures() ? goldenManifest('pubnet') : null;
const ledgers = manifest?.tables.accounts ?? [];

describe.skipIf(manifest === null)('native_balances vs stellar-etl accounts (pubnet, per-ledger multisets)', () => {
  it('covers the consecutive 2020 fixture ledgers', () => {
    for (let seq = 30822015; seq <= 30822025; seq++) expect(ledgers).toContain(seq);
  });

  it.each(ledgers)('ledger %i: same accounts lines as stellar-etl', (seq) => {
    const rows = extractLedger(readFixture(`ledgers/${seq}.xdr`), { networkPassphrase: Networks.PUBNET }).nativeBalances;
    const ours = rows.map((r) => toEtlJson('native_balances', r)).sort();
    const theirs = goldenLines('pubnet', 'accounts', seq).sort();
    expect(theirs.length).toBeGreaterThan(0);
    const theirSet = new Set(theirs);
    const ourSet = new Set(ours);
    expect({ onlyOurs: ours.filter((l) => !theirSet.has(l)), onlyTheirs: theirs.filter((l) => !ourSet.has(l)) }).toEqual({
      onlyOurs: [],
      onlyTheirs: [],
    });
    expect(ours).toEqual(theirs);
  });
});
