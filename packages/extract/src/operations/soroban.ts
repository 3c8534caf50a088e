/**
 * Details of Soroban operations: invoke_host_function (invoke_contract, create_contract,
 * create_contract_v2, upload_wasm), extend_footprint_ttl and restore_footprint.
 */
import { canonicalAsset } from '../assets.js';
import { goEnumString } from '../enums.js';
import { ExtractError } from '../errors.js';
import { sha256Hex } from '../hash.js';
import type { JsonObject, JsonValue } from '../schema/index.js';
import { assetBalanceChanges } from '../scval/balance-changes.js';
import { scValParameters, type ScValBytes } from '../scval/parameters.js';
import { contractAddress, scAddressString } from '../strkey.js';
import { encode } from '../xdr/index.js';
import type * as X from '../xdr/types.js';
import { opLocation, type OpInput } from './common.js';

function footprint(input: OpInput): X.LedgerFootprint {
  return input.tx.inner.sorobanData?.resources.footprint ?? { readOnly: [], readWrite: [] };
}

/**
 * The bytes of a value decoded from inside the transaction's envelope (a view into the envelope
 * bytes), or null when the value carries no range inside it.
 */
function envelopeRange(input: OpInput, v: { readonly $start?: number; readonly $end?: number }): Uint8Array | null {
  const base = input.tx.envelope.$start;
  const view = input.tx.raw.envelope;
  const s = v.$start;
  const e = v.$end;
  if (s === undefined || e === undefined || base === undefined || s < base || e - base > view.length) return null;
  return view.subarray(s - base, e - base);
}

function keyBytes(input: OpInput, key: X.LedgerKey): Uint8Array {
  return envelopeRange(input, key) ?? encode.LedgerKey(key);
}

/** `ledger_key_hash`: hex sha256 of each footprint key, read-only then read-write; null when none. */
export function ledgerKeyHashes(input: OpInput): JsonValue {
  const fp = footprint(input);
  const out: string[] = [];
  for (const k of fp.readOnly) out.push(sha256Hex(keyBytes(input, k)));
  for (const k of fp.readWrite) out.push(sha256Hex(keyBytes(input, k)));
  return out.length === 0 ? null : out;
}

/** `contract_id`: the first CONTRACT_DATA footprint key of a contract (read-write first), or `""`. */
export function footprintContractId(input: OpInput): string {
  const fp = footprint(input);
  for (const list of [fp.readWrite, fp.readOnly]) {
    for (const k of list) {
      if (k.type === 6 && k.contractData.contract.type === 1) return contractAddress(k.contractData.contract.contractId);
    }
  }
  return '';
}

function envelopeScValBytes(input: OpInput): ScValBytes {
  return (v) => envelopeRange(input, v) ?? encode.ScVal(v);
}

function addParameters(out: JsonObject, input: OpInput, vals: readonly X.ScVal[]): void {
  const p = scValParameters(vals, envelopeScValBytes(input));
  out.parameters = p.parameters;
  out.parameters_decoded = p.parameters_decoded;
  out.parameters_json = p.parameters_json;
  out.parameters_json_decoded = p.parameters_json_decoded;
}

function addPreimage(out: JsonObject, preimage: X.ContractIdPreimage): void {
  if (preimage.type === 0) {
    out.from = 'address';
    out.address = scAddressString(preimage.fromAddress.address);
  } else {
    out.from = 'asset';
    out.asset = canonicalAsset(preimage.fromAsset);
  }
}

/** invoke_host_function, by host function type. */
export function invokeHostFunctionDetails(input: OpInput, op: X.InvokeHostFunctionOp): JsonObject {
  const fn = op.hostFunction;
  const out: JsonObject = { function: goEnumString('HostFunctionType', fn.type) };
  switch (fn.type) {
    case 0: {
      const args = fn.invokeContract;
      out.type = 'invoke_contract';
      out.ledger_key_hash = ledgerKeyHashes(input);
      out.contract_id = scAddressString(args.contractAddress);
      out.contract_code_hash = null;
      const vals: X.ScVal[] = [
        { type: 18, address: args.contractAddress },
        { type: 15, sym: args.functionName },
        ...args.args,
      ];
      addParameters(out, input, vals);
      out.asset_balance_changes = assetBalanceChanges(input.tx.meta, input.ctx.networkId);
      break;
    }
    case 1:
      out.type = 'create_contract';
      out.ledger_key_hash = ledgerKeyHashes(input);
      out.contract_id = footprintContractId(input);
      out.contract_code_hash = null;
      addPreimage(out, fn.createContract.contractIdPreimage);
      break;
    case 2:
      out.type = 'upload_wasm';
      out.ledger_key_hash = ledgerKeyHashes(input);
      out.contract_code_hash = null;
      break;
    case 3:
      out.type = 'create_contract_v2';
      out.ledger_key_hash = ledgerKeyHashes(input);
      out.contract_id = footprintContractId(input);
      out.contract_code_hash = null;
      addParameters(out, input, fn.createContractV2.constructorArgs);
      addPreimage(out, fn.createContractV2.contractIdPreimage);
      break;
    default:
      throw new ExtractError('XDR_UNKNOWN_ARM', `unknown host function type ${(fn as { type: number }).type}`, opLocation(input, 'HostFunction'));
  }
  return out;
}

/** extend_footprint_ttl: `type`, `extend_to`, `ledger_key_hash`, `contract_id`, `contract_code_hash`. */
export function extendFootprintTtlDetails(input: OpInput, op: X.ExtendFootprintTtlOp): JsonObject {
  return {
    type: 'extend_footprint_ttl',
    extend_to: op.extendTo,
    ledger_key_hash: ledgerKeyHashes(input),
    contract_id: footprintContractId(input),
    contract_code_hash: null,
  };
}

/** restore_footprint: `type`, `ledger_key_hash`, `contract_id`, `contract_code_hash`. */
export function restoreFootprintDetails(input: OpInput): JsonObject {
  return {
    type: 'restore_footprint',
    ledger_key_hash: ledgerKeyHashes(input),
    contract_id: footprintContractId(input),
    contract_code_hash: null,
  };
}
