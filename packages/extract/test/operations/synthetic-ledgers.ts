/**
 * Synthetic pubnet ledgers exercising every operation type and the input variants of
 * history_operations, for a differential run against the real stellar-etl: the golden generator
 * (scripts/golden/golden.mjs) exports their operations, and synthetic-differential.test.ts compares
 * the extractor's rows with stellar-etl's byte for byte.
 *
 * The ledgers are deterministic. Contents (LedgerCloseMeta v1, protocol 22 unless noted):
 * - 40000001: stellar-etl's TestTransformOperation transaction (all 27 types; with a Soroban
 *   footprint), a failed transaction, a transaction failed before its operations, successful and
 *   failed fee bumps with muxed accounts and a multi-atom strict-receive result;
 * - 40000002: sponsorship (created entries, signer sponsors, begin/end sandwich), liquidity pool
 *   deltas, claim predicates with extreme times, flag / string / price edge cases;
 * - 40000003: invoke_contract with one argument of every ScVal type and SAC diagnostic events
 *   (meta v3 and v4), create_contract(_v2), upload_wasm, extend/restore footprint;
 * - 40000004 (LedgerCloseMeta v2, protocol 23, meta v4): sponsors from OperationMetaV2 changes and
 *   RESTORED entries, a fee-bumped Soroban call with P23 addresses, rounding prices, empty
 *   claimant lists and predicates, more flag and signer forms;
 * - 40000005 (LedgerCloseMeta v0, protocol 12): txINTERNAL_ERROR, whose operation changes are
 *   ignored.
 */
import { Address, Asset, Networks, StrKey, xdr } from '@stellar/stellar-base';
import { networkId, transactionHash } from '../../src/hash.js';
import { parseCanonicalAsset, sacContractId } from '../../src/scval/balance-changes.js';
import { decode, encode } from '../../src/xdr/index.js';
import type * as X from '../../src/xdr/types.js';
import { buildLedger, type TxSpec } from '../build-ledger.js';
import { ACC1, ACC3, ACC4, meta as etlMeta, ops as etlOps, results as etlResults } from './etl-fixture.js';
import { NATIVE, accountData, credit, entry, hash32, inner, mux, okTr, op, pk, poolEntry } from './helpers.js';

/** Passphrase the synthetic ledgers are hashed with (pubnet). */
export const SYNTHETIC_PASSPHRASE = Networks.PUBLIC;
/** First sequence of the synthetic ledgers. */
export const SYNTHETIC_FIRST_SEQUENCE = 40000001;

const A = ACC3;
const B = ACC4;
const C = ACC1;
const S2 = 'GAOEOQMXDDXPVJC3HDFX6LZFKANJ4OOLQOD2MNXJ7PGAY5FEO4BRRAQU';
const USD = credit('USD', B);
const POOL = hash32(7, 7);
const C1 = StrKey.encodeContract(Buffer.alloc(32, 1));
const C2 = StrKey.encodeContract(Buffer.alloc(32, 2));

