/**
 * Builds small synthetic LedgerCloseMeta inputs for unit tests: plain XDR values encoded with the
 * package's codec, with every result hash computed by @stellar/stellar-base (an independent
 * implementation) so envelopes pair with their results exactly as in a real ledger.
 */
import { FeeBumpTransaction, StrKey, TransactionBuilder } from '@stellar/stellar-base';
import { encode } from '../src/xdr/index.js';
import type * as X from '../src/xdr/types.js';

/** 32 bytes derived from a small seed. */
export function bytes32(seed: number): Uint8Array {
  return Uint8Array.from({ length: 32 }, (_, i) => (seed * 37 + i * 11 + 1) & 0xff);
}

/** A plain ed25519 MuxedAccount. */
export function account(key: Uint8Array): X.MuxedAccount {
  return { type: 0, ed25519: key };
}

/** A KEY_TYPE_MUXED_ED25519 MuxedAccount. */
export function muxed(key: Uint8Array, id: bigint): X.MuxedAccount {
  return { type: 0x100, med25519: { id, ed25519: key } };
}

/** G-address of a key, by stellar-base. */
export function gAddress(key: Uint8Array): string {
  return StrKey.encodeEd25519PublicKey(Buffer.from(key));
}

/** A bump-sequence operation (the simplest operation body). */
export function bumpOp(source: X.MuxedAccount | null = null): X.Operation {
  return { sourceAccount: source, body: { type: 11, bumpSequenceOp: { bumpTo: 0n } } };
}

/** A V1 transaction with defaults. */
export function tx(p: Partial<X.Transaction> & { sourceAccount: X.MuxedAccount }): X.Transaction {
  return {
    fee: 100,
    seqNum: 1n,
    cond: { type: 0 },
    memo: { type: 0 },
    operations: [bumpOp()],
    ext: { type: 0 },
    ...p,
  };
}

/** The signature used throughout stellar-etl's transaction tests. */
export const ETL_TEST_SIGNATURE: X.DecoratedSignature = {
  hint: Uint8Array.from([99, 66, 175, 143]),
  signature: Uint8Array.from([
    244, 107, 139, 92, 189, 156, 207, 79, 84, 56, 2, 70, 75, 22, 237, 50, 100, 242, 159, 177, 27, 240, 66, 122, 182, 45, 189, 78, 5, 127, 26, 61, 179,
    238, 229, 76, 32, 206, 122, 13, 154, 133, 148, 149, 29, 250, 48, 132, 44, 86, 163, 56, 32, 44, 75, 87, 226, 251, 76, 4, 59, 182, 132, 8,
  ]),
};

/** An account ledger entry with a balance. */
export function accountEntry(key: Uint8Array, balance: bigint): X.LedgerEntry {
  return {
    lastModifiedLedgerSeq: 1,
    data: {
      type: 0,
      account: {
        accountId: { type: 0, ed25519: key },
        balance,
        seqNum: 1n,
        numSubEntries: 0,
        inflationDest: null,
        flags: 0,
        homeDomain: new Uint8Array(0),
        thresholds: Uint8Array.from([1, 0, 0, 0]),
        signers: [],
        ext: { type: 0 },
      },
    },
    ext: { type: 0 },
  };
}

/** STATE then UPDATED of an account's balance. */
export function balanceChanges(key: Uint8Array, before: bigint, after: bigint): X.LedgerEntryChange[] {
  return [
    { type: 3, state: accountEntry(key, before) },
    { type: 1, updated: accountEntry(key, after) },
  ];
}

/** One transaction of a synthetic ledger. */
export interface TxSpec {
  envelope: X.TransactionEnvelope;
  /** TransactionResult without a meaningful hash: the pair's hash is computed. */
  result: X.TransactionResult;
  feeProcessing?: X.LedgerEntryChange[];
  meta?: X.TransactionMeta;
  postFeeProcessing?: X.LedgerEntryChange[];
}

/** Options of a synthetic ledger. */
export interface LedgerSpec {
  lcmVersion: 0 | 1 | 2;
  sequence?: number;
  protocol?: number;
  closeTime?: bigint;
  passphrase: string;
  txs: TxSpec[];
  /** Hashes to put in the result pairs instead of the real ones (for pairing failures). */
  overrideHashes?: Uint8Array[];
}

/** The stellar-base hash of an envelope under a passphrase. */
export function stellarBaseHash(envelope: X.TransactionEnvelope, passphrase: string): Uint8Array {
  const b64 = Buffer.from(encode.TransactionEnvelope(envelope)).toString('base64');
  const parsed = TransactionBuilder.fromXDR(b64, passphrase);
  return new Uint8Array(parsed.hash());
}

