/**
 * Builders for operation tests: XDR values as plain objects, round-tripped through the codec so the
 * inputs have exactly the shape (and byte ranges) of decoded ledgers, wrapped in a LedgerContext.
 */
import { StrKey } from '@stellar/stellar-base';
import { innerTx, isSuccessful, operationResults } from '../../src/build-context.js';
import type { LedgerContext, TxContext } from '../../src/context.js';
import { networkId } from '../../src/hash.js';
import type { JsonValue } from '../../src/schema/index.js';
import { writeJson } from '../../src/json.js';
import { toid } from '../../src/toid.js';
import { decode, encode } from '../../src/xdr/index.js';
import type * as X from '../../src/xdr/types.js';

export const PUBNET = 'Public Global Stellar Network ; September 2015';
export const TESTNET = 'Test SDF Network ; September 2015';

/** Raw ed25519 key of a G-address. */
export function keyOf(g: string): Uint8Array {
  return new Uint8Array(StrKey.decodeEd25519PublicKey(g));
}

/** PublicKey of a G-address. */
export function pk(g: string): X.PublicKey {
  return { type: 0, ed25519: keyOf(g) };
}

/** MuxedAccount of a G-address (plain ed25519), or muxed with `id`. */
export function mux(g: string, id?: bigint): X.MuxedAccount {
  return id === undefined ? { type: 0, ed25519: keyOf(g) } : { type: 0x100, med25519: { id, ed25519: keyOf(g) } };
}

const ascii = new TextEncoder();

/** Credit asset (alphanum4 when the code has ≤ 4 bytes). */
export function credit(code: string, issuer: string): X.Asset {
  const bytes = ascii.encode(code);
  if (bytes.length <= 4) {
    const c = new Uint8Array(4);
    c.set(bytes);
    return { type: 1, alphaNum4: { assetCode: c, issuer: pk(issuer) } };
  }
  const c = new Uint8Array(12);
  c.set(bytes);
  return { type: 2, alphaNum12: { assetCode: c, issuer: pk(issuer) } };
}

export const NATIVE: X.Asset = { type: 0 };

/** Bytes of an ASCII string. */
export function bytes(s: string): Uint8Array {
  return ascii.encode(s);
}

/** A 32-byte value whose first bytes are `prefix`. */
export function hash32(...prefix: number[]): Uint8Array {
  const h = new Uint8Array(32);
  h.set(prefix);
  return h;
}

/** An opINNER operation result with the given OperationResultTr. */
export function inner(tr: X.OperationResultTr): X.OperationResult {
  return { type: 0, tr };
}

/** The `tr` of a successful operation of `opType` whose result union has only a code (void arms). */
export function okTr(opType: number, arm: string, code = 0): X.OperationResultTr {
  return { type: opType, [arm]: { type: code } } as unknown as X.OperationResultTr;
}

/** A ledger entry with ext v0 (or v1 with a sponsoring id). */
export function entry(data: X.LedgerEntryData, sponsor?: string, lastModified = 1): X.LedgerEntry {
  return {
    lastModifiedLedgerSeq: lastModified,
    data,
    ext: sponsor === undefined ? { type: 0 } : { type: 1, v1: { sponsoringId: pk(sponsor), ext: { type: 0 } } },
  };
}

/** A constant-product pool entry of native / `assetB` (fee 30 bp, one pool-share trustline). */
export function poolEntry(id: Uint8Array, assetB: X.Asset, reserveA: bigint, reserveB: bigint, shares: bigint): X.LedgerEntry {
  return entry({
    type: 5,
    liquidityPool: {
      liquidityPoolId: id,
      body: { type: 0, constantProduct: { params: { assetA: NATIVE, assetB, fee: 30 }, reserveA, reserveB, totalPoolShares: shares, poolSharesTrustLineCount: 1n } },
    },
  });
}

/** An account entry with the given signers and (optional) per-signer sponsors. */
export function accountData(g: string, signers: X.Signer[] = [], signerSponsors?: (string | null)[]): X.LedgerEntryData {
  const account: X.AccountEntry = {
    accountId: pk(g),
    balance: 100_0000000n,
    seqNum: 1n,
    numSubEntries: signers.length,
    inflationDest: null,
    flags: 0,
    homeDomain: new Uint8Array(0),
    thresholds: new Uint8Array([1, 0, 0, 0]),
    signers,
    ext:
      signerSponsors === undefined
        ? { type: 0 }
        : {
            type: 1,
            v1: {
              liabilities: { buying: 0n, selling: 0n },
              ext: {
                type: 2,
                v2: {
                  numSponsored: 0,
                  numSponsoring: 0,
                  signerSponsoringIDs: signerSponsors.map((s) => (s === null ? null : pk(s))),
                  ext: { type: 0 },
                },
              },
            },
          },
  };
  return { type: 0, account };
}