const sc = (v: xdr.ScVal): X.ScVal => decode.ScVal(new Uint8Array(v.toXDR()));
const lk = (v: xdr.LedgerKey): X.LedgerKey => decode.LedgerKey(new Uint8Array(v.toXDR()));
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Builds the transactions; `seq` makes every envelope (and so every hash) distinct. */
function transactions(): TxSpec[][] {
  let seq = 1n;
  const v1 = (source: X.MuxedAccount, ops: X.Operation[], sorobanData?: X.SorobanTransactionData): X.TransactionV1Envelope => ({
    tx: { sourceAccount: source, fee: 1000, seqNum: seq++, cond: { type: 0 }, memo: { type: 0 }, operations: ops, ext: sorobanData ? { type: 1, sorobanData } : { type: 0 } },
    signatures: [],
  });
  const defaultMeta = (ops: X.Operation[], code: number): X.TransactionMeta => ({
    type: 3,
    v3: { ext: { type: 0 }, txChangesBefore: [], operations: code === 0 ? ops.map(() => ({ changes: [] })) : [], txChangesAfter: [], sorobanMeta: null },
  });
  const plain = (
    source: X.MuxedAccount,
    ops: X.Operation[],
    code: number,
    results: X.OperationResult[] | null,
    meta?: X.TransactionMeta,
    sorobanData?: X.SorobanTransactionData,
  ): TxSpec => ({
    envelope: { type: 2, v1: v1(source, ops, sorobanData) },
    result: { feeCharged: 100n, result: (results === null ? { type: code } : { type: code, results }) as X.TransactionResultResult, ext: { type: 0 } },
    meta: meta ?? defaultMeta(ops, code),
  });
  const feeBump = (
    source: X.MuxedAccount,
    ops: X.Operation[],
    code: number,
    results: X.OperationResult[],
    meta?: X.TransactionMeta,
    sorobanData?: X.SorobanTransactionData,
  ): TxSpec => ({
    envelope: { type: 5, feeBump: { tx: { feeSource: mux(S2, 5n), fee: 5000n, innerTx: { type: 2, v1: v1(source, ops, sorobanData) }, ext: { type: 0 } }, signatures: [] } },
    result: {
      feeCharged: 200n,
      result: {
        type: code === 0 ? 1 : -13,
        innerResultPair: { transactionHash: new Uint8Array(32), result: { feeCharged: 100n, result: { type: code, results } as X.InnerTransactionResultResult, ext: { type: 0 } } },
      } as X.TransactionResultResult,
      ext: { type: 0 },
    },
    meta: meta ?? defaultMeta(ops, code),
  });

  const contractData = (contract: string, durability: xdr.ContractDataDurability) =>
    xdr.LedgerKey.contractData(new xdr.LedgerKeyContractData({ contract: Address.fromString(contract).toScAddress(), key: xdr.ScVal.scvLedgerKeyContractInstance(), durability }));
  const footprint: X.SorobanTransactionData = {
    ext: { type: 0 },
    resources: {
      footprint: {
        readOnly: [lk(contractData(C1, xdr.ContractDataDurability.persistent())), lk(xdr.LedgerKey.contractCode(new xdr.LedgerKeyContractCode({ hash: Buffer.alloc(32, 9) })))],
        readWrite: [
          lk(xdr.LedgerKey.account(new xdr.LedgerKeyAccount({ accountId: xdr.PublicKey.publicKeyTypeEd25519(StrKey.decodeEd25519PublicKey(B)) }))),
          lk(contractData(C2, xdr.ContractDataDurability.temporary())),
        ],
      },
      instructions: 1,
      diskReadBytes: 2,
      writeBytes: 3,
    },
    resourceFee: 100n,
  };

  // --- ledger 1 ------------------------------------------------------------------------------
  const strictReceive = op({ type: 2, pathPaymentStrictReceiveOp: { sendAsset: NATIVE, sendMax: 20_0000000n, destination: mux(B), destAsset: USD, destAmount: 10_0000000n, path: [] } });
  const strictSend = op({
    type: 13,
    pathPaymentStrictSendOp: { sendAsset: NATIVE, sendAmount: 20_0000000n, destination: mux(B), destAsset: USD, destMin: 1n, path: [NATIVE, credit('LONGERCODE', C)] },
  });
  const deposit = op({ type: 22, liquidityPoolDepositOp: { liquidityPoolId: POOL, maxAmountA: 5n, maxAmountB: 6n, minPrice: { n: 1, d: 3 }, maxPrice: { n: 2, d: 3 } } });
  const withdraw = op({ type: 23, liquidityPoolWithdrawOp: { liquidityPoolId: POOL, amount: 9n, minAmountA: 1n, minAmountB: 2n } });
  const atom = (asset: X.Asset, amount: bigint, kind: 0 | 1 | 2): X.ClaimAtom => {
    const base = { assetSold: USD, amountSold: 1n, assetBought: asset, amountBought: amount };
    if (kind === 0) return { type: 0, v0: { sellerEd25519: new Uint8Array(32), offerId: 1n, ...base } };
    if (kind === 1) return { type: 1, orderBook: { sellerId: pk(B), offerId: 1n, ...base } };
    return { type: 2, liquidityPool: { liquidityPoolId: POOL, ...base } };
  };
  const ledger1 = [
    plain(mux(A), etlOps, 0, etlResults, etlMeta, footprint),
    plain(mux(A), [strictReceive, strictSend, deposit, withdraw, op({ type: 16, beginSponsoringFutureReservesOp: { sponsoredId: pk(B) } }), op({ type: 17 }, mux(B))], -1, [
      inner({ type: 2, pathPaymentStrictReceiveResult: { type: -2 } }),
      inner({ type: 13, pathPaymentStrictSendResult: { type: -12 } }),
      inner(okTr(22, 'liquidityPoolDepositResult', -6)),
      { type: -1 },
      inner(okTr(16, 'beginSponsoringFutureReservesResult')),
      inner(okTr(17, 'endSponsoringFutureReservesResult')),
    ]),
    plain(mux(A), [strictReceive, deposit], -5, null),
    feeBump(
      mux(C, 77n),
      [op({ type: 1, paymentOp: { destination: mux(B, 42n), asset: NATIVE, amount: 1n } }, mux(A, 18446744073709551615n)), strictReceive, strictSend, op({ type: 8, destination: mux(B, 7n) })],
      0,
      [
        inner(okTr(1, 'paymentResult')),
        inner({
          type: 2,
          pathPaymentStrictReceiveResult: {
            type: 0,
            success: { offers: [atom(NATIVE, 10n, 1), atom(NATIVE, 5n, 2), atom(NATIVE, 3n, 0), atom(USD, 7n, 1), atom(NATIVE, 100n, 1)], last: { destination: pk(B), asset: USD, amount: 999n } },
          },
        }),
        inner({ type: 13, pathPaymentStrictSendResult: { type: 0, success: { offers: [], last: { destination: pk(B), asset: USD, amount: 12345n } } } }),
        inner({ type: 8, accountMergeResult: { type: 0, sourceAccountBalance: 5n } }),
      ],
    ),
    feeBump(mux(C), [strictReceive], -1, [inner({ type: 2, pathPaymentStrictReceiveResult: { type: -2 } })]),
  ];

  // --- ledger 2 ------------------------------------------------------------------------------
  const trustline = (account: string): X.LedgerEntryData => ({
    type: 1,
    trustLine: { accountId: pk(account), asset: USD as X.TrustLineAsset, balance: 0n, limit: 1n, flags: 1, ext: { type: 0 } },
  });
  const signer: X.Signer = { key: { type: 0, ed25519: pk(C).ed25519 }, weight: 1 };
  const setOptions = op({
    type: 5,
    setOptionsOp: { inflationDest: null, clearFlags: null, setFlags: null, masterWeight: null, lowThreshold: null, medThreshold: null, highThreshold: null, homeDomain: null, signer },
  });
  const lp = (id: Uint8Array, a: bigint, b: bigint, shares: bigint): X.LedgerEntry => poolEntry(id, USD, a, b, shares);
  const sponsorMeta: X.TransactionMeta = {
    type: 3,
    v3: {
      ext: { type: 0 },
      txChangesBefore: [],
      txChangesAfter: [],
      sorobanMeta: null,
      operations: [
        { changes: [] },
        { changes: [{ type: 0, created: entry(trustline(B), S2) }, { type: 0, created: entry(accountData(B), C) }] },
        { changes: [{ type: 3, state: entry(accountData(A)) }, { type: 1, updated: entry(accountData(A, [signer], [S2]), undefined, 9) }] },
        { changes: [{ type: 3, state: entry(accountData(A, [signer], [S2])) }, { type: 1, updated: entry(accountData(A, [signer], [S2]), undefined, 9) }] },
        { changes: [{ type: 3, state: lp(hash32(2), 1n, 1n, 1n) }, { type: 1, updated: lp(hash32(2), 100n, 100n, 100n) }, { type: 0, created: lp(POOL, 30n, 20n, 25n) }] },
        { changes: [] },
        { changes: [{ type: 3, state: lp(POOL, 30n, 20n, 25n) }, { type: 2, removed: { type: 5, liquidityPool: { liquidityPoolId: POOL } } }] },
      ],
    },
  };
  const sponsorTx = plain(
    mux(A),
    [
      op({ type: 16, beginSponsoringFutureReservesOp: { sponsoredId: pk(B) } }, mux(S2, 3n)),
      op({ type: 0, createAccountOp: { destination: pk(B), startingBalance: 1n } }),
      setOptions,
      setOptions,
      op({ type: 22, liquidityPoolDepositOp: { liquidityPoolId: POOL, maxAmountA: 10n, maxAmountB: 10n, minPrice: { n: 1, d: 1 }, maxPrice: { n: 1, d: 1 } } }),
      op({ type: 17 }, mux(B, 99n)),
      op({ type: 23, liquidityPoolWithdrawOp: { liquidityPoolId: POOL, amount: 9n, minAmountA: 1n, minAmountB: 2n } }),
    ],
    0,
    [
      inner(okTr(16, 'beginSponsoringFutureReservesResult')),
      inner(okTr(0, 'createAccountResult')),
      inner(okTr(5, 'setOptionsResult')),
      inner(okTr(5, 'setOptionsResult')),
      inner(okTr(22, 'liquidityPoolDepositResult')),
      inner(okTr(17, 'endSponsoringFutureReservesResult')),
      inner(okTr(23, 'liquidityPoolWithdrawResult')),
    ],
    sponsorMeta,
  );
  const predicates: X.ClaimPredicate[] = [
    { type: 1, andPredicates: [{ type: 3, notPredicate: { type: 4, absBefore: 1726472954n } }, { type: 2, orPredicates: [{ type: 5, relBefore: 0n }, { type: 0 }] }] },
    { type: 4, absBefore: -1n },
    { type: 4, absBefore: 253402300800n },
    { type: 4, absBefore: 9223372036854775807n },
    { type: 4, absBefore: -9223372036854775808n },
    { type: 4, absBefore: -62135596801n },
    { type: 5, relBefore: 9223372036854775807n },
  ];
  const claimTx = plain(
    mux(A),
    [op({ type: 14, createClaimableBalanceOp: { asset: credit('LONGASSET12X', B), amount: 5n, claimants: predicates.map((p, i) => ({ type: 0, v0: { destination: pk([A, B, C][i % 3]!), predicate: p } })) } })],
    -1,
    [inner(okTr(14, 'createClaimableBalanceResult', -2))],
  );
  const edgeOps: X.Operation[] = [
    op({
      type: 5,
      setOptionsOp: {
        inflationDest: null,
        clearFlags: 0,
        setFlags: 16,
        masterWeight: 0,
        lowThreshold: null,
        medThreshold: null,
        highThreshold: null,
        homeDomain: new Uint8Array([0x61, 0xff, 0x3c, 0xe2, 0x82]),
        signer: { key: { type: 3, ed25519SignedPayload: { ed25519: pk(B).ed25519, payload: new Uint8Array([1, 2, 3]) } }, weight: 9 },
      },
    }),
    op({ type: 21, setTrustLineFlagsOp: { trustor: pk(B), asset: USD, setFlags: 8, clearFlags: 0 } }),
    op({ type: 7, allowTrustOp: { trustor: pk(B), asset: { type: 2, assetCode12: bytes('ABCDEFGH\0\0\0\0') }, authorize: 6 } }, mux(A, 5n)),
    op({ type: 6, changeTrustOp: { line: { type: 0 }, limit: 0n } }),
    op({ type: 10, manageDataOp: { dataName: bytes('k&y\u2028'), dataValue: null } }),
    op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: { type: 1, trustLine: { accountId: pk(B), asset: { type: 3, liquidityPoolId: POOL } } } } }),
    op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: lk(contractData(C1, xdr.ContractDataDurability.persistent())) } }),
    op({ type: 11, bumpSequenceOp: { bumpTo: 9223372036854775807n } }),
    op({ type: 3, manageSellOfferOp: { selling: USD, buying: NATIVE, amount: 9007199254740993n, price: { n: 2, d: 3 }, offerId: 9223372036854775807n } }),
    op({ type: 12, manageBuyOfferOp: { selling: USD, buying: NATIVE, buyAmount: 1n, price: { n: 1, d: 20000000 }, offerId: 0n } }),
    op({ type: 4, createPassiveSellOfferOp: { selling: USD, buying: NATIVE, amount: 1n, price: { n: 2147483647, d: 1 } } }),
    op({ type: 12, manageBuyOfferOp: { selling: USD, buying: NATIVE, buyAmount: 1n, price: { n: 1, d: 3 }, offerId: 0n } }),
    op({ type: 12, manageBuyOfferOp: { selling: USD, buying: NATIVE, buyAmount: 1n, price: { n: 5, d: 100000000 }, offerId: 0n } }),
    op({ type: 1, paymentOp: { destination: mux(B), asset: credit('\u00e9\u0001<', B), amount: 9223372036854775807n } }),
    op({ type: 6, changeTrustOp: { line: { type: 3, liquidityPool: { type: 0, constantProduct: { assetA: USD, assetB: credit('USD', C), fee: 30 } } }, limit: 1n } }),
  ];
  const edgeTx = plain(mux(A), edgeOps, -1, edgeOps.map(() => ({ type: -1 }) as X.OperationResult));
  const ledger2 = [sponsorTx, claimTx, edgeTx];

  // --- ledger 3 ------------------------------------------------------------------------------
  const usdc = new Asset('USDC', B);
  const netId = networkId(SYNTHETIC_PASSPHRASE);
  const usdcId = new Uint8Array(StrKey.decodeContract(usdc.contractId(SYNTHETIC_PASSPHRASE)));
  const nativeId = new Uint8Array(StrKey.decodeContract(Asset.native().contractId(SYNTHETIC_PASSPHRASE)));
  const emptyCodeId = sacContractId(parseCanonicalAsset(bytes(`:${B}`))!, netId);
  const fiveId = sacContractId(parseCanonicalAsset(bytes(`ABCDE:${B}`))!, netId);
  const sym = (s: string) => sc(xdr.ScVal.scvSymbol(s));
  const str = (s: string) => sc(xdr.ScVal.scvString(s));
  const addr = (s: string) => sc(Address.fromString(s).toScVal());
  const i128 = (hi: bigint, lo: bigint): X.ScVal => ({ type: 10, i128: { hi, lo } });
  const u64 = sc(xdr.ScVal.scvU64(xdr.Uint64.fromString('1')));
  const event = (contractId: Uint8Array | null, topics: X.ScVal[], data: X.ScVal, type: 0 | 1 | 2 = 1): X.ContractEvent => ({
    ext: { type: 0 },
    contractId,
    type,
    body: { type: 0, v0: { topics, data } },
  });
  const diag = (e: X.ContractEvent, ok = true): X.DiagnosticEvent => ({ inSuccessfulContractCall: ok, event: e });
  const usd = `USDC:${B}`;
  const muxedAddr = sc(xdr.ScVal.scvAddress(xdr.ScAddress.scAddressTypeMuxedAccount(new xdr.MuxedEd25519Account({ id: xdr.Uint64.fromString('12'), ed25519: StrKey.decodeEd25519PublicKey(B) }))));
  const events: X.DiagnosticEvent[] = [
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(usd)], i128(0n, 12345678n))),
    diag(event(usdcId, [sym('mint'), addr(B), addr(A), str(usd)], i128(0n, 5n))),
    diag(event(usdcId, [sym('clawback'), addr(B), addr(A), str(usd)], i128(0n, 10000000n))),
    diag(event(usdcId, [sym('burn'), addr(A), str(usd)], i128(-1n, 18446744073709551615n))),
    diag(event(nativeId, [sym('transfer'), addr(C1), addr(A), str('native')], i128(1n, 0n))),
    diag(event(nativeId, [sym('transfer'), addr(A), addr(C1), str(usd)], i128(0n, 1n))),
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(usd)], i128(0n, 1n)), false),
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(usd)], i128(0n, 1n), 2)),
    diag(event(usdcId, [sym('transfer'), addr(A), str(usd)], i128(0n, 1n))),
    diag(event(usdcId, [sym('mint'), addr(A), str(usd)], i128(0n, 1n))),
    diag(event(usdcId, [sym('transfer'), addr(A), addr(C1), str(usd)], u64)),
    diag(event(usdcId, [sym('approve'), addr(A), addr(C1), str(usd)], i128(0n, 1n))),
    diag(event(usdcId, [sym('transfer'), addr(A), sym('x'), str(usd)], i128(0n, 9n))),
    diag(event(usdcId, [sym('clawback'), addr(B), sym('x'), str(usd)], i128(0n, 9n))),
    diag(event(usdcId, [sym('burn'), addr(A), str(usd)], u64)),
    diag(event(usdcId, [sym('transfer'), sym('x'), addr(C1), str(usd)], i128(0n, 1n))),
    diag(event(emptyCodeId, [sym('transfer'), addr(A), addr(C1), str(`:${B}`)], i128(0n, 3n))),
    diag(event(fiveId, [sym('mint'), addr(A), addr(C1), str(`ABCDE:${B}`)], i128(0n, 3n))),
    diag(event(fiveId, [sym('mint'), addr(A), addr(C1), str(`ABCDE:${B}`), str('extra')], i128(0n, 3n))),
    diag(event(usdcId, [sym('transfer'), addr(A), muxedAddr, str(usd)], i128(0n, 3n))),
  ];
  const U64 = (s: string) => xdr.Uint64.fromString(s);
  const I64 = (s: string) => xdr.Int64.fromString(s);
  const args = [
    xdr.ScVal.scvBool(true),
    xdr.ScVal.scvVoid(),
    xdr.ScVal.scvError(xdr.ScError.sceContract(7)),
    xdr.ScVal.scvError(xdr.ScError.sceWasmVm(xdr.ScErrorCode.scecArithDomain())),
    xdr.ScVal.scvU32(4294967295),
    xdr.ScVal.scvI32(-5),
    xdr.ScVal.scvU64(U64('18446744073709551615')),
    xdr.ScVal.scvI64(I64('-9223372036854775808')),
    xdr.ScVal.scvTimepoint(U64('1704067200')),
    xdr.ScVal.scvTimepoint(U64('18446744073709551615')),
    xdr.ScVal.scvDuration(U64('86400')),
    xdr.ScVal.scvU128(new xdr.UInt128Parts({ hi: U64('1'), lo: U64('0') })),
    xdr.ScVal.scvI128(new xdr.Int128Parts({ hi: I64('-1'), lo: U64('18446744073709551615') })),
    xdr.ScVal.scvU256(new xdr.UInt256Parts({ hiHi: U64('1'), hiLo: U64('0'), loHi: U64('0'), loLo: U64('5') })),
    xdr.ScVal.scvI256(new xdr.Int256Parts({ hiHi: I64('-1'), hiLo: U64('18446744073709551615'), loHi: U64('18446744073709551615'), loLo: U64('18446744073709551614') })),
    xdr.ScVal.scvBytes(Buffer.from([1, 2, 255])),
    xdr.ScVal.scvString(Buffer.from([0x61, 0x3c, 0xff, 0x26, 0x22, 0x0a])),
    xdr.ScVal.scvSymbol('hello_World'),
    xdr.ScVal.scvVec([xdr.ScVal.scvU32(1), xdr.ScVal.scvVec([xdr.ScVal.scvSymbol('x'), xdr.ScVal.scvVoid()])]),
    xdr.ScVal.scvVec(null),
    xdr.ScVal.scvVec([]),
    xdr.ScVal.scvMap([
      new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol('a'), val: xdr.ScVal.scvBool(true) }),
      new xdr.ScMapEntry({ key: xdr.ScVal.scvU32(2), val: xdr.ScVal.scvVec([]) }),
    ]),
    xdr.ScVal.scvMap(null),
    new Address(A).toScVal(),
    new Address(C1).toScVal(),
    xdr.ScVal.scvContractInstance(new xdr.ScContractInstance({ executable: xdr.ContractExecutable.contractExecutableStellarAsset(), storage: [] })),
    xdr.ScVal.scvContractInstance(
      new xdr.ScContractInstance({
        executable: xdr.ContractExecutable.contractExecutableWasm(Buffer.alloc(32, 0xab)),
        storage: [new xdr.ScMapEntry({ key: xdr.ScVal.scvSymbol('k'), val: xdr.ScVal.scvU32(1) })],
      }),
    ),
    xdr.ScVal.scvContractInstance(new xdr.ScContractInstance({ executable: xdr.ContractExecutable.contractExecutableStellarAsset(), storage: null })),
    xdr.ScVal.scvLedgerKeyContractInstance(),
    xdr.ScVal.scvLedgerKeyNonce(new xdr.ScNonceKey({ nonce: I64('-255') })),
    xdr.ScVal.scvLedgerKeyNonce(new xdr.ScNonceKey({ nonce: I64('3054') })),
  ];
  const hostFunction = (f: xdr.HostFunction): X.HostFunction => decode.HostFunction(new Uint8Array(f.toXDR()));
  const invokeAll = hostFunction(
    xdr.HostFunction.hostFunctionTypeInvokeContract(new xdr.InvokeContractArgs({ contractAddress: Address.fromString(C1).toScAddress(), functionName: 'transfer', args })),
  );
  const invokeSmall = hostFunction(
    xdr.HostFunction.hostFunctionTypeInvokeContract(new xdr.InvokeContractArgs({ contractAddress: Address.fromString(C2).toScAddress(), functionName: 'f', args: [] })),
  );
  const createV2 = hostFunction(
    xdr.HostFunction.hostFunctionTypeCreateContractV2(
      new xdr.CreateContractArgsV2({
        contractIdPreimage: xdr.ContractIdPreimage.contractIdPreimageFromAddress(new xdr.ContractIdPreimageFromAddress({ address: Address.fromString(A).toScAddress(), salt: Buffer.alloc(32, 3) })),
        executable: xdr.ContractExecutable.contractExecutableWasm(Buffer.alloc(32, 4)),
        constructorArgs: [xdr.ScVal.scvU32(1), xdr.ScVal.scvString('x')],
      }),
    ),
  );
  const create = hostFunction(
    xdr.HostFunction.hostFunctionTypeCreateContract(
      new xdr.CreateContractArgs({ contractIdPreimage: xdr.ContractIdPreimage.contractIdPreimageFromAsset(usdc.toXDRObject()), executable: xdr.ContractExecutable.contractExecutableStellarAsset() }),
    ),
  );
  const invokeOk = inner({ type: 24, invokeHostFunctionResult: { type: 0, success: new Uint8Array(32) } });
  const ledger3 = [
    plain(mux(A), [op({ type: 24, invokeHostFunctionOp: { hostFunction: invokeAll, auth: [] } })], 0, [invokeOk], {
      type: 3,
      v3: { ext: { type: 0 }, txChangesBefore: [], operations: [{ changes: [] }], txChangesAfter: [], sorobanMeta: { ext: { type: 0 }, events: [], returnValue: { type: 1 }, diagnosticEvents: events } },
    }, footprint),
    plain(mux(A), [op({ type: 24, invokeHostFunctionOp: { hostFunction: invokeSmall, auth: [] } })], 0, [invokeOk], {
      type: 4,
      v4: { ext: { type: 0 }, txChangesBefore: [], operations: [{ ext: { type: 0 }, changes: [], events: [] }], txChangesAfter: [], sorobanMeta: null, events: [], diagnosticEvents: events.slice(0, 5) },
    }, footprint),
    plain(
      mux(A),
      [
        op({ type: 24, invokeHostFunctionOp: { hostFunction: createV2, auth: [] } }),
        op({ type: 24, invokeHostFunctionOp: { hostFunction: create, auth: [] } }),
        op({ type: 24, invokeHostFunctionOp: { hostFunction: { type: 2, wasm: new Uint8Array([0, 97, 115, 109]) }, auth: [] } }),
        op({ type: 25, extendFootprintTtlOp: { ext: { type: 0 }, extendTo: 77 } }),
        op({ type: 26, restoreFootprintOp: { ext: { type: 0 } } }),
      ],
      -1,
      [
        inner({ type: 24, invokeHostFunctionResult: { type: -2 } }),
        inner({ type: 24, invokeHostFunctionResult: { type: -3 } }),
        { type: -1 },
        inner({ type: 25, extendFootprintTtlResult: { type: -1 } }),
        inner({ type: 26, restoreFootprintResult: { type: -2 } }),
      ],
      undefined,
      footprint,
    ),
  ];

  // --- ledger 4 (LedgerCloseMeta v2, protocol 23, meta v4) ------------------------------------
  const v4 = (perOp: X.LedgerEntryChange[][], diagnosticEvents: X.DiagnosticEvent[] = []): X.TransactionMeta => ({
    type: 4,
    v4: {
      ext: { type: 0 },
      txChangesBefore: [],
      operations: perOp.map((changes) => ({ ext: { type: 0 }, changes, events: [] })),
      txChangesAfter: [],
      sorobanMeta: null,
      events: [],
      diagnosticEvents,
    },
  });
  const restoredData = entry(trustline(C), S2);
  const muxedScAddress = (id: string): X.ScVal => sc(xdr.ScVal.scvAddress(xdr.ScAddress.scAddressTypeMuxedAccount(new xdr.MuxedEd25519Account({ id: U64(id), ed25519: StrKey.decodeEd25519PublicKey(C) }))));
  const extraArgs: X.ScVal[] = [
    muxedScAddress('18446744073709551615'),
    { type: 18, address: { type: 3, claimableBalanceId: { type: 0, v0: hash32(5, 6) } } },
    { type: 18, address: { type: 4, liquidityPoolId: hash32(8, 9) } },
    sc(xdr.ScVal.scvSymbol('a<b')),
    sc(xdr.ScVal.scvMap([new xdr.ScMapEntry({ key: xdr.ScVal.scvVec([xdr.ScVal.scvU32(1)]), val: xdr.ScVal.scvMap([]) })])),
  ];
  const invokeExtra: X.HostFunction = {
    type: 0,
    invokeContract: { contractAddress: { type: 1, contractId: hash32(3) }, functionName: bytes('swap'), args: extraArgs },
  };
  const ledger4 = [
    plain(
      mux(A),
      [
        op({ type: 0, createAccountOp: { destination: pk(C), startingBalance: 9007199254740993n } }),
        op({ type: 6, changeTrustOp: { line: USD as X.ChangeTrustAsset, limit: 1n } }, mux(C, 1n)),
        op({ type: 10, manageDataOp: { dataName: bytes('empty'), dataValue: new Uint8Array(0) } }),
      ],
      0,
      [inner(okTr(0, 'createAccountResult')), inner(okTr(6, 'changeTrustResult')), inner(okTr(10, 'manageDataResult'))],
      v4([
        [{ type: 0, created: entry(accountData(C), S2) }],
        [{ type: 4, restored: restoredData }, { type: 1, updated: entry(trustline(C), S2, 3) }],
        [{ type: 0, created: entry({ type: 3, data: { accountId: pk(A), dataName: bytes('empty'), dataValue: new Uint8Array(0), ext: { type: 0 } } }, B) }],
      ]),
    ),
    feeBump(
      mux(A, 9n),
      [op({ type: 24, invokeHostFunctionOp: { hostFunction: invokeExtra, auth: [] } })],
      0,
      [invokeOk],
      v4([[]], events.slice(0, 2)),
      footprint,
    ),
    plain(
      mux(A),
      [
        op({ type: 3, manageSellOfferOp: { selling: USD, buying: NATIVE, amount: 1n, price: { n: 5, d: 100000000 }, offerId: 0n } }),
        op({ type: 3, manageSellOfferOp: { selling: USD, buying: NATIVE, amount: 1n, price: { n: 15, d: 100000000 }, offerId: 0n } }),
        op({ type: 14, createClaimableBalanceOp: { asset: NATIVE, amount: 1n, claimants: [] } }),
        op({ type: 14, createClaimableBalanceOp: { asset: NATIVE, amount: 1n, claimants: [{ type: 0, v0: { destination: pk(B), predicate: { type: 1, andPredicates: [] } } }] } }),
        op({
          type: 5,
          setOptionsOp: { inflationDest: pk(C), clearFlags: 15, setFlags: null, masterWeight: 255, lowThreshold: 0, medThreshold: 0, highThreshold: 0, homeDomain: new Uint8Array(0), signer: { key: { type: 1, preAuthTx: hash32(1) }, weight: 0 } },
        }),
        op({ type: 21, setTrustLineFlagsOp: { trustor: pk(B), asset: credit('LONGERASSET', C), setFlags: 0, clearFlags: 7 } }),
        op({ type: 18, revokeSponsorshipOp: { type: 1, signer: { accountId: pk(B), signerKey: { type: 2, hashX: hash32(4) } } } }),
      ],
      -1,
      Array.from({ length: 7 }, (): X.OperationResult => ({ type: -1 })),
    ),
  ];

  // --- ledger 5 (LedgerCloseMeta v0, protocol 12: txINTERNAL_ERROR hides operation changes) -----
  const ledger5 = [
    plain(mux(A), [op({ type: 0, createAccountOp: { destination: pk(C), startingBalance: 1n } })], -11, null, v4([[{ type: 0, created: entry(accountData(C), S2) }]])),
    plain(mux(A), [op({ type: 0, createAccountOp: { destination: pk(B), startingBalance: 1n } })], 0, [inner(okTr(0, 'createAccountResult'))], v4([[{ type: 0, created: entry(accountData(B), S2) }]])),
  ];
  return [ledger1, ledger2, ledger3, ledger4, ledger5];
}

