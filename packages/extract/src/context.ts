/**
 * The per-ledger view that every table transform reads: one decode of the LedgerCloseMeta, with
 * envelopes paired to their results, raw XDR byte ranges for the base64 columns, and shared
 * values computed once (close time, ids, network id).
 */
import type { PairedLists } from './ledger-changes.js';
import type * as X from './xdr/types.js';

/** One transaction of a ledger, in application order. */
export interface TxContext {
  /** 1-based position in `txProcessing` (application order); the TOID transaction part. */
  readonly index: number;
  /** TOID of the transaction: `(ledger << 32) | (index << 12)`. */
  readonly id: bigint;
  /** The envelope as found in the transaction set. */
  readonly envelope: X.TransactionEnvelope;
  /** Whether the envelope is a fee bump. */
  readonly feeBump: boolean;
  /** The transaction whose operations run: the only one, or the fee bump's inner one (V0 or V1 body). */
  readonly inner: InnerTx;
  /** The outer TransactionResult (fee bump: the outer result). */
  readonly result: X.TransactionResult;
  /** Operation results (fee bump: the inner pair's), or null when the transaction has none. */
  readonly opResults: readonly X.OperationResult[] | null;
  /** Whether the result code is txSUCCESS or txFEE_BUMP_INNER_SUCCESS. */
  readonly successful: boolean;
  /** `txApplyProcessing`. */
  readonly meta: X.TransactionMeta;
  /** `feeProcessing` changes. */
  readonly feeChanges: readonly X.LedgerEntryChange[];
  /** LedgerCloseMeta v2 `postTxApplyFeeProcessing` changes; empty otherwise. */
  readonly postFeeChanges: readonly X.LedgerEntryChange[];
  /** Transaction hash from the result pair (the outer hash for fee bumps). */
  readonly hash: Uint8Array;
  /** Exact XDR bytes (views into the input) of the values written as base64 columns. */
  readonly raw: {
    readonly envelope: Uint8Array;
    readonly result: Uint8Array;
    readonly meta: Uint8Array;
    readonly feeMeta: Uint8Array;
  };
}

/** The transaction that carries the operations, normalised over V0 and V1 envelopes. */
export interface InnerTx {
  /** Source account; V0 sources are presented as a plain ed25519 MuxedAccount. */
  readonly sourceAccount: X.MuxedAccount;
  readonly fee: number;
  readonly seqNum: bigint;
  /** Preconditions; V0 time bounds are presented as PRECOND_TIME (or PRECOND_NONE). */
  readonly cond: X.Preconditions;
  readonly memo: X.Memo;
  readonly operations: readonly X.Operation[];
  /** Soroban data (V1 `ext.v == 1`), or null. */
  readonly sorobanData: X.SorobanTransactionData | null;
}

/** One decoded ledger and the values shared by all tables. */
export interface LedgerContext {
  /** The decoded LedgerCloseMeta. */
  readonly lcm: X.LedgerCloseMeta;
  /** LedgerCloseMeta union arm: 0, 1 or 2. */
  readonly lcmVersion: number;
  /** `ledgerHeader` (hash + header). */
  readonly headerEntry: X.LedgerHeaderHistoryEntry;
  /** Ledger sequence. */
  readonly sequence: number;
  /** Protocol version of the header. */
  readonly protocolVersion: number;
  /** Close time as a Date (shared by every row of the ledger). */
  readonly closedAt: Date;
  /** Network passphrase the ledger was paired with. */
  readonly networkPassphrase: string;
  /** sha256 of the passphrase. */
  readonly networkId: Uint8Array;
  /** Transactions in application order. */
  readonly txs: readonly TxContext[];
  /** Raw XDR bytes of the LedgerHeader (view into the input). */
  readonly rawHeader: Uint8Array;
  /** The ledger's change lists paired so far (filled as tables read them; shared, not to be modified). */
  readonly pairedLists: PairedLists;
}
