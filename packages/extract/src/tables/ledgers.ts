/**
 * `ledgers` — mirrors stellar-etl `history_ledgers` (`export_ledgers`, `TransformLedger`): one row
 * per LedgerCloseMeta.
 */
import type { LedgerContext } from '../context.js';
import { goEnumString } from '../enums.js';
import { ExtractError } from '../errors.js';
import { base64, hex } from '../hash.js';
import type { LedgerRow } from '../schema/index.js';
import { accountAddress } from '../strkey.js';
import { toid } from '../toid.js';
import { encode } from '../xdr/index.js';
import * as X from '../xdr/types.js';

/** The `ledgers` row of one ledger. */
export function ledgerRow(ctx: LedgerContext): LedgerRow {
  const ledger = ctx.sequence;
  const header = ctx.headerEntry.header;

  let successful = 0;
  let failed = 0;
  let operationCount = 0;
  let txSetOperationCount = 0;
  for (const tx of ctx.txs) {
    txSetOperationCount += tx.inner.operations.length;
    if (tx.successful) {
      successful++;
      operationCount += tx.opResults?.length ?? 0;
    } else {
      failed++;
    }
  }

  if (header.totalCoins < 0n) {
    throw new ExtractError('INVALID_VALUE', `the total number of coins (${header.totalCoins}) is negative`, { ledger, field: 'total_coins' });
  }
  if (header.feePool < 0n) {
    throw new ExtractError('INVALID_VALUE', `the fee pool (${header.feePool}) is negative`, { ledger, field: 'fee_pool' });
  }

  let sorobanFeeWrite1Kb = 0n;
  let liveSorobanStateSize = 0n;
  let evictedTypes: string[] | null = null;
  let evictedKeys: string[] | null = null;
  if (ctx.lcm.type !== 0) {
    const body = ctx.lcm.type === 1 ? ctx.lcm.v1 : ctx.lcm.v2;
    if (body.ext.type === 1) sorobanFeeWrite1Kb = body.ext.v1.sorobanFeeWrite1Kb;
    liveSorobanStateSize = body.totalByteSizeOfLiveSorobanState;
    evictedTypes = body.evictedKeys.map((k) => goEnumString('LedgerEntryType', k.type));
    // XDR has one encoding per value, so re-encoding gives the original bytes.
    evictedKeys = body.evictedKeys.map((k) => base64(encode.LedgerKey(k)));
  }

  let nodeId = '';
  let signature = '';
  const scpExt = header.scpValue.ext;
  if (scpExt.type === X.StellarValueType.stellarValueSigned) {
    nodeId = accountAddress(scpExt.lcValueSignature.nodeId);
    signature = base64(scpExt.lcValueSignature.signature);
  }

  return {
    sequence: ledger,
    ledger_hash: hex(ctx.headerEntry.hash),
    previous_ledger_hash: hex(header.previousLedgerHash),
    ledger_header: base64(ctx.rawHeader),
    transaction_count: successful,
    operation_count: operationCount,
    successful_transaction_count: successful,
    failed_transaction_count: failed,
    tx_set_operation_count: txSetOperationCount,
    closed_at: ctx.closedAt,
    total_coins: header.totalCoins,
    fee_pool: header.feePool,
    base_fee: header.baseFee,
    base_reserve: header.baseReserve,
    max_tx_set_size: header.maxTxSetSize,
    protocol_version: header.ledgerVersion,
    id: toid(ledger, 0, 0),
    soroban_fee_write_1kb: sorobanFeeWrite1Kb,
    node_id: nodeId,
    signature,
    total_byte_size_of_bucket_list: liveSorobanStateSize,
    total_byte_size_of_live_soroban_state: liveSorobanStateSize,
    evicted_ledger_keys_type: evictedTypes,
    evicted_ledger_keys_hash: evictedKeys,
  };
}
