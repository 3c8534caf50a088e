/**
 * Builds the {@link LedgerContext} of one LedgerCloseMeta: decodes it once, collects the envelopes
 * of the transaction set, hashes them with the network passphrase and pairs each `txProcessing`
 * entry with its envelope, as stellar-etl's ledger transaction reader does.
 */
import type { InnerTx, LedgerContext, TxContext } from './context.js';
import { readLedgerHeader } from './ledger-bytes.js';
import { ExtractError, type ErrorLocation } from './errors.js';
import { hex, networkId, transactionHash, transactionHashesHex } from './hash.js';
import { networkName, Networks } from './networks.js';
import { toid } from './toid.js';
import { decodeLazy } from './xdr/index.js';
import * as X from './xdr/types.js';

/** The envelopes of the transaction set in tx-set order (phases, components, stages, clusters). */
export function txSetEnvelopes(lcm: X.LedgerCloseMeta, ledger: number): X.TransactionEnvelope[] {
  if (lcm.type === 0) return lcm.v0.txSet.txes;
  const set = lcm.type === 1 ? lcm.v1.txSet : lcm.v2.txSet;
  const out: X.TransactionEnvelope[] = [];
  for (const phase of set.v1TxSet.phases) {
    if (phase.type === 0) {
      for (const component of phase.v0Components) {
        if (component.type !== X.TxSetComponentType.txsetCompTxsMaybeDiscountedFee) {
          throw new ExtractError('UNSUPPORTED', `unsupported transaction set component type ${(component as { type: number }).type}`, {
            ledger,
            field: 'TxSetComponent',
          });
        }
        for (const env of component.txsMaybeDiscountedFee.txes) out.push(env);
      }
    } else if (phase.type === 1) {
      for (const stage of phase.parallelTxsComponent.executionStages) {
        for (const cluster of stage) for (const env of cluster) out.push(env);
      }
    } else {
      throw new ExtractError('UNSUPPORTED', `unsupported transaction phase ${(phase as { type: number }).type}`, { ledger, field: 'TransactionPhase' });
    }
  }
  return out;
}

