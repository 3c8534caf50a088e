/**
 * The inputs and expected details of stellar-etl's TestTransformOperation (one successful
 * transaction holding one operation of every type), re-expressed as plain XDR values. The
 * transaction source is account 3 (ACC3).
 */
import type { JsonObject } from '../../src/schema/index.js';
import type * as X from '../../src/xdr/types.js';
import { NATIVE, credit, entry, hash32, inner, mux, okTr, op, pk } from './helpers.js';

export const ACC1 = 'GCEODJVUUVYVFD5KT4TOEDTMXQ76OPFOQC2EMYYMLPXQCUVPOB6XRWPQ';
export const ACC3 = 'GBT4YAEGJQ5YSFUMNKX6BPBUOCPNAIOFAVZOF6MIME2CECBMEIUXFZZN';
export const ACC4 = 'GBVVRXLMNCJQW3IDDXC3X6XCH35B5Q7QXNMMFPENSOGUPQO7WO7HGZPA';
export const ZERO_G = 'GAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWHF';
export const ZERO_C = 'CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABSC4';

const USDT = credit('USDT', ACC4);
const USSD = credit('USSD', ACC4);
const POOL_ID = hash32(1, 2, 3, 4, 5, 6, 7, 8, 9);
const BALANCE_ID: X.ClaimableBalanceId = { type: 0, v0: hash32(1, 2, 3, 4, 5, 6, 7, 8, 9) };
const ZERO_SIGNER: X.SignerKey = { type: 0, ed25519: new Uint8Array(32) };
const NATIVE_ID = -5706705804583548011n;
const USDT_ID = -8205667356306085451n;
const USSD_ID = 6690054458235693884n;

const zeroAlphaNum12: X.Asset = { type: 2, alphaNum12: { assetCode: new Uint8Array(12), issuer: { type: 0, ed25519: new Uint8Array(32) } } };

