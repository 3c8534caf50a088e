/**
 * Soroban operation details (spec §3.4): footprint keys, contract ids, ScVal parameters in their
 * four forms, and SAC asset_balance_changes. Inputs are built with @stellar/stellar-base and
 * decoded with our codec; expected values are derived from first principles (sha256 of the key
 * XDR, stellar-base's own SAC contract ids and XDR, Go's formatting rules).
 */
import { createHash } from 'node:crypto';
import { Address, Asset, Networks, StrKey, xdr } from '@stellar/stellar-base';
import { describe, expect, it } from 'vitest';
import { assetBalanceChanges, parseCanonicalAsset, sacContractId } from '../../src/scval/balance-changes.js';
import { scValGoString, scValTypeName } from '../../src/scval/decoded.js';
import { parseJsonLossless } from '../../src/scval/xdr-json.js';
import { operationRows } from '../../src/tables/operations.js';
import { decode } from '../../src/xdr/index.js';
import type * as X from '../../src/xdr/types.js';
import { TESTNET, inner, json, ledgerCtx, mux, op } from './helpers.js';

const A = 'GBT4YAEGJQ5YSFUMNKX6BPBUOCPNAIOFAVZOF6MIME2CECBMEIUXFZZN';
const B = 'GBVVRXLMNCJQW3IDDXC3X6XCH35B5Q7QXNMMFPENSOGUPQO7WO7HGZPA';
const C1 = StrKey.encodeContract(Buffer.alloc(32, 1));
const C2 = StrKey.encodeContract(Buffer.alloc(32, 2));

function sc(v: xdr.ScVal): X.ScVal {
  return decode.ScVal(new Uint8Array(v.toXDR()));
}