/** The transaction that carries the operations, normalised over V0, V1 and fee-bump envelopes. */
export function innerTx(envelope: X.TransactionEnvelope): InnerTx {
  switch (envelope.type) {
    case X.EnvelopeType.envelopeTypeTxV0: {
      const tx = envelope.v0.tx;
      return {
        sourceAccount: { type: X.CryptoKeyType.keyTypeEd25519, ed25519: tx.sourceAccountEd25519 },
        fee: tx.fee,
        seqNum: tx.seqNum,
        cond: tx.timeBounds === null ? { type: X.PreconditionType.precondNone } : { type: X.PreconditionType.precondTime, timeBounds: tx.timeBounds },
        memo: tx.memo,
        operations: tx.operations,
        sorobanData: null,
      };
    }
    case X.EnvelopeType.envelopeTypeTx:
      return v1Inner(envelope.v1.tx);
    case X.EnvelopeType.envelopeTypeTxFeeBump:
      return v1Inner(envelope.feeBump.tx.innerTx.v1.tx);
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown TransactionEnvelope type ${(envelope as { type: number }).type}`, { field: 'TransactionEnvelope' });
  }
}

function v1Inner(tx: X.Transaction): InnerTx {
  return {
    sourceAccount: tx.sourceAccount,
    fee: tx.fee,
    seqNum: tx.seqNum,
    cond: tx.cond,
    memo: tx.memo,
    operations: tx.operations,
    sorobanData: tx.ext.type === 1 ? tx.ext.sorobanData : null,
  };
}

/** Operation results of a TransactionResult (fee bump: the inner result's), or null. */
export function operationResults(result: X.TransactionResult): X.OperationResult[] | null {
  const r = result.result;
  if (r.type === X.TransactionResultCode.txSuccess || r.type === X.TransactionResultCode.txFailed) return r.results;
  if (r.type === X.TransactionResultCode.txFeeBumpInnerSuccess || r.type === X.TransactionResultCode.txFeeBumpInnerFailed) {
    const inner = r.innerResultPair.result.result;
    if (inner.type === X.TransactionResultCode.txSuccess || inner.type === X.TransactionResultCode.txFailed) return inner.results;
  }
  return null;
}

/** Whether a result code counts as successful (txSUCCESS or txFEE_BUMP_INNER_SUCCESS). */
export function isSuccessful(result: X.TransactionResult): boolean {
  return result.result.type === X.TransactionResultCode.txSuccess || result.result.type === X.TransactionResultCode.txFeeBumpInnerSuccess;
}

function rangeOf(bytes: Uint8Array, start: number | undefined, end: number | undefined, what: string, ledger: number): Uint8Array {
  if (start === undefined || end === undefined || end < start) {
    throw new ExtractError('INVALID_VALUE', `no byte range for ${what}`, { ledger, field: what });
  }
  return bytes.subarray(start, end);
}

/** Best-effort ledger sequence of undecodable input, for error messages. */
export function peekLedgerSequence(bytes: Uint8Array): number | undefined {
  try {
    return readLedgerHeader(bytes).sequence;
  } catch {
    return undefined;
  }
}

function closeTimeDate(closeTime: bigint, ledger: number): Date {
  if (closeTime >= 2n ** 63n) {
    throw new ExtractError('INVALID_VALUE', `close time ${closeTime} is negative as a signed 64-bit time point`, { ledger, field: 'closeTime' });
  }
  // Go's time marshalling accepts years 0..9999: 253402300799 is 9999-12-31T23:59:59Z.
  if (closeTime > 253402300799n) {
    throw new ExtractError('INVALID_VALUE', `close time ${closeTime} is after year 9999 and cannot be written`, { ledger, field: 'closeTime' });
  }
  return new Date(Number(closeTime) * 1000);
}

/** The hex hash of `envelope` under each known network passphrase other than `used`. */
function guessNetwork(envelope: X.TransactionEnvelope, bytes: Uint8Array, resultHash: string, used: string): string | undefined {
  for (const [name, passphrase] of Object.entries(Networks)) {
    if (passphrase === used) continue;
    if (hex(transactionHash(envelope, bytes, networkId(passphrase))) === resultHash) return `${name} ("${passphrase}")`;
  }
  return undefined;
}

/**
 * The same error with the ledger sequence attached (message prefixed with `ledger N: `, location
 * extended); the original is kept as `cause`.
 */
export function withLedger(err: ExtractError, ledger: number): ExtractError {
  if (err.ledger !== undefined) return err;
  const out = new ExtractError(err.code, err.message, { ledger }, { cause: err });
  (out as { location: ErrorLocation }).location = { ...err.location, ledger };
  (out as { hint: string | undefined }).hint = err.hint;
  return out;
}

function decodeLcm(bytes: Uint8Array): X.LedgerCloseMeta {
  try {
    return decodeLazy.LedgerCloseMeta(bytes);
  } catch (err) {
    const ledger = peekLedgerSequence(bytes);
    if (err instanceof ExtractError && ledger !== undefined) throw withLedger(err, ledger);
    throw err;
  }
}

/**
 * Decodes one LedgerCloseMeta (v0, v1 or v2) and pairs every applied transaction with its envelope.
 * Every byte is checked, but the ledger entries in entry changes (all but claimable balances and
 * liquidity pools) are decoded only when read (see `decodeLazy`): in `lcm`, their arm (`account`,
 * `trustLine`, …) is a getter.
 *
 * @throws ExtractError `XDR_*` for undecodable bytes; `NETWORK_MISMATCH` when a result's hash
 * matches no envelope (the passphrase is probably wrong); `TX_COUNT_MISMATCH` when the transaction
 * set and the results differ in size.
 */
export function buildLedgerContext(bytes: Uint8Array, networkPassphrase: string): LedgerContext {
  const lcm = decodeLcm(bytes);
  const body = lcm.type === 0 ? lcm.v0 : lcm.type === 1 ? lcm.v1 : lcm.v2;
  const headerEntry = body.ledgerHeader;
  const header = headerEntry.header;
  const ledger = header.ledgerSeq;
  const netId = networkId(networkPassphrase);

  const envelopes = txSetEnvelopes(lcm, ledger);
  const processing: ReadonlyArray<X.TransactionResultMeta | X.TransactionResultMetaV1> = body.txProcessing;
  if (envelopes.length !== processing.length) {
    throw new ExtractError(
      'TX_COUNT_MISMATCH',
      `the transaction set holds ${envelopes.length} envelopes but txProcessing has ${processing.length} results`,
      { ledger },
      { hint: 'The LedgerCloseMeta is inconsistent; re-export it from its source.' },
    );
  }

  const byHash = new Map<string, X.TransactionEnvelope>();
  const hashes = transactionHashesHex(envelopes, bytes, netId);
  envelopes.forEach((env, i) => byHash.set(hashes[i]!, env));

  const txs: TxContext[] = [];
  for (let i = 0; i < processing.length; i++) {
    const p = processing[i]!;
    const hashHex = hex(p.result.transactionHash);
    const envelope = byHash.get(hashHex);
    if (envelope === undefined) {
      const other = envelopes.find((e) => guessNetwork(e, bytes, hashHex, networkPassphrase) !== undefined);
      const found = other === undefined ? undefined : guessNetwork(other, bytes, hashHex, networkPassphrase);
      const name = networkName(networkPassphrase);
      throw new ExtractError(
        'NETWORK_MISMATCH',
        `transaction ${hashHex} (application order ${i + 1}) matches no envelope of the transaction set when hashed with the network passphrase "${networkPassphrase}"${name ? ` (${name})` : ''}: the passphrase is probably wrong.`,
        { ledger, transaction: i + 1 },
        {
          hint:
            found !== undefined
              ? `The ledger belongs to ${found}: pass that passphrase as networkPassphrase.`
              : 'Pass the passphrase of the network this ledger comes from (Networks.PUBNET, Networks.TESTNET, Networks.FUTURENET or your own network\'s); if it is right, the ledger is inconsistent.',
        },
      );
    }
    const result = p.result.result;
    const meta = p.txApplyProcessing;
    const index = i + 1;
    txs.push({
      index,
      id: toid(ledger, index, 0),
      envelope,
      feeBump: envelope.type === X.EnvelopeType.envelopeTypeTxFeeBump,
      inner: innerTx(envelope),
      result,
      opResults: operationResults(result),
      successful: isSuccessful(result),
      meta,
      feeChanges: p.feeProcessing,
      postFeeChanges: 'postTxApplyFeeProcessing' in p ? p.postTxApplyFeeProcessing : [],
      hash: p.result.transactionHash,
      raw: {
        envelope: rangeOf(bytes, envelope.$start, envelope.$end, 'TransactionEnvelope', ledger),
        result: rangeOf(bytes, result.$start, result.$end, 'TransactionResult', ledger),
        meta: rangeOf(bytes, meta.$start, meta.$end, 'TransactionMeta', ledger),
        // feeProcessing lies between the result pair and txApplyProcessing.
        feeMeta: rangeOf(bytes, result.$end, meta.$start, 'feeProcessing', ledger),
      },
    });
  }

  return {
    lcm,
    lcmVersion: lcm.type,
    headerEntry,
    sequence: ledger,
    protocolVersion: header.ledgerVersion,
    closedAt: closeTimeDate(header.scpValue.closeTime, ledger),
    networkPassphrase,
    networkId: netId,
    txs,
    rawHeader: rangeOf(bytes, header.$start, header.$end, 'LedgerHeader', ledger),
    pairedLists: new Map(),
  };
}
