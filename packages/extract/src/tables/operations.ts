/**
 * The `operations` table: stellar-etl's `history_operations` (export_operations), one row per
 * operation of every transaction in the ledger, failed transactions included.
 */
import type { LedgerContext } from '../context.js';
import { operationDetails, operationResultCode, operationTraceCode, operationTypeName, opInput } from '../operations/index.js';
import type { OperationRow } from '../schema/index.js';
import { muxedAccountParts } from '../strkey.js';
import { toid } from '../toid.js';

/** Rows of the `operations` table for one ledger, in transaction then operation order. */
export function operationRows(ctx: LedgerContext): OperationRow[] {
  const rows: OperationRow[] = [];
  for (const tx of ctx.txs) {
    const ops = tx.inner.operations;
    for (let k = 0; k < ops.length; k++) {
      const input = opInput(ctx, tx, k);
      const source = muxedAccountParts(input.source);
      const details = operationDetails(input);
      const result = tx.opResults?.[k];
      rows.push({
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
      });
    }
  }
  return rows;
}
