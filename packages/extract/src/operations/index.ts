/**
 * Operation `details` (stellar-etl `history_operations.details`) dispatched by operation type,
 * plus the operation type names and result/trace code strings.
 */
import { goEnumString } from '../enums.js';
import { ExtractError } from '../errors.js';
import type { JsonObject } from '../schema/index.js';
import type * as X from '../xdr/types.js';
import {
  accountMergeDetails,
  bumpSequenceDetails,
  createAccountDetails,
  inflationDetails,
  manageDataDetails,
  setOptionsDetails,
} from './accounts.js';
import { claimClaimableBalanceDetails, clawbackClaimableBalanceDetails, createClaimableBalanceDetails } from './claimable-balances.js';
import { opLocation, type OpInput } from './common.js';
import { liquidityPoolDepositDetails, liquidityPoolWithdrawDetails } from './liquidity-pools.js';
import { createPassiveSellOfferDetails, manageBuyOfferDetails, manageSellOfferDetails } from './offers.js';
import { clawbackDetails, pathPaymentStrictReceiveDetails, pathPaymentStrictSendDetails, paymentDetails } from './payments.js';
import { extendFootprintTtlDetails, invokeHostFunctionDetails, restoreFootprintDetails } from './soroban.js';
import { beginSponsoringDetails, endSponsoringDetails, operationSponsor, revokeSponsorshipDetails } from './sponsorship.js';
import { allowTrustDetails, changeTrustDetails, setTrustLineFlagsDetails } from './trust.js';

export { opInput, type OpInput } from './common.js';

/** stellar-etl's `type_string` per OperationType (index = type). */
export const OPERATION_TYPE_NAMES: readonly string[] = [
  'create_account',
  'payment',
  'path_payment_strict_receive',
  'manage_sell_offer',
  'create_passive_sell_offer',
  'set_options',
  'change_trust',
  'allow_trust',
  'account_merge',
  'inflation',
  'manage_data',
  'bump_sequence',
  'manage_buy_offer',
  'path_payment_strict_send',
  'create_claimable_balance',
  'claim_claimable_balance',
  'begin_sponsoring_future_reserves',
  'end_sponsoring_future_reserves',
  'revoke_sponsorship',
  'clawback',
  'clawback_claimable_balance',
  'set_trust_line_flags',
  'liquidity_pool_deposit',
  'liquidity_pool_withdraw',
  'invoke_host_function',
  'extend_footprint_ttl',
  'restore_footprint',
];

/** Per OperationType: the OperationResultTr arm holding the inner result, and its code enum. */
const RESULT_ARMS: readonly (readonly [arm: string, codeEnum: string])[] = [
  ['createAccountResult', 'CreateAccountResultCode'],
  ['paymentResult', 'PaymentResultCode'],
  ['pathPaymentStrictReceiveResult', 'PathPaymentStrictReceiveResultCode'],
  ['manageSellOfferResult', 'ManageSellOfferResultCode'],
  ['createPassiveSellOfferResult', 'ManageSellOfferResultCode'],
  ['setOptionsResult', 'SetOptionsResultCode'],
  ['changeTrustResult', 'ChangeTrustResultCode'],
  ['allowTrustResult', 'AllowTrustResultCode'],
  ['accountMergeResult', 'AccountMergeResultCode'],
  ['inflationResult', 'InflationResultCode'],
  ['manageDataResult', 'ManageDataResultCode'],
  ['bumpSeqResult', 'BumpSequenceResultCode'],
  ['manageBuyOfferResult', 'ManageBuyOfferResultCode'],
  ['pathPaymentStrictSendResult', 'PathPaymentStrictSendResultCode'],
  ['createClaimableBalanceResult', 'CreateClaimableBalanceResultCode'],
  ['claimClaimableBalanceResult', 'ClaimClaimableBalanceResultCode'],
  ['beginSponsoringFutureReservesResult', 'BeginSponsoringFutureReservesResultCode'],
  ['endSponsoringFutureReservesResult', 'EndSponsoringFutureReservesResultCode'],
  ['revokeSponsorshipResult', 'RevokeSponsorshipResultCode'],
  ['clawbackResult', 'ClawbackResultCode'],
  ['clawbackClaimableBalanceResult', 'ClawbackClaimableBalanceResultCode'],
  ['setTrustLineFlagsResult', 'SetTrustLineFlagsResultCode'],
  ['liquidityPoolDepositResult', 'LiquidityPoolDepositResultCode'],
  ['liquidityPoolWithdrawResult', 'LiquidityPoolWithdrawResultCode'],
  ['invokeHostFunctionResult', 'InvokeHostFunctionResultCode'],
  ['extendFootprintTtlResult', 'ExtendFootprintTtlResultCode'],
  ['restoreFootprintResult', 'RestoreFootprintResultCode'],
];