function sha256Hex(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

const invokeOk = inner({ type: 24, invokeHostFunctionResult: { type: 0, success: new Uint8Array(32) } });

describe('ScVal Go String() and arm names', () => {
  const u64max = xdr.ScVal.scvU64(xdr.Uint64.fromString('18446744073709551615'));
  const cases: [xdr.ScVal, string, string][] = [
    [xdr.ScVal.scvBool(true), 'B', 'true'],
    [xdr.ScVal.scvVoid(), '', '(void)'],
    [xdr.ScVal.scvError(xdr.ScError.sceContract(7)), 'Error', 'ScErrorTypeSceContract(7)'],
    [xdr.ScVal.scvError(xdr.ScError.sceWasmVm(xdr.ScErrorCode.scecArithDomain())), 'Error', 'ScErrorTypeSceWasmVm(ScErrorCodeScecArithDomain)'],
    [xdr.ScVal.scvU32(4294967295), 'U32', '4294967295'],
    [xdr.ScVal.scvI32(-5), 'I32', '-5'],
    [u64max, 'U64', '18446744073709551615'],
    [xdr.ScVal.scvI64(xdr.Int64.fromString('-9223372036854775808')), 'I64', '-9223372036854775808'],
    [xdr.ScVal.scvTimepoint(xdr.Uint64.fromString('1704067200')), 'Timepoint', '2024-01-01 00:00:00 +0000 UTC'],
    // Timepoints are uint64 read as int64 by time.Unix: 2^64-1 is one second before the epoch.
    [xdr.ScVal.scvTimepoint(xdr.Uint64.fromString('18446744073709551615')), 'Timepoint', '1969-12-31 23:59:59 +0000 UTC'],
    [xdr.ScVal.scvTimepoint(xdr.Uint64.fromString('253402300800')), 'Timepoint', '10000-01-01 00:00:00 +0000 UTC'],
    [xdr.ScVal.scvDuration(xdr.Uint64.fromString('86400')), 'Duration', '86400'],
    [xdr.ScVal.scvU128(new xdr.UInt128Parts({ hi: xdr.Uint64.fromString('1'), lo: xdr.Uint64.fromString('0') })), 'U128', (2n ** 64n).toString()],
    [xdr.ScVal.scvI128(new xdr.Int128Parts({ hi: xdr.Int64.fromString('-1'), lo: xdr.Uint64.fromString('18446744073709551615') })), 'I128', '-1'],
    [
      xdr.ScVal.scvU256(new xdr.UInt256Parts({ hiHi: xdr.Uint64.fromString('1'), hiLo: xdr.Uint64.fromString('0'), loHi: xdr.Uint64.fromString('0'), loLo: xdr.Uint64.fromString('5') })),
      'U256',
      (2n ** 192n + 5n).toString(),
    ],
    [
      xdr.ScVal.scvI256(
        new xdr.Int256Parts({
          hiHi: xdr.Int64.fromString('-1'),
          hiLo: xdr.Uint64.fromString('18446744073709551615'),
          loHi: xdr.Uint64.fromString('18446744073709551615'),
          loLo: xdr.Uint64.fromString('18446744073709551614'),
        }),
      ),
      'I256',
      '-2',
    ],
    [xdr.ScVal.scvBytes(Buffer.from([1, 2, 255])), 'Bytes', '0102ff'],
    [xdr.ScVal.scvString(Buffer.from('a<b')), 'Str', 'a<b'],
    [xdr.ScVal.scvSymbol('hello'), 'Sym', 'hello'],
    [xdr.ScVal.scvVec([xdr.ScVal.scvU32(1), xdr.ScVal.scvVec([xdr.ScVal.scvSymbol('x'), xdr.ScVal.scvVoid()])]), 'Vec', '[1 [x (void)]]'],
    [xdr.ScVal.scvVec(null), 'Vec', 'nil'],
    [
      xdr.ScVal.scvMap([
        new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol('a'), val: xdr.ScVal.scvBool(true) }),
        new xdr.ScMapEntry({ key: xdr.ScVal.scvU32(2), val: xdr.ScVal.scvVec([]) }),
      ]),
      'Map',
      '[{a true} {2 []}]',
    ],
    [xdr.ScVal.scvMap(null), 'Map', 'nil'],
    [new Address(A).toScVal(), 'Address', A],
    [new Address(C1).toScVal(), 'Address', C1],
    [
      xdr.ScVal.scvContractInstance(new xdr.ScContractInstance({ executable: xdr.ContractExecutable.contractExecutableStellarAsset(), storage: [] })),
      'Instance',
      '(StellarAssetContract)',
    ],
    [
      xdr.ScVal.scvContractInstance(
        new xdr.ScContractInstance({
          executable: xdr.ContractExecutable.contractExecutableWasm(Buffer.alloc(32, 0xab)),
          storage: [new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol('k'), val: xdr.ScVal.scvU32(1) })],
        }),
      ),
      'Instance',
      `${'ab'.repeat(32)}: [{k 1}]`,
    ],
    [xdr.ScVal.scvLedgerKeyContractInstance(), '', '(LedgerKeyContractInstance)'],
    [xdr.ScVal.scvLedgerKeyNonce(new xdr.ScNonceKey({ nonce: xdr.Int64.fromString('-255') })), 'NonceKey', '{-FF}'],
    [xdr.ScVal.scvLedgerKeyNonce(new xdr.ScNonceKey({ nonce: xdr.Int64.fromString('3054') })), 'NonceKey', '{BEE}'],
  ];
  for (const [v, type, text] of cases) {
    it(`${v.switch().name} → ${text}`, () => {
      const d = sc(v);
      expect(scValTypeName(d)).toBe(type);
      expect(scValGoString(d)).toBe(text);
    });
  }
});

describe('lossless JSON parsing', () => {
  it('keeps integers beyond 2^53 as bigint and everything else as is', () => {
    expect(parseJsonLossless('{"u":18446744073709551615,"n":-9007199254740993,"a":[1,-2,{"s":"x\\"<"}],"f":1.5,"t":true,"z":null}')).toEqual({
      u: 18446744073709551615n,
      n: -9007199254740993n,
      a: [1, -2, { s: 'x"<' }],
      f: 1.5,
      t: true,
      z: null,
    });
  });

  it('reads the same values whether or not a 16-digit run sends it down the digit-exact path', () => {
    expect(parseJsonLossless('{"a":[999999999999999,-0.5e3],"s":"123456789012345"}')).toEqual({ a: [999999999999999, -500], s: '123456789012345' });
    expect(parseJsonLossless('{"a":[999999999999999,-0.5e3],"s":"1234567890123456"}')).toEqual({ a: [999999999999999, -500], s: '1234567890123456' });
    expect(parseJsonLossless('[9007199254740993, 1]')).toEqual([9007199254740993n, 1]);
    expect(parseJsonLossless('[1,9007199254740993]')).toEqual([1, 9007199254740993n]);
    expect(parseJsonLossless('{"a":-9007199254740993}')).toEqual({ a: -9007199254740993n });
    expect(parseJsonLossless('18446744073709551615')).toBe(18446744073709551615n);
  });

  it('rejects malformed text', () => {
    expect(() => parseJsonLossless('{"a":1')).toThrow(/malformed JSON/);
    expect(() => parseJsonLossless('{"a":1,}')).toThrow(/malformed JSON/);
    expect(() => parseJsonLossless('[1] x')).toThrow(/malformed JSON/);
  });
});