export const ops: X.Operation[] = [
  op({ type: 0, createAccountOp: { destination: pk(ACC4), startingBalance: 25000000n } }),
  op({ type: 1, paymentOp: { destination: mux(ACC4), asset: USDT, amount: 350000000n } }),
  op({ type: 1, paymentOp: { destination: mux(ACC4), asset: NATIVE, amount: 350000000n } }),
  op(
    { type: 2, pathPaymentStrictReceiveOp: { sendAsset: NATIVE, sendMax: 8951495900n, destination: mux(ACC4), destAsset: NATIVE, destAmount: 8951495900n, path: [USDT] } },
    mux(ACC3),
  ),
  op({ type: 3, manageSellOfferOp: { selling: USDT, buying: NATIVE, amount: 765860000n, price: { n: 128523, d: 250000 }, offerId: 0n } }),
  op({ type: 4, createPassiveSellOfferOp: { selling: NATIVE, buying: USDT, amount: 631595000n, price: { n: 99583200, d: 1257990000 } } }),
  op({
    type: 5,
    setOptionsOp: {
      inflationDest: pk(ACC4),
      clearFlags: 3,
      setFlags: 4,
      masterWeight: 3,
      lowThreshold: 1,
      medThreshold: 3,
      highThreshold: 5,
      homeDomain: new TextEncoder().encode('2019=DRA;n-test'),
      signer: { key: ZERO_SIGNER, weight: 1 },
    },
  }),
  op({ type: 6, changeTrustOp: { line: USSD as X.ChangeTrustAsset, limit: 500000000000000000n } }),
  op({ type: 6, changeTrustOp: { line: { type: 3, liquidityPool: { type: 0, constantProduct: { assetA: NATIVE, assetB: USSD, fee: 30 } } }, limit: 500000000000000000n } }),
  op({ type: 7, allowTrustOp: { trustor: pk(ACC4), asset: { type: 1, assetCode4: new TextEncoder().encode('USDT') }, authorize: 1 } }),
  op({ type: 8, destination: mux(ACC4) }),
  op({ type: 9 }),
  op({ type: 10, manageDataOp: { dataName: new TextEncoder().encode('test'), dataValue: new Uint8Array([0x76, 0x61, 0x6c, 0x75, 0x65]) } }),
  op({ type: 11, bumpSequenceOp: { bumpTo: 100n } }),
  op({ type: 12, manageBuyOfferOp: { selling: USDT, buying: NATIVE, buyAmount: 7654501001n, price: { n: 635863285, d: 1818402817 }, offerId: 100n } }),
  op({ type: 13, pathPaymentStrictSendOp: { sendAsset: NATIVE, sendAmount: 1598182n, destination: mux(ACC4), destAsset: NATIVE, destMin: 4280460538n, path: [USDT] } }),
  op({
    type: 14,
    createClaimableBalanceOp: { asset: USDT, amount: 1234567890000n, claimants: [{ type: 0, v0: { destination: pk(ACC1), predicate: { type: 0 } } }] },
  }),
  op({ type: 15, claimClaimableBalanceOp: { balanceId: BALANCE_ID } }, mux(ACC3)),
  op({ type: 16, beginSponsoringFutureReservesOp: { sponsoredId: pk(ACC4) } }),
  op({ type: 18, revokeSponsorshipOp: { type: 1, signer: { accountId: pk(ACC4), signerKey: ZERO_SIGNER } } }),
  op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: { type: 0, account: { accountId: pk(ACC4) } } } }),
  op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: { type: 4, claimableBalance: { balanceId: BALANCE_ID } } } }),
  op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: { type: 3, data: { accountId: pk(ACC4), dataName: new TextEncoder().encode('test') } } } }),
  op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: { type: 2, offer: { sellerId: pk(ACC3), offerId: 100n } } } }),
  op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: { type: 1, trustLine: { accountId: pk(ACC3), asset: credit('USTT', ACC3) as X.TrustLineAsset } } } }),
  op({ type: 18, revokeSponsorshipOp: { type: 0, ledgerKey: { type: 5, liquidityPool: { liquidityPoolId: POOL_ID } } } }),
  op({ type: 19, clawbackOp: { asset: USDT, from: mux(ACC4), amount: 1598182n } }),
  op({ type: 20, clawbackClaimableBalanceOp: { balanceId: BALANCE_ID } }),
  op({ type: 21, setTrustLineFlagsOp: { trustor: pk(ACC4), asset: USDT, setFlags: 4, clearFlags: 3 } }),
  op({ type: 22, liquidityPoolDepositOp: { liquidityPoolId: POOL_ID, maxAmountA: 1000n, maxAmountB: 100n, minPrice: { n: 1, d: 1000000 }, maxPrice: { n: 1000000, d: 1 } } }),
  op({ type: 23, liquidityPoolWithdrawOp: { liquidityPoolId: POOL_ID, amount: 4n, minAmountA: 1n, minAmountB: 1n } }),
  op({
    type: 24,
    invokeHostFunctionOp: {
      hostFunction: { type: 0, invokeContract: { contractAddress: { type: 1, contractId: new Uint8Array(32) }, functionName: new TextEncoder().encode('test'), args: [] } },
      auth: [],
    },
  }),
  op({
    type: 24,
    invokeHostFunctionOp: {
      hostFunction: {
        type: 1,
        createContract: {
          contractIdPreimage: { type: 0, fromAddress: { address: { type: 1, contractId: new Uint8Array(32) }, salt: new Uint8Array(32) } },
          executable: { type: 0, wasmHash: new Uint8Array(32) },
        },
      },
      auth: [],
    },
  }),
  op({
    type: 24,
    invokeHostFunctionOp: {
      hostFunction: { type: 1, createContract: { contractIdPreimage: { type: 1, fromAsset: zeroAlphaNum12 }, executable: { type: 0, wasmHash: new Uint8Array(32) } } },
      auth: [],
    },
  }),
  op({
    type: 24,
    invokeHostFunctionOp: {
      hostFunction: {
        type: 3,
        createContractV2: {
          contractIdPreimage: { type: 1, fromAsset: zeroAlphaNum12 },
          executable: { type: 0, wasmHash: new Uint8Array(32) },
          constructorArgs: [{ type: 0, b: true }],
        },
      },
      auth: [],
    },
  }),
  op({ type: 24, invokeHostFunctionOp: { hostFunction: { type: 2, wasm: new Uint8Array(0) }, auth: [] } }),
  op({ type: 25, extendFootprintTtlOp: { ext: { type: 0 }, extendTo: 1234 } }),
  op({ type: 26, restoreFootprintOp: { ext: { type: 0 } } }),
];

