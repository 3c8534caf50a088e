/**
 * Row derivation of `native_balances`, re-expressing the cases of stellar-etl's
 * `internal/transform/account_test.go` (TestTransformAccount): one fully populated removed account
 * and the negative-value errors, with the ledger header of that test (close time 1000, sequence 10).
 */
import { describe, expect, it } from 'vitest';
import { accountRow } from '../../src/accounts/account-row.js';
import type { EntryChange } from '../../src/accounts/entry-change.js';
import { ExtractError } from '../../src/errors.js';
import { toEtlJson } from '../../src/json.js';
import { accountAddress } from '../../src/strkey.js';
import type * as X from '../../src/xdr/types.js';
import { accountEntry, accountLedgerEntry, publicKey } from './helpers.js';

const account1 = 'GCEODJVUUVYVFD5KT4TOEDTMXQ76OPFOQC2EMYYMLPXQCUVPOB6XRWPQ';
const account2 = 'GAOEOQMXDDXPVJC3HDFX6LZFKANJ4OOLQOD2MNXJ7PGAY5FEO4BRRAQU';
const account3 = 'GBT4YAEGJQ5YSFUMNKX6BPBUOCPNAIOFAVZOF6MIME2CECBMEIUXFZZN';
const zeroAccount: X.PublicKey = { type: 0, ed25519: new Uint8Array(32) };
const header = { sequence: 10, closedAt: new Date(1000 * 1000) };

/** A REMOVED change of an account entry, like the test's `wrapAccountEntry`. */
function removedChange(account: X.AccountEntry, lastModified = 0, ext: X.LedgerEntryExt = { type: 0 }): EntryChange {
  return { changeType: 2, entryType: 0, pre: accountLedgerEntry(account, lastModified, ext), post: null, key: '' };
}

describe('accountRow (stellar-etl TransformAccount)', () => {
  it('decodes the strkeys used by the cases', () => {
    for (const a of [account1, account2, account3]) expect(accountAddress(publicKey(a))).toBe(a);
  });

  it('turns the fully populated removed account into stellar-etl’s row', () => {
    const entry = accountEntry({
      accountId: publicKey(account1),
      balance: 10959979n,
      seqNum: 117801117454198833n,
      numSubEntries: 141,
      inflationDest: publicKey(account2),
      flags: 4,
      homeDomain: new TextEncoder().encode('examplehome.com'),
      thresholds: new Uint8Array([2, 1, 3, 5]),
      ext: {
        type: 1,
        v1: {
          liabilities: { buying: 1000n, selling: 1500n },
          ext: { type: 2, v2: { numSponsored: 3, numSponsoring: 1, signerSponsoringIDs: [], ext: { type: 0 } } },
        },
      },
    });
    const row = accountRow(removedChange(entry, 30705278, { type: 1, v1: { sponsoringId: publicKey(account3), ext: { type: 0 } } }), header);
    expect(row).toEqual({
      account_id: account1,
      balance: 1.0959979,
      buying_liabilities: 0.0001,
      selling_liabilities: 0.00015,
      sequence_number: 117801117454198833n,
      sequence_ledger: 0,
      sequence_time: 0n,
      num_subentries: 141,
      inflation_destination: account2,
      flags: 4,
      home_domain: 'examplehome.com',
      master_weight: 2,
      threshold_low: 1,
      threshold_medium: 3,
      threshold_high: 5,
      sponsor: account3,
      num_sponsored: 3,
      num_sponsoring: 1,
      last_modified_ledger: 30705278,
      ledger_entry_change: 2,
      deleted: true,
      closed_at: new Date('1970-01-01T00:16:40Z'),
      ledger_sequence: 10,
    });
    // The JSON line: Go marshals the struct, stellar-etl re-marshals it with keys in byte order.
    expect(toEtlJson('native_balances', row)).toBe(
      `{"account_id":"${account1}","balance":1.0959979,"buying_liabilities":0.0001,"closed_at":"1970-01-01T00:16:40Z",` +
        `"deleted":true,"flags":4,"home_domain":"examplehome.com","inflation_destination":"${account2}",` +
        `"last_modified_ledger":30705278,"ledger_entry_change":2,"ledger_sequence":10,"master_weight":2,` +
        `"num_sponsored":3,"num_sponsoring":1,"num_subentries":141,"selling_liabilities":0.00015,"sequence_ledger":0,` +
        `"sequence_number":117801117454198833,"sequence_time":0,"sponsor":"${account3}","threshold_high":5,` +
        `"threshold_low":1,"threshold_medium":3}`,
    );
  });

  it('writes sponsor null and zero sequence ledger/time when the extensions are absent', () => {
    const row = accountRow(removedChange(accountEntry({ accountId: zeroAccount })), header);
    expect(row.sponsor).toBeNull();
    expect(row.sequence_ledger).toBe(0);
    expect(row.sequence_time).toBe(0n);
    expect(row.num_sponsored).toBe(0);
    expect(row.buying_liabilities).toBe(0);
    expect(row.inflation_destination).toBe('');
    expect(toEtlJson('native_balances', row)).toContain('"sponsor":null');
  });

  it('reads sequence ledger and time from AccountEntryExtensionV3', () => {
    const entry = accountEntry({
      accountId: zeroAccount,
      ext: {
        type: 1,
        v1: {
          liabilities: { buying: 0n, selling: 0n },
          ext: { type: 2, v2: { numSponsored: 0, numSponsoring: 2, signerSponsoringIDs: [], ext: { type: 3, v3: { ext: { type: 0 }, seqLedger: 123, seqTime: 1700000000n } } } },
        },
      },
    });
    const row = accountRow({ changeType: 0, entryType: 0, pre: null, post: accountLedgerEntry(entry, 10), key: '' }, header);
    expect(row.sequence_ledger).toBe(123);
    expect(row.sequence_time).toBe(1700000000n);
    expect(row.num_sponsoring).toBe(2);
    expect(row.deleted).toBe(false);
    expect(row.ledger_entry_change).toBe(0);
  });

  const negative: [string, X.AccountEntry, string][] = [
    ['balance', accountEntry({ accountId: zeroAccount, balance: -1n }), 'balance is negative (-1)'],
    [
      'buying liabilities',
      accountEntry({ accountId: zeroAccount, ext: { type: 1, v1: { liabilities: { buying: -1n, selling: 0n }, ext: { type: 0 } } } }),
      'buying liabilities is negative (-1)',
    ],
    [
      'selling liabilities',
      accountEntry({ accountId: zeroAccount, ext: { type: 1, v1: { liabilities: { buying: 0n, selling: -2n }, ext: { type: 0 } } } }),
      'selling liabilities is negative (-2)',
    ],
    ['sequence number', accountEntry({ accountId: zeroAccount, seqNum: -3n }), 'sequence number is negative (-3)'],
  ];

  it.each(negative)('rejects a negative %s', (_what, entry, message) => {
    const attempt = () => accountRow(removedChange(entry), header);
    expect(attempt).toThrow(ExtractError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow(accountAddress(zeroAccount));
    try {
      attempt();
    } catch (e) {
      expect((e as ExtractError).code).toBe('INVALID_VALUE');
      expect((e as ExtractError).ledger).toBe(10);
    }
  });
});
