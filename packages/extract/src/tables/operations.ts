/**
 * The `operations` table: stellar-etl's `history_operations` (export_operations), one row per
 * operation of every transaction in the ledger, failed transactions included.
 */
import type { LedgerContext, TxContext } from '../context.js';
import { ExtractError } from '../errors.js';
import { operationDetails, operationResultCode, operationTraceCode, operationTypeName, opInput } from '../operations/index.js';
import type { OperationRow } from '../schema/index.js';
import { muxedAccountParts } from '../strkey.js';
import { toid } from '../toid.js';

/** Rows of the `operations` table for one ledger, in transaction then operation order. */
export function operationRows(ctx: LedgerContext): OperationRow[] {
  const rows: OperationRow[] = [];
  for (const tx of ctx.txs) {
    for (let k = 0; k < tx.inner.operations.length; k++) rows.push(operationRow(ctx, tx, k));
  }
  return rows;
}

/** The row of operation `k` of `tx`; errors name the transaction and operation. */
function operationRow(ctx: LedgerContext, tx: TxContext, k: number): OperationRow {
  try {
    const input = opInput(ctx, tx, k);
    const source = muxedAccountParts(input.source);
    const details = operationDetails(input);
    const result = tx.opResults?.[k];
    if (tx.opResults !== null && result === undefined) {
      throw new ExtractError('INVALID_VALUE', `the transaction result has ${tx.opResults.length} operation results for ${tx.inner.operations.length} operations`, {
        field: 'OperationResult',
      });
    }
    return {
      source_account: source.address,
      source_account_muxed: source.muxed,
      type: input.op.body.type,
      type_string: operationTypeName(input.op.body.type),
      details,
      transaction_id: tx.id,
      id: toid(ctx.sequence, tx.index, k + 1),
      closed_at: ctx.closedAt,
      operation_result_code: result === undefined ? '' : operationResultCode(result),
      operation_trace_code: result === undefined ? '' : operationTraceCode(result),
      ledger_sequence: ctx.sequence,
      details_json: details,
    };
  } catch (err) {
    if (err instanceof ExtractError && err.ledger === undefined && err.location.operation === undefined) {
      // Same error, located: its message (without the hint, which the constructor appends again)
      // gets the transaction and operation prefix.
      const hint = err.hint;
      const message = hint !== undefined && err.message.endsWith(` ${hint}`) ? err.message.slice(0, -hint.length - 1) : err.message;
      const location = { transaction: tx.index, operation: k + 1 };
      throw new ExtractError(err.code, message, location, hint === undefined ? { cause: err } : { cause: err, hint });
    }
    throw err;
  }
}
