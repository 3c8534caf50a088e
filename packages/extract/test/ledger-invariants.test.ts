/**
 * Every fixture ledger — the 2020 ledgers and the two modern ones (protocol 21 pubnet LCM v1,
 * protocol 25 testnet LCM v2 with a parallel Soroban phase) — extracts without error, and its rows
 * agree with the header, with the recorded fixture checks, and with values recomputed here from
 * the raw XDR through an independent decoder (@stellar/stellar-base).
 */
import { createHash } from 'node:crypto';
import { FeeBumpTransaction, StrKey, TransactionBuilder, xdr } from '@stellar/stellar-base';
import { describe, expect, it } from 'vitest';
import { toEtlJson } from '../src/json.js';
import { extractLedger } from '../src/extract-ledger.js';
import type { LedgerRows } from '../src/schema/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, haveFixtures, manifest, passphrase, readFixture } from './fixtures.js';

const present = haveFixtures();

interface Recorded {
  tx_count: number;
  successful_tx_count: number;
  tx_set_operation_count?: number;
  successful_operation_count?: number;
  operation_count?: number;
  ledger_hash?: string;
  closed_at?: string;
  soroban_tx_count?: number;
  fee_bump_tx_count?: number;
  lcm_version?: number;
  protocol_version: number;
}

function recordedChecks(sequence: number): Recorded {
  const modern = manifest.modern.find((m) => m.sequence === sequence);
  if (modern === undefined) {
    const v = JSON.parse(readFileSync(join(fixturesDir, 'validation.json'), 'utf8')) as { ledgers: Record<string, Recorded> };
    return v.ledgers[String(sequence)]!;
  }
  const m = JSON.parse(readFileSync(join(fixturesDir, manifest.modernManifest), 'utf8')) as {
    samples: { ledgers: (Recorded & { sequence: number })[] }[];
  };
  return m.samples.flatMap((s) => s.ledgers).find((l) => l.sequence === sequence)!;
}

const sha256hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Balance decrease of `account` in a fee-processing change list, via stellar-base. */
function feeDebit(feeMetaB64: string, account: string): bigint {
  const changes = xdr.LedgerEntryChanges.fromXDR(feeMetaB64, 'base64') as unknown as xdr.LedgerEntryChange[];
  let start = 0n;
  let end = 0n;
  for (const c of changes) {
    const arm = c.switch().name;
    if (arm !== 'ledgerEntryState' && arm !== 'ledgerEntryUpdated') continue;
    const entry = arm === 'ledgerEntryState' ? c.state() : c.updated();
    if (entry.data().switch().name !== 'account') continue;
    const acct = entry.data().account();
    if (StrKey.encodeEd25519PublicKey(acct.accountId().ed25519()) !== account) continue;
    if (arm === 'ledgerEntryState') start = BigInt(acct.balance().toString());
    else end = BigInt(acct.balance().toString());
  }
  return start - end;
}

const all = [
  ...manifest.ledgers.map((l) => ({ sequence: l.sequence, file: l.file, network: l.network, lcmVersion: 0 })),
  ...manifest.modern.map((m) => ({ sequence: m.sequence, file: m.file, network: m.network, lcmVersion: m.lcmVersion })),
];