/** `type_string` of an operation type; unknown types are an error. */
export function operationTypeName(type: number): string {
  const name = OPERATION_TYPE_NAMES[type];
  if (name === undefined) throw new ExtractError('XDR_UNKNOWN_ARM', `unknown operation type ${type}`, { field: 'OperationType' });
  return name;
}

/** `operation_result_code`: the OperationResultCode enum string. */
export function operationResultCode(result: X.OperationResult): string {
  return goEnumString('OperationResultCode', result.type);
}

/** `operation_trace_code`: the inner result code enum string of an opINNER result, else `""`. */
export function operationTraceCode(result: X.OperationResult): string {
  if (result.type !== 0) return '';
  const tr = result.tr;
  const arm = RESULT_ARMS[tr.type];
  if (arm === undefined) throw new ExtractError('XDR_UNKNOWN_ARM', `unknown operation type ${tr.type}`, { field: 'OperationResultTr' });
  const inner = (tr as unknown as Record<string, { type: number }>)[arm[0]]!;
  return goEnumString(arm[1], inner.type);
}

function typeSpecificDetails(input: OpInput): JsonObject {
  const body = input.op.body;
  switch (body.type) {
    case 0:
      return createAccountDetails(input, body.createAccountOp);
    case 1:
      return paymentDetails(input, body.paymentOp);
    case 2:
      return pathPaymentStrictReceiveDetails(input, body.pathPaymentStrictReceiveOp);
    case 3:
      return manageSellOfferDetails(input, body.manageSellOfferOp);
    case 4:
      return createPassiveSellOfferDetails(input, body.createPassiveSellOfferOp);
    case 5:
      return setOptionsDetails(input, body.setOptionsOp);
    case 6:
      return changeTrustDetails(input, body.changeTrustOp);
    case 7:
      return allowTrustDetails(input, body.allowTrustOp);
    case 8:
      return accountMergeDetails(input, body.destination);
    case 9:
      return inflationDetails();
    case 10:
      return manageDataDetails(input, body.manageDataOp);
    case 11:
      return bumpSequenceDetails(input, body.bumpSequenceOp);
    case 12:
      return manageBuyOfferDetails(input, body.manageBuyOfferOp);
    case 13:
      return pathPaymentStrictSendDetails(input, body.pathPaymentStrictSendOp);
    case 14:
      return createClaimableBalanceDetails(input, body.createClaimableBalanceOp);
    case 15:
      return claimClaimableBalanceDetails(input, body.claimClaimableBalanceOp);
    case 16:
      return beginSponsoringDetails(input, body.beginSponsoringFutureReservesOp);
    case 17:
      return endSponsoringDetails(input);
    case 18:
      return revokeSponsorshipDetails(input, body.revokeSponsorshipOp);
    case 19:
      return clawbackDetails(input, body.clawbackOp);
    case 20:
      return clawbackClaimableBalanceDetails(input, body.clawbackClaimableBalanceOp);
    case 21:
      return setTrustLineFlagsDetails(input, body.setTrustLineFlagsOp);
    case 22:
      return liquidityPoolDepositDetails(input, body.liquidityPoolDepositOp);
    case 23:
      return liquidityPoolWithdrawDetails(input, body.liquidityPoolWithdrawOp);
    case 24:
      return invokeHostFunctionDetails(input, body.invokeHostFunctionOp);
    case 25:
      return extendFootprintTtlDetails(input, body.extendFootprintTtlOp);
    case 26:
      return restoreFootprintDetails(input);
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown operation type ${(body as { type: number }).type}`, opLocation(input, 'OperationBody'));
  }
}

/** The `details` object of an operation, including the `sponsor` key when one is found. */
export function operationDetails(input: OpInput): JsonObject {
  const details = typeSpecificDetails(input);
  const sponsor = operationSponsor(input);
  if (sponsor !== null) details.sponsor = sponsor;
  return details;
}