/** Per synthetic ledger: LedgerCloseMeta version and protocol. */
const LEDGER_SHAPES: readonly { lcmVersion: 0 | 1 | 2; protocol: number }[] = [
  { lcmVersion: 1, protocol: 22 },
  { lcmVersion: 1, protocol: 22 },
  { lcmVersion: 1, protocol: 22 },
  { lcmVersion: 2, protocol: 23 },
  { lcmVersion: 0, protocol: 12 },
];

/** The synthetic ledgers as raw LedgerCloseMeta bytes, by sequence. */
export function syntheticOperationLedgers(): { sequence: number; bytes: Uint8Array }[] {
  const netId = networkId(SYNTHETIC_PASSPHRASE);
  return transactions().map((txs, i) => {
    const sequence = SYNTHETIC_FIRST_SEQUENCE + i;
    // Hashes by our own implementation: stellar-base cannot parse every operation used here.
    const overrideHashes = txs.map((t) => {
      const b = encode.TransactionEnvelope(t.envelope);
      return transactionHash(decode.TransactionEnvelope(b), b, netId);
    });
    const shape = LEDGER_SHAPES[i]!;
    const bytes = buildLedger({ ...shape, sequence, passphrase: SYNTHETIC_PASSPHRASE, txs, closeTime: 1700000000n + BigInt(i), overrideHashes });
    return { sequence, bytes };
  });
}