/** Whether stellar-base parses the envelope as a fee bump (sanity check for tests). */
export function isFeeBump(envelope: X.TransactionEnvelope, passphrase: string): boolean {
  const b64 = Buffer.from(encode.TransactionEnvelope(envelope)).toString('base64');
  return TransactionBuilder.fromXDR(b64, passphrase) instanceof FeeBumpTransaction;
}

function header(spec: LedgerSpec): X.LedgerHeader {
  return {
    ledgerVersion: spec.protocol ?? 21,
    previousLedgerHash: bytes32(90),
    scpValue: { txSetHash: bytes32(91), closeTime: spec.closeTime ?? 1594272522n, upgrades: [], ext: { type: 0 } },
    txSetResultHash: bytes32(92),
    bucketListHash: bytes32(93),
    ledgerSeq: spec.sequence ?? 30521816,
    totalCoins: 1000000000000000000n,
    feePool: 1000n,
    inflationSeq: 0,
    idPool: 0n,
    baseFee: 100,
    baseReserve: 5000000,
    maxTxSetSize: 1000,
    skipList: [bytes32(1), bytes32(2), bytes32(3), bytes32(4)],
    ext: { type: 0 },
  };
}

/** Encodes a synthetic LedgerCloseMeta. */
export function buildLedger(spec: LedgerSpec): Uint8Array {
  const hdr: X.LedgerHeaderHistoryEntry = { hash: bytes32(94), header: header(spec), ext: { type: 0 } };
  const pairs = spec.txs.map((t, i) => ({
    transactionHash: spec.overrideHashes?.[i] ?? stellarBaseHash(t.envelope, spec.passphrase),
    result: t.result,
  }));
  const meta = (t: TxSpec): X.TransactionMeta => t.meta ?? { type: 1, v1: { txChanges: [], operations: [] } };
  let lcm: X.LedgerCloseMeta;
  if (spec.lcmVersion === 0) {
    lcm = {
      type: 0,
      v0: {
        ledgerHeader: hdr,
        txSet: { previousLedgerHash: bytes32(90), txes: spec.txs.map((t) => t.envelope) },
        txProcessing: spec.txs.map((t, i) => ({ result: pairs[i]!, feeProcessing: t.feeProcessing ?? [], txApplyProcessing: meta(t) })),
        upgradesProcessing: [],
        scpInfo: [],
      },
    };
  } else {
    const txSet: X.GeneralizedTransactionSet = {
      type: 1,
      v1TxSet: {
        previousLedgerHash: bytes32(90),
        phases: [{ type: 0, v0Components: [{ type: 0, txsMaybeDiscountedFee: { baseFee: null, txes: spec.txs.map((t) => t.envelope) } }] }],
      },
    };
    const common = {
      ext: { type: 1 as const, v1: { ext: { type: 0 as const }, sorobanFeeWrite1Kb: 12009n } },
      ledgerHeader: hdr,
      txSet,
      upgradesProcessing: [],
      scpInfo: [],
      totalByteSizeOfLiveSorobanState: 12126229975n,
      evictedKeys: [],
    };
    lcm =
      spec.lcmVersion === 1
        ? {
            type: 1,
            v1: {
              ...common,
              txProcessing: spec.txs.map((t, i) => ({ result: pairs[i]!, feeProcessing: t.feeProcessing ?? [], txApplyProcessing: meta(t) })),
              unused: [],
            },
          }
        : {
            type: 2,
            v2: {
              ...common,
              txProcessing: spec.txs.map((t, i) => ({
                ext: { type: 0 },
                result: pairs[i]!,
                feeProcessing: t.feeProcessing ?? [],
                txApplyProcessing: meta(t),
                postTxApplyFeeProcessing: t.postFeeProcessing ?? [],
              })),
            },
          };
  }
  return encode.LedgerCloseMeta(lcm);
}

/** Successful bump-sequence operation results. */
export function bumpResults(ops = 1): X.OperationResult[] {
  return Array.from({ length: ops }, (): X.OperationResult => ({ type: 0, tr: { type: 11, bumpSeqResult: { type: 0 } } }));
}

/** A TransactionResult with one successful bump-sequence result per op. */
export function successResult(feeCharged: bigint, ops = 1): X.TransactionResult {
  return { feeCharged, result: { type: 0, results: bumpResults(ops) }, ext: { type: 0 } };
}

/** A fee-bump TransactionResult wrapping an inner success. */
export function feeBumpSuccessResult(feeCharged: bigint, innerHash: Uint8Array, ops = 1): X.TransactionResult {
  return {
    feeCharged,
    result: {
      type: 1,
      innerResultPair: { transactionHash: innerHash, result: { feeCharged: 100n, result: { type: 0, results: bumpResults(ops) }, ext: { type: 0 } } },
    },
    ext: { type: 0 },
  };
}
