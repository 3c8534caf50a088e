/**
 * stellar-etl's own expectations for history_operations (its TestTransformOperation: one successful
 * transaction holding one operation of every type), re-expressed here. Ledger 0, transaction 1,
 * close time 0; the transaction source is account 3.
 */
import { describe, expect, it } from 'vitest';
import { operationRows } from '../../src/tables/operations.js';
import { ACC3, expected, meta, ops, results } from './etl-fixture.js';
import { json, ledgerCtx, mux } from './helpers.js';

describe('operations table against stellar-etl TestTransformOperation', () => {
  const ctx = ledgerCtx([{ source: mux(ACC3), ops, results, meta }], { sequence: 0, closeTime: 0 });
  const rows = operationRows(ctx);

  it('emits one row per operation', () => {
    expect(rows).toHaveLength(expected.length);
  });

  expected.forEach((want, k) => {
    it(`operation ${k}: ${want.typeString}`, () => {
      const row = rows[k]!;
      expect(row.type).toBe(want.type);
      expect(row.type_string).toBe(want.typeString);
      expect(row.source_account).toBe(ACC3);
      expect(row.source_account_muxed).toBeNull();
      expect(row.transaction_id).toBe(4096n);
      expect(row.id).toBe(4097n + BigInt(k));
      expect(row.closed_at.toISOString()).toBe('1970-01-01T00:00:00.000Z');
      expect(row.ledger_sequence).toBe(0);
      expect(row.operation_result_code).toBe('OperationResultCodeOpInner');
      expect(row.operation_trace_code).toBe(want.trace);
      expect(json(row.details)).toBe(json(want.details));
      expect(json(row.details_json)).toBe(json(want.details));
    });
  });
});
