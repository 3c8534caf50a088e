import { describe, expect, it } from 'vitest';
import { quoteGo, rfc3339, toEtlJson, writeJson } from '../src/json.js';
import type { LedgerRow, OperationRow } from '../src/schema/index.js';

describe('writeJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(writeJson({ b: 1, a: { d: [3, 1, 2], c: null } })).toBe('{"a":{"c":null,"d":[3,1,2]},"b":1}');
    expect(writeJson({ price_r: { n: 1, d: 10000000 }, price: 1e-7 })).toBe('{"price":1e-7,"price_r":{"d":10000000,"n":1}}');
  });

  it('orders keys by bytes whether or not they were seen before, in any insertion order', () => {
    // UTF-8 byte order puts U+FF5E (EF BD 9E) before U+1F600 (F0 9F 98 80); UTF-16 order is the reverse.
    const expected = '{"a":1,"b":2,"\uFF5E":3,"\u{1F600}":4}';
    for (let i = 0; i < 3; i++) {
      expect(writeJson({ a: 1, b: 2, '\uFF5E': 3, '\u{1F600}': 4 })).toBe(expected);
      expect(writeJson({ '\u{1F600}': 4, b: 2, '\uFF5E': 3, a: 1 })).toBe(expected);
      expect(writeJson({ b: 2, a: 1, '\uFF5E': 3, '\u{1F600}': 4 })).toBe(expected);
    }
  });

  it('orders keys seen before in any insertion order (every permutation of five keys)', () => {
    const keys = ['amount', 'asset_code', 'asset_issuer', 'from', 'to_muxed'];
    const expected = `{${keys.map((k, i) => `"${k}":${i}`).join(',')}}`;
    const permutations = (xs: string[]): string[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
    for (const order of permutations(keys)) {
      const value = Object.fromEntries(order.map((k) => [k, keys.indexOf(k)]));
      // The first write quotes and caches the keys; later writes order cached keys.
      expect(writeJson(value)).toBe(expected);
      expect(writeJson(value)).toBe(expected);
    }
  });

  it('prints bigints as bare digits and floats in shortest form', () => {
    expect(writeJson([-5706705804583548011n, 18446744073709551615n])).toBe('[-5706705804583548011,18446744073709551615]');
    expect(writeJson([35, 10000000000, 0, 1528.6217754, 1.5e-7, 1e21])).toBe('[35,10000000000,0,1528.6217754,1.5e-7,1e+21]');
    expect(() => writeJson(Number.NaN)).toThrow();
    // Go's strconv formats negative zero as "-0".
    expect(writeJson(-0)).toBe('-0');
  });

  it('escapes strings like Go encoding/json in HTML-safe mode', () => {
    expect(quoteGo('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(quoteGo('\b\f\n\r\t')).toBe('"\\b\\f\\n\\r\\t"');
    expect(quoteGo('\u0000\u0001\u001f')).toBe('"\\u0000\\u0001\\u001f"');
    expect(quoteGo('<a>&')).toBe('"\\u003ca\\u003e\\u0026"');
    expect(quoteGo('\u2028\u2029')).toBe('"\\u2028\\u2029"');
    expect(quoteGo('\u007f é 😀 \uFFFD')).toBe('"\u007f é 😀 \uFFFD"');
    expect(quoteGo('x\ud800y')).toBe('"x\uFFFDy"');
  });
});

describe('rfc3339', () => {
  it('formats whole UTC seconds with Z', () => {
    expect(rfc3339(new Date(1595895040 * 1000))).toBe('2020-07-28T00:10:40Z');
    expect(rfc3339(new Date(0))).toBe('1970-01-01T00:00:00Z');
  });
  it('rejects years Go cannot marshal', () => {
    expect(() => rfc3339(new Date(253402300800 * 1000))).toThrow();
  });
});

describe('toEtlJson', () => {
  // The history_ledgers example row of the parity notes (stellar-etl golden, ledger 30822015),
  // with the base64 header shortened.
  const ledgerLine =
    '{"base_fee":100,"base_reserve":5000000,"closed_at":"2020-07-28T00:10:40Z","evicted_ledger_keys_hash":null,"evicted_ledger_keys_type":null,"failed_transaction_count":11,"fee_pool":18168300436601,"id":132379546421821440,"ledger_hash":"a6b49d468a1ed1a9e40aa9f66e512b188b14800a4f012f6223970c89f35244d1","ledger_header":"AAAADSVSz8T4LdagJI+NS6jH","max_tx_set_size":1000,"node_id":"","operation_count":159,"previous_ledger_hash":"2552cfc4f82dd6a0248f8d4ba8c70574e48f64cea0cb587b71fb248af028df09","protocol_version":13,"sequence":30822015,"signature":"","soroban_fee_write_1kb":0,"successful_transaction_count":46,"total_byte_size_of_bucket_list":0,"total_byte_size_of_live_soroban_state":0,"total_coins":1054439020873472865,"transaction_count":46,"tx_set_operation_count":"175"}';
  const ledger: LedgerRow = {
    sequence: 30822015,
    ledger_hash: 'a6b49d468a1ed1a9e40aa9f66e512b188b14800a4f012f6223970c89f35244d1',
    previous_ledger_hash: '2552cfc4f82dd6a0248f8d4ba8c70574e48f64cea0cb587b71fb248af028df09',
    ledger_header: 'AAAADSVSz8T4LdagJI+NS6jH',
    transaction_count: 46,
    operation_count: 159,
    successful_transaction_count: 46,
    failed_transaction_count: 11,
    tx_set_operation_count: 175,
    closed_at: new Date('2020-07-28T00:10:40Z'),
    total_coins: 1054439020873472865n,
    fee_pool: 18168300436601n,
    base_fee: 100,
    base_reserve: 5000000,
    max_tx_set_size: 1000,
    protocol_version: 13,
    id: 132379546421821440n,
    soroban_fee_write_1kb: 0n,
    node_id: '',
    signature: '',
    total_byte_size_of_bucket_list: 0n,
    total_byte_size_of_live_soroban_state: 0n,
    evicted_ledger_keys_type: null,
    evicted_ledger_keys_hash: null,
  };

  it('writes a ledger row exactly as stellar-etl', () => {
    expect(toEtlJson('ledgers', ledger)).toBe(ledgerLine);
  });

  it('prints empty arrays as [] and the intString column quoted', () => {
    const line = toEtlJson('ledgers', { ...ledger, evicted_ledger_keys_type: [], evicted_ledger_keys_hash: ['AAAABg=='] });
    expect(line).toContain('"evicted_ledger_keys_hash":["AAAABg=="],"evicted_ledger_keys_type":[]');
    expect(line).toContain('"tx_set_operation_count":"175"');
  });

  it('leaves omitEmpty columns out when empty and rejects malformed rows', () => {
    const op: OperationRow = {
      source_account: 'GA',
      source_account_muxed: null,
      type: 9,
      type_string: 'inflation',
      details: {},
      transaction_id: 1n,
      id: 2n,
      closed_at: new Date(0),
      operation_result_code: '',
      operation_trace_code: '',
      ledger_sequence: 1,
      details_json: {},
    };
    expect(toEtlJson('operations', op)).toBe(
      '{"closed_at":"1970-01-01T00:00:00Z","details":{},"details_json":{},"id":2,"ledger_sequence":1,"operation_result_code":"","operation_trace_code":"","source_account":"GA","transaction_id":1,"type":9,"type_string":"inflation"}',
    );
    expect(toEtlJson('operations', { ...op, source_account_muxed: 'MA' })).toContain('"source_account":"GA","source_account_muxed":"MA",');
    expect(() => toEtlJson('operations', { ...op, type_string: null } as unknown as OperationRow)).toThrow(/not nullable/);
    const { details: _omit, ...missing } = op;
    expect(() => toEtlJson('operations', missing as unknown as OperationRow)).toThrow(/lacks column details/);
  });
});