describe('invoke_contract', () => {
  const args = [xdr.ScVal.scvString(Buffer.from('<&>')), xdr.ScVal.scvU32(7), xdr.ScVal.scvBool(false)];
  const invoke = xdr.HostFunction.hostFunctionTypeInvokeContract(
    new xdr.InvokeContractArgs({ contractAddress: Address.fromString(C1).toScAddress(), functionName: 'transfer', args }),
  );
  const hostFunction = decode.HostFunction(new Uint8Array(invoke.toXDR()));
  const contractData = (contract: string, durability: xdr.ContractDataDurability) =>
    xdr.LedgerKey.contractData(new xdr.LedgerKeyContractData({ contract: Address.fromString(contract).toScAddress(), key: xdr.ScVal.scvLedgerKeyContractInstance(), durability }));
  const readOnly = [contractData(C1, xdr.ContractDataDurability.persistent()), xdr.LedgerKey.contractCode(new xdr.LedgerKeyContractCode({ hash: Buffer.alloc(32, 9) }))];
  const readWrite = [xdr.LedgerKey.account(new xdr.LedgerKeyAccount({ accountId: xdr.PublicKey.publicKeyTypeEd25519(StrKey.decodeEd25519PublicKey(B)) })), contractData(C2, xdr.ContractDataDurability.temporary())];
  const sorobanData: X.SorobanTransactionData = {
    ext: { type: 0 },
    resources: {
      footprint: { readOnly: readOnly.map((k) => decode.LedgerKey(new Uint8Array(k.toXDR()))), readWrite: readWrite.map((k) => decode.LedgerKey(new Uint8Array(k.toXDR()))) },
      instructions: 1,
      diskReadBytes: 2,
      writeBytes: 3,
    },
    resourceFee: 100n,
  };
  const ops = [
    op({ type: 24, invokeHostFunctionOp: { hostFunction, auth: [] } }),
    op({ type: 25, extendFootprintTtlOp: { ext: { type: 0 }, extendTo: 77 } }),
  ];
  const rows = operationRows(ledgerCtx([{ source: mux(A), ops, results: [invokeOk, invokeOk], sorobanData }], { passphrase: TESTNET }));
  const d = rows[0]!.details;

  it('hashes the footprint keys read-only first, then read-write', () => {
    expect(d.ledger_key_hash).toEqual([...readOnly, ...readWrite].map((k) => sha256Hex(k.toXDR())));
  });

  it('takes contract_id from the call address, footprint rule elsewhere (read-write first)', () => {
    expect(d.contract_id).toBe(C1);
    expect(rows[1]!.details.contract_id).toBe(C2);
    expect(json(rows[1]!.details)).toBe(
      json({ type: 'extend_footprint_ttl', extend_to: 77, contract_id: C2, contract_code_hash: null, ledger_key_hash: d.ledger_key_hash! }),
    );
  });

  it('lists the address and function name before the arguments, in all four forms', () => {
    const all = [Address.fromString(C1).toScVal(), xdr.ScVal.scvSymbol('transfer'), ...args];
    const b64 = all.map((v) => v.toXDR('base64'));
    expect(d.parameters).toEqual([
      { type: 'Address', value: b64[0] },
      { type: 'Sym', value: b64[1] },
      { type: 'Str', value: b64[2] },
      { type: 'U32', value: b64[3] },
      { type: 'B', value: b64[4] },
    ]);
    expect(d.parameters_decoded).toEqual([
      { type: 'Address', value: C1 },
      { type: 'Sym', value: 'transfer' },
      { type: 'Str', value: '<&>' },
      { type: 'U32', value: '7' },
      { type: 'B', value: 'false' },
    ]);
    expect(d.parameters_json).toEqual(b64);
    expect(d.parameters_json_decoded).toEqual([{ address: C1 }, { symbol: 'transfer' }, { string: '<&>' }, { u32: 7 }, { bool: false }]);
    expect(json(d.parameters_json_decoded!)).toContain('{"string":"\\u003c\\u0026\\u003e"}');
    expect(d.function).toBe('HostFunctionTypeHostFunctionTypeInvokeContract');
    expect(d.type).toBe('invoke_contract');
    expect(d.contract_code_hash).toBeNull();
    expect(d.asset_balance_changes).toEqual([]);
  });
});