/** stellar-etl's test result list (its invoke results also cover the two footprint operations). */
export const results: X.OperationResult[] = [
  inner(okTr(0, 'createAccountResult')),
  inner(okTr(1, 'paymentResult')),
  inner(okTr(1, 'paymentResult')),
  inner({
    type: 2,
    pathPaymentStrictReceiveResult: { type: 0, success: { offers: [], last: { destination: pk(ACC4), asset: NATIVE, amount: 8946764349n } } },
  }),
  inner({ type: 3, manageSellOfferResult: { type: 0, success: { offersClaimed: [], offer: { type: 2 } } } }),
  inner({ type: 3, manageSellOfferResult: { type: 0, success: { offersClaimed: [], offer: { type: 2 } } } }),
  inner(okTr(5, 'setOptionsResult')),
  inner(okTr(6, 'changeTrustResult')),
  inner(okTr(6, 'changeTrustResult')),
  inner(okTr(7, 'allowTrustResult')),
  inner({ type: 8, accountMergeResult: { type: 0, sourceAccountBalance: 0n } }),
  inner({ type: 9, inflationResult: { type: 0, payouts: [] } }),
  inner(okTr(10, 'manageDataResult')),
  inner(okTr(11, 'bumpSeqResult')),
  inner({ type: 12, manageBuyOfferResult: { type: 0, success: { offersClaimed: [], offer: { type: 2 } } } }),
  inner({ type: 13, pathPaymentStrictSendResult: { type: 0, success: { offers: [], last: { destination: pk(ACC4), asset: NATIVE, amount: 4334043858n } } } }),
  inner({ type: 14, createClaimableBalanceResult: { type: 0, balanceId: BALANCE_ID } }),
  inner(okTr(15, 'claimClaimableBalanceResult')),
  inner(okTr(16, 'beginSponsoringFutureReservesResult')),
  ...Array.from({ length: 7 }, () => inner(okTr(18, 'revokeSponsorshipResult'))),
  inner(okTr(19, 'clawbackResult')),
  inner(okTr(20, 'clawbackClaimableBalanceResult')),
  inner(okTr(21, 'setTrustLineFlagsResult')),
  inner(okTr(22, 'liquidityPoolDepositResult')),
  inner(okTr(23, 'liquidityPoolWithdrawResult')),
  ...Array.from({ length: 7 }, () => inner({ type: 24, invokeHostFunctionResult: { type: 0, success: new Uint8Array(32) } })),
];

function lpEntry(reserveA: bigint, reserveB: bigint, shares: bigint, trustlines: bigint): X.LedgerEntry {
  return {
    ...entry({
      type: 5,
      liquidityPool: {
        liquidityPoolId: POOL_ID,
        body: { type: 0, constantProduct: { params: { assetA: NATIVE, assetB: USSD, fee: 30 }, reserveA, reserveB, totalPoolShares: shares, poolSharesTrustLineCount: trustlines } },
      },
    }),
    lastModifiedLedgerSeq: 0,
  };
}