/** Transaction to place in a test ledger. */
export interface TxSpec {
  source: X.MuxedAccount;
  ops: X.Operation[];
  /** TransactionResultCode (default txSUCCESS = 0). */
  code?: number;
  /** Operation results for txSUCCESS / txFAILED (default: none). */
  results?: X.OperationResult[];
  /** Transaction meta (default: v3 with one empty OperationMeta per op). */
  meta?: X.TransactionMeta;
  sorobanData?: X.SorobanTransactionData;
  /** Wrap in a fee bump whose inner result carries `code` and `results`. */
  feeBump?: { feeSource: X.MuxedAccount };
}

/** An operation with an optional source account. */
export function op(body: X.OperationBody, source: X.MuxedAccount | null = null): X.Operation {
  return { sourceAccount: source, body };
}

function roundTrip<K extends 'TransactionEnvelope' | 'TransactionResult' | 'TransactionMeta'>(type: K, value: X.XdrTypes[K]): { value: X.XdrTypes[K]; bytes: Uint8Array } {
  const b = (encode[type] as (v: X.XdrTypes[K]) => Uint8Array)(value);
  return { value: (decode[type] as (b: Uint8Array) => X.XdrTypes[K])(b), bytes: b };
}

function txContext(spec: TxSpec, index: number, sequence: number): TxContext {
  const v1: X.TransactionV1Envelope = {
    tx: {
      sourceAccount: spec.source,
      fee: 100,
      seqNum: 1n,
      cond: { type: 0 },
      memo: { type: 0 },
      operations: spec.ops,
      ext: spec.sorobanData === undefined ? { type: 0 } : { type: 1, sorobanData: spec.sorobanData },
    },
    signatures: [],
  };
  const envValue: X.TransactionEnvelope =
    spec.feeBump === undefined
      ? { type: 2, v1 }
      : { type: 5, feeBump: { tx: { feeSource: spec.feeBump.feeSource, fee: 200n, innerTx: { type: 2, v1 }, ext: { type: 0 } }, signatures: [] } };
  const env = roundTrip('TransactionEnvelope', envValue);
  const code = spec.code ?? 0;
  const innerResult = (code === 0 || code === -1 ? { type: code, results: spec.results ?? [] } : { type: code }) as X.TransactionResultResult;
  const resultValue: X.TransactionResult =
    spec.feeBump === undefined
      ? { feeCharged: 100n, result: innerResult, ext: { type: 0 } }
      : {
          feeCharged: 200n,
          result: {
            type: code === 0 ? 1 : -13,
            innerResultPair: { transactionHash: new Uint8Array(32), result: { feeCharged: 100n, result: innerResult, ext: { type: 0 } } },
          } as X.TransactionResultResult,
          ext: { type: 0 },
        };
  const result = roundTrip('TransactionResult', resultValue);
  const metaValue: X.TransactionMeta =
    spec.meta ??
    { type: 3, v3: { ext: { type: 0 }, txChangesBefore: [], operations: spec.ops.map(() => ({ changes: [] })), txChangesAfter: [], sorobanMeta: null } };
  const meta = roundTrip('TransactionMeta', metaValue);
  return {
    index,
    id: toid(sequence, index, 0),
    envelope: env.value,
    feeBump: spec.feeBump !== undefined,
    inner: innerTx(env.value),
    result: result.value,
    opResults: operationResults(result.value),
    successful: isSuccessful(result.value),
    meta: meta.value,
    feeChanges: [],
    postFeeChanges: [],
    hash: new Uint8Array(32),
    raw: { envelope: env.bytes, result: result.bytes, meta: meta.bytes, feeMeta: new Uint8Array(4) },
  };
}

/** A LedgerContext holding the given transactions (application order = array order). */
export function ledgerCtx(txs: TxSpec[], opts: { sequence?: number; closeTime?: number; passphrase?: string; protocol?: number } = {}): LedgerContext {
  const sequence = opts.sequence ?? 0;
  const passphrase = opts.passphrase ?? PUBNET;
  return {
    // The operation transforms never read the raw LedgerCloseMeta or header entry.
    lcm: undefined as unknown as X.LedgerCloseMeta,
    lcmVersion: 1,
    headerEntry: undefined as unknown as X.LedgerHeaderHistoryEntry,
    sequence,
    protocolVersion: opts.protocol ?? 22,
    closedAt: new Date((opts.closeTime ?? 0) * 1000),
    networkPassphrase: passphrase,
    networkId: networkId(passphrase),
    txs: txs.map((t, i) => txContext(t, i + 1, sequence)),
    rawHeader: new Uint8Array(0),
    pairedLists: new Map(),
  };
}

/** JSON text of a value as stellar-etl writes it (for order-independent, type-exact comparisons). */
export function json(v: JsonValue): string {
  return writeJson(v);
}
