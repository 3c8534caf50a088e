/**
 * `transactions` — mirrors stellar-etl `history_transactions` (`export_transactions`,
 * `TransformTransaction`): one row per applied transaction, failed ones included, in application
 * order.
 */
import type { LedgerContext, TxContext } from '../context.js';
import { goEnumString } from '../enums.js';
import { ExtractError } from '../errors.js';
import { base64, hex } from '../hash.js';
import type { TransactionRow } from '../schema/index.js';
import { compareBytes, ledgerKeyBytes } from '../ledger-changes.js';
import { encodeStrkey, muxedAccountParts, signerKeyString, StrkeyVersion } from '../strkey.js';
import { goString } from '../text.js';
import * as X from '../xdr/types.js';

/** The `transactions` rows of one ledger, in application order. */
export function transactionRows(ctx: LedgerContext): TransactionRow[] {
  return ctx.txs.map((tx) => transactionRow(ctx, tx));
}

/** Memo value as stellar-etl prints it: text raw, id unsigned decimal, hash/return base64. */
export function memoString(memo: X.Memo): string {
  switch (memo.type) {
    case X.MemoType.memoNone:
      return '';
    case X.MemoType.memoText:
      return goString(memo.text);
    case X.MemoType.memoId:
      return BigInt.asUintN(64, memo.id).toString();
    case X.MemoType.memoHash:
      return base64(memo.hash);
    case X.MemoType.memoReturn:
      return base64(memo.retHash);
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown memo type ${(memo as { type: number }).type}`, { field: 'Memo' });
  }
}

/** Time bounds of the preconditions (PRECOND_TIME, or PRECOND_V2 with time bounds), or null. */
function timeBoundsOf(cond: X.Preconditions): X.TimeBounds | null {
  if (cond.type === X.PreconditionType.precondTime) return cond.timeBounds;
  if (cond.type === X.PreconditionType.precondV2) return cond.v2.timeBounds;
  return null;
}

/** Scratch space of {@link balanceChange} for LedgerKeys of accounts (see `ledgerKeyBytes`), and its key bytes. */
const accountKey = new Uint8Array(40);
const accountKeyId = accountKey.subarray(8);

/**
 * Account balance before (last STATE) and after (last UPDATED) in a change list, for the fee
 * account `account`; 0 when absent. stellar-etl compares the entries' `G…` addresses with the
 * account's address as Go prints it, so a muxed (`M…`) account never matches.
 */
export function balanceChange(changes: readonly X.LedgerEntryChange[], account: X.MuxedAccount): { start: bigint; end: bigint } {
  let start = 0n;
  let end = 0n;
  if (account.type !== X.CryptoKeyType.keyTypeEd25519) return { start, end };
  const key = account.ed25519;
  for (const c of changes) {
    let entry: X.LedgerEntry;
    if (c.type === X.LedgerEntryChangeType.ledgerEntryUpdated) entry = c.updated;
    else if (c.type === X.LedgerEntryChangeType.ledgerEntryState) entry = c.state;
    else continue;
    if (entry.data.type !== X.LedgerEntryType.account) continue;
    // The same key is the same G-address. Keys are compared on the entry's LedgerKey bytes (the
    // key type, the PublicKey type, then the key), which need no decoding of the entry.
    ledgerKeyBytes(entry, accountKey);
    if (compareBytes(accountKeyId, key) !== 0) continue;
    if (c.type === X.LedgerEntryChangeType.ledgerEntryUpdated) end = entry.data.account.balance;
    else start = entry.data.account.balance;
  }
  return { start, end };
}

interface SorobanFees {
  resourceFee: bigint;
  instructions: number;
  diskReadBytes: number;
  writeBytes: number;
  archivedEntries: number[] | null;
  inclusionFeeBid: bigint;
  inclusionFeeCharged: bigint;
  refund: bigint;
  nonRefundable: bigint;
  refundable: bigint;
  rent: bigint;
}

const NO_SOROBAN: SorobanFees = {
  resourceFee: 0n,
  instructions: 0,
  diskReadBytes: 0,
  writeBytes: 0,
  archivedEntries: null,
  inclusionFeeBid: 0n,
  inclusionFeeCharged: 0n,
  refund: 0n,
  nonRefundable: 0n,
  refundable: 0n,
  rent: 0n,
};

function sorobanFees(tx: TxContext): SorobanFees {
  const data = tx.inner.sorobanData;
  if (data === null) return NO_SOROBAN;
  const env = tx.envelope;
  const feeAccount = env.type === X.EnvelopeType.envelopeTypeTxFeeBump ? env.feeBump.tx.feeSource : tx.inner.sourceAccount;
  const resourceFee = data.resourceFee;
  const bidFee = env.type === X.EnvelopeType.envelopeTypeTxFeeBump ? env.feeBump.tx.fee : BigInt(tx.inner.fee);
  const archived = data.ext.type === 1 && data.ext.resourceExt.archivedSorobanEntries.length > 0 ? [...data.ext.resourceExt.archivedSorobanEntries] : null;

  const fee = balanceChange(tx.feeChanges, feeAccount);
  let refund = 0n;
  let nonRefundable = 0n;
  let refundable = 0n;
  let rent = 0n;
  const meta = tx.meta;
  let sorobanMetaExt: X.SorobanTransactionMetaExt | null = null;
  if (meta.type === 3) {
    const r = balanceChange(meta.v3.txChangesAfter, feeAccount);
    refund = r.end - r.start;
    sorobanMetaExt = meta.v3.sorobanMeta?.ext ?? null;
  } else if (meta.type === 4) {
    const r = balanceChange([...meta.v4.txChangesAfter, ...tx.postFeeChanges], feeAccount);
    refund = r.end - r.start;
    sorobanMetaExt = meta.v4.sorobanMeta?.ext ?? null;
  }
  if (sorobanMetaExt !== null && sorobanMetaExt.type === 1) {
    nonRefundable = sorobanMetaExt.v1.totalNonRefundableResourceFeeCharged;
    refundable = sorobanMetaExt.v1.totalRefundableResourceFeeCharged;
    rent = sorobanMetaExt.v1.rentFeeCharged;
  }
  return {
    resourceFee,
    instructions: data.resources.instructions,
    diskReadBytes: data.resources.diskReadBytes,
    writeBytes: data.resources.writeBytes,
    archivedEntries: archived,
    inclusionFeeBid: bidFee - resourceFee,
    inclusionFeeCharged: fee.start - fee.end - resourceFee,
    refund,
    nonRefundable,
    refundable,
    rent,
  };
}

/** Signatures as stellar-etl lists them: each signature's bytes as a `G…`-version strkey. */
function txSigners(signatures: readonly X.DecoratedSignature[]): string[] {
  return signatures.map((s) => encodeStrkey(StrkeyVersion.account, s.signature));
}

function envelopeSignatures(env: X.TransactionEnvelope): readonly X.DecoratedSignature[] {
  if (env.type === X.EnvelopeType.envelopeTypeTxV0) return env.v0.signatures;
  if (env.type === X.EnvelopeType.envelopeTypeTx) return env.v1.signatures;
  return env.feeBump.signatures;
}

/** The `transactions` row of one transaction. */
export function transactionRow(ctx: LedgerContext, tx: TxContext): TransactionRow {
  const ledger = ctx.sequence;
  const where = { ledger, transaction: tx.index };
  const inner = tx.inner;
  const source = muxedAccountParts(inner.sourceAccount);

  if (inner.seqNum < 0n) {
    throw new ExtractError('INVALID_VALUE', `the account's sequence number (${inner.seqNum}) is negative`, { ...where, field: 'account_sequence' });
  }
  let feeCharged = tx.result.feeCharged;
  if (feeCharged < 0n) {
    throw new ExtractError('INVALID_VALUE', `the fee charged (${feeCharged}) is negative`, { ...where, field: 'fee_charged' });
  }

  const tb = timeBoundsOf(inner.cond);
  let timeBounds = '';
  if (tb !== null) {
    if (tb.maxTime < tb.minTime && tb.maxTime !== 0n) {
      throw new ExtractError('INVALID_VALUE', `the max time is earlier than the min time (${tb.maxTime} < ${tb.minTime})`, { ...where, field: 'time_bounds' });
    }
    timeBounds = tb.maxTime === 0n ? `[${tb.minTime},)` : `[${tb.minTime},${tb.maxTime})`;
  }

  let ledgerBounds = '';
  let minSeq: bigint | null = null;
  let minSeqAge: bigint | null = null;
  let minSeqGap: bigint | null = null;
  let extraSigners: string[] | null = null;
  if (inner.cond.type === X.PreconditionType.precondV2) {
    const v2 = inner.cond.v2;
    if (v2.ledgerBounds !== null) ledgerBounds = `[${v2.ledgerBounds.minLedger},${v2.ledgerBounds.maxLedger})`;
    if (v2.minSeqNum !== null) minSeq = v2.minSeqNum;
    minSeqAge = BigInt.asIntN(64, v2.minSeqAge);
    minSeqGap = BigInt(v2.minSeqLedgerGap);
    if (v2.extraSigners.length > 0) extraSigners = v2.extraSigners.map(signerKeyString);
  }

  const soroban = sorobanFees(tx);
  // Soroban fee bumps before protocol 21 were charged a miscalculated fee; stellar-etl reports
  // resource fee minus refund instead.
  if (inner.sorobanData !== null && tx.feeBump && ctx.protocolVersion < 21) {
    feeCharged = soroban.resourceFee - soroban.refund;
  }

  let feeAccount: string | null = null;
  let feeAccountMuxed: string | null = null;
  let innerHash: string | null = null;
  let newMaxFee: bigint | null = null;
  const env = tx.envelope;
  if (env.type === X.EnvelopeType.envelopeTypeTxFeeBump) {
    const fee = muxedAccountParts(env.feeBump.tx.feeSource);
    feeAccount = fee.address;
    feeAccountMuxed = fee.muxed;
    const r = tx.result.result;
    if (r.type !== X.TransactionResultCode.txFeeBumpInnerSuccess && r.type !== X.TransactionResultCode.txFeeBumpInnerFailed) {
      throw new ExtractError('INVALID_VALUE', `fee-bump transaction has result ${goEnumString('TransactionResultCode', r.type)} without an inner result pair`, {
        ...where,
        field: 'inner_transaction_hash',
      });
    }
    innerHash = hex(r.innerResultPair.transactionHash);
    newMaxFee = env.feeBump.tx.fee;
  }

  return {
    transaction_hash: hex(tx.hash),
    ledger_sequence: ledger,
    account: source.address,
    account_muxed: source.muxed,
    account_sequence: inner.seqNum,
    max_fee: inner.fee,
    fee_charged: feeCharged,
    operation_count: inner.operations.length,
    tx_envelope: base64(tx.raw.envelope),
    tx_result: base64(tx.raw.result),
    tx_meta: base64(tx.raw.meta),
    tx_fee_meta: base64(tx.raw.feeMeta),
    created_at: ctx.closedAt,
    memo_type: goEnumString('MemoType', inner.memo.type),
    memo: memoString(inner.memo),
    time_bounds: timeBounds,
    successful: tx.successful,
    id: tx.id,
    fee_account: feeAccount,
    fee_account_muxed: feeAccountMuxed,
    inner_transaction_hash: innerHash,
    new_max_fee: newMaxFee,
    ledger_bounds: ledgerBounds,
    min_account_sequence: minSeq,
    min_account_sequence_age: minSeqAge,
    min_account_sequence_ledger_gap: minSeqGap,
    extra_signers: extraSigners,
    closed_at: ctx.closedAt,
    resource_fee: soroban.resourceFee,
    soroban_resources_instructions: soroban.instructions,
    soroban_resources_read_bytes: soroban.diskReadBytes,
    soroban_resources_disk_read_bytes: soroban.diskReadBytes,
    soroban_resources_write_bytes: soroban.writeBytes,
    soroban_resources_archived_entries: soroban.archivedEntries,
    transaction_result_code: goEnumString('TransactionResultCode', tx.result.result.type),
    inclusion_fee_bid: soroban.inclusionFeeBid,
    inclusion_fee_charged: soroban.inclusionFeeCharged,
    resource_fee_refund: soroban.refund,
    non_refundable_resource_fee_charged: soroban.nonRefundable,
    refundable_resource_fee_charged: soroban.refundable,
    rent_fee_charged: soroban.rent,
    tx_signers: txSigners(envelopeSignatures(env)),
  };
}