/** stellar-etl's sample meta: 29 empty operation metas, two pool updates, one more empty. */
const lpChanges: X.LedgerEntryChange[] = [
  { type: 3, state: lpEntry(100000n, 1000n, 500n, 25n) },
  { type: 1, updated: lpEntry(101000n, 1100n, 502n, 26n) },
];
export const meta: X.TransactionMeta = {
  type: 1,
  v1: {
    txChanges: [],
    operations: [...Array.from({ length: 29 }, () => ({ changes: [] })), { changes: lpChanges }, { changes: lpChanges }, { changes: [] }],
  },
};

const usdtFields = { asset_code: 'USDT', asset_issuer: ACC4, asset_type: 'credit_alphanum4', asset_id: USDT_ID };
const nativeFields = { asset_type: 'native', asset_id: NATIVE_ID };
const usdtPath = [{ asset_code: 'USDT', asset_issuer: ACC4, asset_type: 'credit_alphanum4' }];
const footprintless = { contract_code_hash: null, ledger_key_hash: null };

export const expected: { type: number; typeString: string; trace: string; source?: string; details: JsonObject }[] = [
  { type: 0, typeString: 'create_account', trace: 'CreateAccountResultCodeCreateAccountSuccess', details: { account: ACC4, funder: ACC3, starting_balance: 2.5 } },
  { type: 1, typeString: 'payment', trace: 'PaymentResultCodePaymentSuccess', details: { from: ACC3, to: ACC4, amount: 35, ...usdtFields } },
  { type: 1, typeString: 'payment', trace: 'PaymentResultCodePaymentSuccess', details: { from: ACC3, to: ACC4, amount: 35, ...nativeFields } },
  {
    type: 2,
    typeString: 'path_payment_strict_receive',
    trace: 'PathPaymentStrictReceiveResultCodePathPaymentStrictReceiveSuccess',
    details: { from: ACC3, to: ACC4, source_amount: 894.6764349, source_max: 895.14959, amount: 895.14959, source_asset_type: 'native', source_asset_id: NATIVE_ID, ...nativeFields, path: usdtPath },
  },
  {
    type: 3,
    typeString: 'manage_sell_offer',
    trace: 'ManageSellOfferResultCodeManageSellOfferSuccess',
    details: {
      price: 0.514092,
      amount: 76.586,
      offer_id: 0n,
      price_r: { n: 128523, d: 250000 },
      selling_asset_code: 'USDT',
      selling_asset_type: 'credit_alphanum4',
      selling_asset_issuer: ACC4,
      selling_asset_id: USDT_ID,
      buying_asset_type: 'native',
      buying_asset_id: NATIVE_ID,
    },
  },
  {
    type: 4,
    typeString: 'create_passive_sell_offer',
    trace: 'ManageSellOfferResultCodeManageSellOfferSuccess',
    details: {
      amount: 63.1595,
      price: 0.0791606,
      price_r: { n: 99583200, d: 1257990000 },
      buying_asset_code: 'USDT',
      buying_asset_type: 'credit_alphanum4',
      buying_asset_issuer: ACC4,
      buying_asset_id: USDT_ID,
      selling_asset_type: 'native',
      selling_asset_id: NATIVE_ID,
    },
  },
  {
    type: 5,
    typeString: 'set_options',
    trace: 'SetOptionsResultCodeSetOptionsSuccess',
    details: {
      inflation_dest: ACC4,
      clear_flags: [1, 2],
      clear_flags_s: ['auth_required', 'auth_revocable'],
      set_flags: [4],
      set_flags_s: ['auth_immutable'],
      master_key_weight: 3,
      low_threshold: 1,
      med_threshold: 3,
      high_threshold: 5,
      home_domain: '2019=DRA;n-test',
      signer_key: ZERO_G,
      signer_weight: 1,
    },
  },
  {
    type: 6,
    typeString: 'change_trust',
    trace: 'ChangeTrustResultCodeChangeTrustSuccess',
    details: { trustor: ACC3, trustee: ACC4, limit: 50000000000, asset_code: 'USSD', asset_type: 'credit_alphanum4', asset_issuer: ACC4, asset_id: USSD_ID },
  },
  {
    type: 6,
    typeString: 'change_trust',
    trace: 'ChangeTrustResultCodeChangeTrustSuccess',
    details: {
      trustor: ACC3,
      limit: 50000000000,
      asset_type: 'liquidity_pool_shares',
      liquidity_pool_id: '185a6b384c651552ba09b32851b79f5f6ab61e80883d303f52bea1406a4923f0',
      liquidity_pool_id_strkey: 'LAMFU2ZYJRSRKUV2BGZSQUNXT5PWVNQ6QCED2MB7KK7KCQDKJER7BGLT',
    },
  },
  {
    type: 7,
    typeString: 'allow_trust',
    trace: 'AllowTrustResultCodeAllowTrustSuccess',
    details: { trustee: ACC3, trustor: ACC4, authorize: true, asset_code: 'USDT', asset_type: 'credit_alphanum4', asset_issuer: ACC3, asset_id: 8485542065083974675n },
  },
  { type: 8, typeString: 'account_merge', trace: 'AccountMergeResultCodeAccountMergeSuccess', details: { account: ACC3, into: ACC4 } },
  { type: 9, typeString: 'inflation', trace: 'InflationResultCodeInflationSuccess', details: {} },
  { type: 10, typeString: 'manage_data', trace: 'ManageDataResultCodeManageDataSuccess', details: { name: 'test', value: 'dmFsdWU=' } },
  { type: 11, typeString: 'bump_sequence', trace: 'BumpSequenceResultCodeBumpSequenceSuccess', details: { bump_to: '100' } },
  {
    type: 12,
    typeString: 'manage_buy_offer',
    trace: 'ManageBuyOfferResultCodeManageBuyOfferSuccess',
    details: {
      price: 0.3496823,
      amount: 765.4501001,
      price_r: { n: 635863285, d: 1818402817 },
      selling_asset_code: 'USDT',
      selling_asset_type: 'credit_alphanum4',
      selling_asset_issuer: ACC4,
      selling_asset_id: USDT_ID,
      buying_asset_type: 'native',
      buying_asset_id: NATIVE_ID,
      offer_id: 100n,
    },
  },
  {
    type: 13,
    typeString: 'path_payment_strict_send',
    trace: 'PathPaymentStrictSendResultCodePathPaymentStrictSendSuccess',
    details: {
      from: ACC3,
      to: ACC4,
      source_amount: 0.1598182,
      destination_min: '428.0460538',
      amount: 433.4043858,
      path: usdtPath,
      source_asset_type: 'native',
      source_asset_id: NATIVE_ID,
      ...nativeFields,
    },
  },
  {
    type: 14,
    typeString: 'create_claimable_balance',
    trace: 'CreateClaimableBalanceResultCodeCreateClaimableBalanceSuccess',
    details: { asset: `USDT:${ACC4}`, amount: 123456.789, claimants: [{ destination: ACC1, predicate: { unconditional: true } }] },
  },
  {
    type: 15,
    typeString: 'claim_claimable_balance',
    trace: 'ClaimClaimableBalanceResultCodeClaimClaimableBalanceSuccess',
    details: {
      claimant: ACC3,
      balance_id: '000000000102030405060708090000000000000000000000000000000000000000000000',
      balance_id_strkey: 'BAAACAQDAQCQMBYIBEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACPGI',
    },
  },
  {
    type: 16,
    typeString: 'begin_sponsoring_future_reserves',
    trace: 'BeginSponsoringFutureReservesResultCodeBeginSponsoringFutureReservesSuccess',
    details: { sponsored_id: ACC4 },
  },
  { type: 18, typeString: 'revoke_sponsorship', trace: 'RevokeSponsorshipResultCodeRevokeSponsorshipSuccess', details: { signer_account_id: ACC4, signer_key: ZERO_G } },
  { type: 18, typeString: 'revoke_sponsorship', trace: 'RevokeSponsorshipResultCodeRevokeSponsorshipSuccess', details: { account_id: ACC4 } },
  {
    type: 18,
    typeString: 'revoke_sponsorship',
    trace: 'RevokeSponsorshipResultCodeRevokeSponsorshipSuccess',
    details: {
      claimable_balance_id: '000000000102030405060708090000000000000000000000000000000000000000000000',
      claimable_balance_id_strkey: 'BAAACAQDAQCQMBYIBEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACPGI',
    },
  },
  { type: 18, typeString: 'revoke_sponsorship', trace: 'RevokeSponsorshipResultCodeRevokeSponsorshipSuccess', details: { data_account_id: ACC4, data_name: 'test' } },
  { type: 18, typeString: 'revoke_sponsorship', trace: 'RevokeSponsorshipResultCodeRevokeSponsorshipSuccess', details: { offer_id: 100n } },
  {
    type: 18,
    typeString: 'revoke_sponsorship',
    trace: 'RevokeSponsorshipResultCodeRevokeSponsorshipSuccess',
    details: { trustline_account_id: ACC3, trustline_asset: `USTT:${ACC3}` },
  },
  {
    type: 18,
    typeString: 'revoke_sponsorship',
    trace: 'RevokeSponsorshipResultCodeRevokeSponsorshipSuccess',
    details: {
      liquidity_pool_id: '0102030405060708090000000000000000000000000000000000000000000000',
      liquidity_pool_id_strkey: 'LAAQEAYEAUDAOCAJAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAATUC',
    },
  },
  { type: 19, typeString: 'clawback', trace: 'ClawbackResultCodeClawbackSuccess', details: { from: ACC4, amount: 0.1598182, ...usdtFields } },
  {
    type: 20,
    typeString: 'clawback_claimable_balance',
    trace: 'ClawbackClaimableBalanceResultCodeClawbackClaimableBalanceSuccess',
    details: {
      balance_id: '000000000102030405060708090000000000000000000000000000000000000000000000',
      balance_id_strkey: 'BAAACAQDAQCQMBYIBEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAACPGI',
    },
  },
  {
    type: 21,
    typeString: 'set_trust_line_flags',
    trace: 'SetTrustLineFlagsResultCodeSetTrustLineFlagsSuccess',
    details: {
      ...usdtFields,
      trustor: ACC4,
      clear_flags: [1, 2],
      clear_flags_s: ['authorized', 'authorized_to_maintain_liabilities'],
      set_flags: [4],
      set_flags_s: ['clawback_enabled'],
    },
  },
  {
    type: 22,
    typeString: 'liquidity_pool_deposit',
    trace: 'LiquidityPoolDepositResultCodeLiquidityPoolDepositSuccess',
    details: {
      liquidity_pool_id: '0102030405060708090000000000000000000000000000000000000000000000',
      liquidity_pool_id_strkey: 'LAAQEAYEAUDAOCAJAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAATUC',
      reserve_a_asset_type: 'native',
      reserve_a_asset_id: NATIVE_ID,
      reserve_a_max_amount: 0.0001,
      reserve_a_deposit_amount: 0.0001,
      reserve_b_asset_type: 'credit_alphanum4',
      reserve_b_asset_code: 'USSD',
      reserve_b_asset_issuer: ACC4,
      reserve_b_asset_id: USSD_ID,
      reserve_b_deposit_amount: 0.00001,
      reserve_b_max_amount: 0.00001,
      max_price: 1000000,
      max_price_r: { n: 1000000, d: 1 },
      min_price: 0.000001,
      min_price_r: { n: 1, d: 1000000 },
      shares_received: 0.0000002,
    },
  },
  {
    type: 23,
    typeString: 'liquidity_pool_withdraw',
    trace: 'LiquidityPoolWithdrawResultCodeLiquidityPoolWithdrawSuccess',
    details: {
      liquidity_pool_id: '0102030405060708090000000000000000000000000000000000000000000000',
      liquidity_pool_id_strkey: 'LAAQEAYEAUDAOCAJAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAATUC',
      reserve_a_asset_type: 'native',
      reserve_a_asset_id: NATIVE_ID,
      reserve_a_min_amount: 0.0000001,
      reserve_a_withdraw_amount: -0.0001,
      reserve_b_asset_type: 'credit_alphanum4',
      reserve_b_asset_code: 'USSD',
      reserve_b_asset_issuer: ACC4,
      reserve_b_asset_id: USSD_ID,
      reserve_b_withdraw_amount: -0.00001,
      reserve_b_min_amount: 0.0000001,
      shares: 0.0000004,
    },
  },
  {
    type: 24,
    typeString: 'invoke_host_function',
    trace: 'InvokeHostFunctionResultCodeInvokeHostFunctionSuccess',
    details: {
      function: 'HostFunctionTypeHostFunctionTypeInvokeContract',
      type: 'invoke_contract',
      contract_id: ZERO_C,
      ...footprintless,
      asset_balance_changes: [],
      parameters: [
        { type: 'Address', value: 'AAAAEgAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==' },
        { type: 'Sym', value: 'AAAADwAAAAR0ZXN0' },
      ],
      parameters_decoded: [
        { type: 'Address', value: ZERO_C },
        { type: 'Sym', value: 'test' },
      ],
      parameters_json: ['AAAAEgAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==', 'AAAADwAAAAR0ZXN0'],
      parameters_json_decoded: [{ address: ZERO_C }, { symbol: 'test' }],
    },
  },
  {
    type: 24,
    typeString: 'invoke_host_function',
    trace: 'InvokeHostFunctionResultCodeInvokeHostFunctionSuccess',
    details: { function: 'HostFunctionTypeHostFunctionTypeCreateContract', type: 'create_contract', contract_id: '', ...footprintless, from: 'address', address: ZERO_C },
  },
  {
    type: 24,
    typeString: 'invoke_host_function',
    trace: 'InvokeHostFunctionResultCodeInvokeHostFunctionSuccess',
    details: { function: 'HostFunctionTypeHostFunctionTypeCreateContract', type: 'create_contract', contract_id: '', ...footprintless, from: 'asset', asset: `:${ZERO_G}` },
  },
  {
    type: 24,
    typeString: 'invoke_host_function',
    trace: 'InvokeHostFunctionResultCodeInvokeHostFunctionSuccess',
    details: {
      function: 'HostFunctionTypeHostFunctionTypeCreateContractV2',
      type: 'create_contract_v2',
      contract_id: '',
      ...footprintless,
      from: 'asset',
      asset: `:${ZERO_G}`,
      parameters: [{ type: 'B', value: 'AAAAAAAAAAE=' }],
      parameters_decoded: [{ type: 'B', value: 'true' }],
      parameters_json: ['AAAAAAAAAAE='],
      parameters_json_decoded: [{ bool: true }],
    },
  },
  {
    type: 24,
    typeString: 'invoke_host_function',
    trace: 'InvokeHostFunctionResultCodeInvokeHostFunctionSuccess',
    details: { function: 'HostFunctionTypeHostFunctionTypeUploadContractWasm', type: 'upload_wasm', ...footprintless },
  },
  {
    type: 25,
    typeString: 'extend_footprint_ttl',
    trace: 'InvokeHostFunctionResultCodeInvokeHostFunctionSuccess',
    details: { type: 'extend_footprint_ttl', extend_to: 1234, contract_id: '', ...footprintless },
  },
  {
    type: 26,
    typeString: 'restore_footprint',
    trace: 'InvokeHostFunctionResultCodeInvokeHostFunctionSuccess',
    details: { type: 'restore_footprint', contract_id: '', ...footprintless },
  },
];

