/**
 * The four `parameters*` detail keys stellar-etl writes for a list of ScVals (contract call
 * arguments, constructor arguments).
 */
import { base64 } from '../hash.js';
import type { JsonObject, JsonValue } from '../schema/index.js';
import type * as X from '../xdr/types.js';
import { scValGoString, scValTypeName } from './decoded.js';
import { scValsXdrJson } from './xdr-json.js';

/** Returns the exact XDR bytes of an ScVal. */
export type ScValBytes = (v: X.ScVal) => Uint8Array;

/** `parameters`, `parameters_decoded`, `parameters_json`, `parameters_json_decoded`. */
export interface ScValParameters {
  parameters: JsonValue[];
  parameters_decoded: JsonValue[];
  parameters_json: JsonValue[];
  parameters_json_decoded: JsonValue[];
}

/**
 * Serializes ScVals as stellar-etl does: `{type, value}` with the base64 XDR, `{type, value}` with
 * Go's `String()` text, the base64 strings alone, and the XDR-JSON of each value.
 */
export function scValParameters(vals: readonly X.ScVal[], bytesOf: ScValBytes): ScValParameters {
  const out: ScValParameters = { parameters: [], parameters_decoded: [], parameters_json: [], parameters_json_decoded: [] };
  const bytes = vals.map(bytesOf);
  vals.forEach((v, i) => {
    const type = scValTypeName(v);
    const b64 = base64(bytes[i]!);
    out.parameters.push({ type, value: b64 } satisfies JsonObject);
    out.parameters_decoded.push({ type, value: scValGoString(v) } satisfies JsonObject);
    out.parameters_json.push(b64);
  });
  out.parameters_json_decoded = scValsXdrJson(bytes);
  return out;
}
