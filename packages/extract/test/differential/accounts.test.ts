/**
 * Differential test of `native_balances` against the real stellar-etl's `accounts` rows of
 * `export_ledger_entry_changes`, for every fixture ledger the golden generator exported: the
 * consecutive 2020 ledgers 30822015–30822025, and (through companion ledgers) the isolated 30820015,
 * pubnet 53312000 (LedgerCloseMeta v1, fee bumps, Soroban) and testnet 982180 (LedgerCloseMeta v2,
 * post-apply fee changes). stellar-etl writes a ledger's accounts in Go map order, so each ledger's
 * lines are compared as multisets (sorted), byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { extractLedger, Networks, toEtlJson } from '../../src/index.js';
import { haveFixtures, manifest as fixtures, readFixture } from '../fixtures.js';
import { goldenLines, goldenManifest } from './golden-output.js';

const present = haveFixtures();

/** The fixture file of every ledger, by golden network name. */
const files = new Map<string, string>(
  [...fixtures.ledgers, ...fixtures.modern].map((l) => [`${l.network.toLowerCase()}:${l.sequence}`, l.file]),
);

for (const network of ['pubnet', 'testnet'] as const) {
  const manifest = present ? goldenManifest(network) : null;
  const ledgers = manifest?.tables.accounts ?? [];
  const passphrase = network === 'pubnet' ? Networks.PUBNET : Networks.TESTNET;

  describe.skipIf(manifest === null)(`native_balances vs stellar-etl accounts (${network}, per-ledger multisets)`, () => {
    it('covers the fixture ledgers', () => {
      const expected = network === 'pubnet' ? [30820015, 53312000, ...Array.from({ length: 11 }, (_, i) => 30822015 + i)] : [982180];
      for (const seq of expected) expect(ledgers).toContain(seq);
    });

    it.each(ledgers)('ledger %i: same accounts lines as stellar-etl', (seq) => {
      const file = files.get(`${network}:${seq}`);
      expect(file, `no fixture file for ${network} ledger ${seq}`).toBeDefined();
      const rows = extractLedger(readFixture(file!), { networkPassphrase: passphrase }).nativeBalances;
      const ours = rows.map((r) => toEtlJson('native_balances', r)).sort();
      const theirs = goldenLines(network, 'accounts', seq).sort();
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
}