describe.skipIf(!present)('rows agree with the ledger data', () => {
  for (const f of all) {
    describe(`ledger ${f.sequence}`, () => {
      let rows: LedgerRows;
      const get = () => (rows ??= extractLedger(readFixture(f.file), { networkPassphrase: passphrase(f.network) }));

      it('ledger row agrees with the header and the recorded checks', () => {
        const { ledger } = get();
        const rec = recordedChecks(f.sequence);
        const header = Buffer.from(ledger.ledger_header, 'base64');
        expect(sha256hex(header)).toBe(ledger.ledger_hash);
        const h = xdr.LedgerHeader.fromXDR(header);
        expect(ledger.sequence).toBe(f.sequence);
        expect(ledger.protocol_version).toBe(rec.protocol_version);
        expect(ledger.closed_at.getTime()).toBe(Number(h.scpValue().closeTime().toBigInt()) * 1000);
        expect(ledger.total_coins).toBe(h.totalCoins().toBigInt());
        expect(ledger.id).toBe(BigInt(f.sequence) << 32n);
        expect(ledger.successful_transaction_count).toBe(rec.successful_tx_count);
        expect(ledger.transaction_count).toBe(rec.successful_tx_count);
        expect(ledger.failed_transaction_count).toBe(rec.tx_count - rec.successful_tx_count);
        if (rec.tx_set_operation_count !== undefined) expect(ledger.tx_set_operation_count).toBe(rec.tx_set_operation_count);
        if (rec.successful_operation_count !== undefined) expect(ledger.operation_count).toBe(rec.successful_operation_count);
        if (rec.operation_count !== undefined) expect(ledger.tx_set_operation_count).toBe(rec.operation_count);
        if (rec.ledger_hash !== undefined) expect(ledger.ledger_hash).toBe(rec.ledger_hash);
        if (rec.closed_at !== undefined) expect(toEtlJson('ledgers', ledger)).toContain(`"closed_at":"${rec.closed_at}"`);
        if (f.lcmVersion === 0) {
          expect(ledger.evicted_ledger_keys_hash).toBeNull();
          expect(ledger.soroban_fee_write_1kb).toBe(0n);
        } else {
          expect(ledger.evicted_ledger_keys_hash).toEqual(expect.any(Array));
          expect(ledger.soroban_fee_write_1kb).toBeGreaterThan(0n);
          expect(ledger.total_byte_size_of_live_soroban_state).toBeGreaterThan(0n);
          expect(ledger.node_id).toMatch(/^G[A-Z2-7]{55}$/);
        }
      });

      it('transactions: ids, hashes recomputed by stellar-base, counts, fees', () => {
        const { ledger, transactions } = get();
        let sorobanChecked = 0;
        const rec = recordedChecks(f.sequence);
        expect(transactions.length).toBe(rec.tx_count);
        transactions.forEach((t, i) => {
          expect(t.id).toBe((BigInt(f.sequence) << 32n) | (BigInt(i + 1) << 12n));
          const parsed = TransactionBuilder.fromXDR(t.tx_envelope, passphrase(f.network));
          expect(parsed.hash().toString('hex')).toBe(t.transaction_hash);
          const inner = parsed instanceof FeeBumpTransaction ? parsed.innerTransaction : parsed;
          expect(t.operation_count).toBe(inner.operations.length);
          expect(t.max_fee).toBe(Number(inner.fee));
          expect(t.account_sequence).toBe(BigInt(inner.sequence));
          if (parsed instanceof FeeBumpTransaction) {
            expect(t.inner_transaction_hash).toBe(inner.hash().toString('hex'));
            expect(t.new_max_fee).toBe(BigInt(parsed.fee));
            expect(t.tx_signers).toHaveLength(parsed.signatures.length);
          } else {
            expect(t.fee_account).toBeNull();
            expect(t.tx_signers).toHaveLength(parsed.signatures.length);
          }
          // The fee source's balance drop in fee processing, less the Soroban refund, is the fee charged.
          const payer = t.fee_account ?? t.account;
          const muxedPayer = t.fee_account === null ? t.account_muxed : t.fee_account_muxed;
          if (muxedPayer === null) {
            expect(feeDebit(t.tx_fee_meta, payer) - t.resource_fee_refund).toBe(t.fee_charged);
          }
          if (t.resource_fee === 0n) {
            expect(t.inclusion_fee_bid).toBe(0n);
            expect(t.soroban_resources_archived_entries).toBeNull();
          } else if (t.non_refundable_resource_fee_charged > 0n && muxedPayer === null) {
            // Soroban fee identities (protocol 21+): the resource fee actually charged is the
            // declared one less the refund, and the fee charged adds the inclusion fee to it.
            const charged = t.non_refundable_resource_fee_charged + t.refundable_resource_fee_charged;
            expect(t.resource_fee - t.resource_fee_refund).toBe(charged);
            expect(t.fee_charged).toBe(charged + t.inclusion_fee_charged);
            expect(t.inclusion_fee_charged).toBeLessThanOrEqual(t.inclusion_fee_bid);
            sorobanChecked++;
          }
        });
        expect(transactions.filter((t) => t.successful).length).toBe(ledger.successful_transaction_count);
        const ops = transactions.reduce((s, t) => s + t.operation_count, 0);
        expect(ops).toBe(ledger.tx_set_operation_count);
        if (rec.soroban_tx_count !== undefined) {
          expect(transactions.filter((t) => t.resource_fee > 0n).length).toBe(rec.soroban_tx_count);
          expect(sorobanChecked).toBe(rec.soroban_tx_count);
        }
        if (rec.fee_bump_tx_count !== undefined) expect(transactions.filter((t) => t.fee_account !== null).length).toBe(rec.fee_bump_tx_count);
      });

      it('operations: one row per operation, ids follow their transaction', () => {
        const { ledger, transactions, operations } = get();
        expect(operations.length).toBe(ledger.tx_set_operation_count);
        let k = 0;
        for (const t of transactions) {
          for (let j = 0; j < t.operation_count; j++, k++) {
            expect(operations[k]!.transaction_id).toBe(t.id);
            expect(operations[k]!.id).toBe(t.id + BigInt(j + 1));
          }
        }
      });

      it('every row serializes', () => {
        const r = get();
        expect(() => toEtlJson('ledgers', r.ledger)).not.toThrow();
        for (const t of r.transactions) JSON.parse(toEtlJson('transactions', t));
        for (const o of r.operations) JSON.parse(toEtlJson('operations', o));
        for (const n of r.nativeBalances) JSON.parse(toEtlJson('native_balances', n));
      });
    });
  }
});