describe('asset_balance_changes', () => {
  const usdc = new Asset('USDC', B);
  const usdcId = new Uint8Array(StrKey.decodeContract(usdc.contractId(Networks.TESTNET)));
  const nativeId = new Uint8Array(StrKey.decodeContract(Asset.native().contractId(Networks.TESTNET)));
  const sym = (s: string) => sc(xdr.ScVal.scvSymbol(s));
  const str = (s: string) => sc(xdr.ScVal.scvString(s));
  const addr = (s: string) => sc(Address.fromString(s).toScVal());
  const i128 = (hi: bigint, lo: bigint): X.ScVal => ({ type: 10, i128: { hi, lo } });
  const event = (contractId: Uint8Array | null, topics: X.ScVal[], data: X.ScVal, type = 1): X.ContractEvent => ({
    ext: { type: 0 },
    contractId,
    type: type as X.ContractEvent['type'],
    body: { type: 0, v0: { topics, data } },
  });
  const diag = (e: X.ContractEvent, ok = true): X.DiagnosticEvent => ({ inSuccessfulContractCall: ok, event: e });
  const asset = `USDC:${B}`;
  const events: X.DiagnosticEvent[] = [
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(asset)], i128(0n, 12345678n))),
    diag(event(usdcId, [sym('mint'), addr(B), addr(A), str(asset)], i128(0n, 5n))),
    diag(event(usdcId, [sym('clawback'), addr(B), addr(A), str(asset)], i128(0n, 10000000n))),
    diag(event(usdcId, [sym('burn'), addr(A), str(asset)], i128(-1n, 18446744073709551615n))),
    diag(event(nativeId, [sym('transfer'), addr(C1), addr(A), str('native')], i128(1n, 0n))),
    // The SDK accepts these with a zero amount or without the second address:
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(asset)], sc(xdr.ScVal.scvU64(xdr.Uint64.fromString('1'))))),
    diag(event(usdcId, [sym('transfer'), addr(A), sym('x'), str(asset)], i128(0n, 9n))),
    diag(event(usdcId, [sym('clawback'), addr(B), sym('x'), str(asset)], i128(0n, 9n))),
    // Not balance changes of a Stellar Asset Contract:
    diag(event(nativeId, [sym('transfer'), addr(A), addr(C1), str(asset)], i128(0n, 1n))),
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(asset)], i128(0n, 1n)), false),
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(asset)], i128(0n, 1n), 2)),
    diag(event(usdcId, [sym('transfer'), addr(A), str(asset)], i128(0n, 1n))),
    diag(event(usdcId, [sym('mint'), addr(A), str(asset)], i128(0n, 1n))),
    diag(event(usdcId, [sym('burn'), addr(A), str(asset)], sc(xdr.ScVal.scvU64(xdr.Uint64.fromString('1'))))),
    diag(event(usdcId, [sym('transfer'), sym('x'), addr(C1), str(asset)], i128(0n, 1n))),
    diag(event(usdcId, [sym('approve'), addr(A), addr(C1), str(asset)], i128(0n, 1n))),
    diag(event(null, [sym('transfer'), addr(A), addr(C1), str(asset)], i128(0n, 1n))),
  ];
  const expected = [
    { amount: '1.2345678', asset_code: 'USDC', asset_issuer: B, asset_type: 'credit_alphanum4', from: A, to: C1, type: 'transfer' },
    { amount: '0.0000005', asset_code: 'USDC', asset_issuer: B, asset_type: 'credit_alphanum4', to: A, type: 'mint' },
    { amount: '1.0000000', asset_code: 'USDC', asset_issuer: B, asset_type: 'credit_alphanum4', from: A, type: 'clawback' },
    { amount: '-0.0000001', asset_code: 'USDC', asset_issuer: B, asset_type: 'credit_alphanum4', from: A, type: 'burn' },
    { amount: (2n ** 64n / 10_000_000n).toString() + '.' + (2n ** 64n % 10_000_000n).toString().padStart(7, '0'), asset_type: 'native', from: C1, to: A, type: 'transfer' },
    { amount: '0.0000000', asset_code: 'USDC', asset_issuer: B, asset_type: 'credit_alphanum4', from: A, to: C1, type: 'transfer' },
    { amount: '0.0000000', asset_code: 'USDC', asset_issuer: B, asset_type: 'credit_alphanum4', from: A, type: 'transfer' },
    { amount: '0.0000000', asset_code: 'USDC', asset_issuer: B, asset_type: 'credit_alphanum4', type: 'clawback' },
  ];
  const networkId = new Uint8Array(createHash('sha256').update(Networks.TESTNET).digest());

  it('reads SAC events from meta v3 soroban diagnostic events', () => {
    const meta: X.TransactionMeta = {
      type: 3,
      v3: {
        ext: { type: 0 },
        txChangesBefore: [],
        operations: [],
        txChangesAfter: [],
        sorobanMeta: { ext: { type: 0 }, events: [], returnValue: { type: 1 }, diagnosticEvents: events },
      },
    };
    expect(json(assetBalanceChanges(meta, networkId))).toBe(json(expected));
  });

  it('reads meta v4 diagnostic events, and nothing from older metas', () => {
    const meta: X.TransactionMeta = {
      type: 4,
      v4: { ext: { type: 0 }, txChangesBefore: [], operations: [], txChangesAfter: [], sorobanMeta: null, events: [], diagnosticEvents: events },
    };
    expect(json(assetBalanceChanges(meta, networkId))).toBe(json(expected));
    expect(assetBalanceChanges({ type: 2, v2: { txChangesBefore: [], operations: [], txChangesAfter: [] } }, networkId)).toEqual([]);
  });

  it('parses canonical asset texts like the SDK (empty and 5..12-byte codes included)', () => {
    const empty = `:${B}`;
    const twelve = `ABCDE:${B}`;
    const emptyId = new Uint8Array(StrKey.decodeContract(new Asset('A', B).contractId(Networks.TESTNET)));
    expect(parseCanonicalAsset(new TextEncoder().encode(empty))).toEqual({ type: 1, alphaNum4: { assetCode: new Uint8Array(4), issuer: { type: 0, ed25519: new Uint8Array(StrKey.decodeEd25519PublicKey(B)) } } });
    expect(parseCanonicalAsset(new TextEncoder().encode(twelve))?.type).toBe(2);
    expect(sacContractId(parseCanonicalAsset(new TextEncoder().encode(`A:${B}`))!, networkId)).toEqual(emptyId);
    for (const bad of ['', 'Native', `USD:${B}:x`, 'USD', `USD:${B.slice(0, -1)}${B.endsWith('A') ? 'B' : 'A'}`, `ABCDEFGHIJKLM:${B}`]) {
      expect(parseCanonicalAsset(new TextEncoder().encode(bad))).toBeNull();
    }
  });

  it('checks the contract id against the network passphrase', () => {
    const meta: X.TransactionMeta = {
      type: 4,
      v4: { ext: { type: 0 }, txChangesBefore: [], operations: [], txChangesAfter: [], sorobanMeta: null, events: [], diagnosticEvents: events.slice(0, 1) },
    };
    const pubnetId = new Uint8Array(createHash('sha256').update(Networks.PUBLIC).digest());
    expect(assetBalanceChanges(meta, pubnetId)).toEqual([]);
  });
});
