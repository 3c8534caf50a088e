/**
 * XDR-JSON (SEP-51, rs-stellar-xdr serde) of ScVals through `@stellar/stellar-xdr-json`, loaded
 * synchronously from the wasm file the package ships, and parsed without losing integer digits.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { decode as xdrJsonDecode, initSync } from '@stellar/stellar-xdr-json';
import { ExtractError } from '../errors.js';
import { base64 } from '../hash.js';
import type { JsonObject, JsonValue } from '../schema/index.js';

/** Whether the wasm module has been instantiated (it is process-wide state of the wasm glue). */
let ready = false;

function resolveWasm(): string {
  // CommonJS builds have __filename; ES modules (bundled or not) resolve from import.meta.url.
  const req = createRequire(typeof __filename === 'string' && isAbsolute(__filename) ? __filename : import.meta.url);
  return req.resolve('@stellar/stellar-xdr-json/stellar_xdr_json_bg.wasm');
}

/** Instantiates the XDR-JSON wasm module once (synchronously). */
function ensureReady(): void {
  if (ready) return;
  try {
    initSync(readFileSync(resolveWasm()));
  } catch (cause) {
    throw new ExtractError('UNSUPPORTED', 'cannot load the @stellar/stellar-xdr-json wasm module', {}, {
      hint: 'Reinstall dependencies so that @stellar/stellar-xdr-json and its .wasm file are present.',
      cause,
    });
  }
  ready = true;
}

/**
 * The XDR-JSON value of the XDR `type` encoded in `base64Xdr`, e.g. `{"symbol":"test"}` for an
 * ScVal. Integers beyond ±2^53 come back as `bigint`, so no digit is lost.
 */
export function xdrJson(type: string, base64Xdr: string): JsonValue {
  ensureReady();
  let text: string;
  try {
    text = xdrJsonDecode(type, base64Xdr);
  } catch (cause) {
    throw new ExtractError('INVALID_VALUE', `cannot convert ${type} to XDR-JSON: ${String(cause)}`, { field: type }, { cause });
  }
  return parseJsonLossless(text);
}

/** XDR of `SCV_VEC` (16) with its optional vector present (1): the head of a wrapped list. */
const VEC_HEAD = [0, 0, 0, 16, 0, 0, 0, 1];

/**
 * The XDR-JSON of each ScVal in `values` (their XDR bytes), in order. They are converted in one
 * call, as the elements of one `vec` ScVal: each call into the wasm module costs several µs
 * however small its value. Should the wrapped list fail to convert (it nests one level deeper
 * than its elements), every value is converted on its own, so a bad value fails as it would alone.
 */
export function scValsXdrJson(values: readonly Uint8Array[]): JsonValue[] {
  if (values.length < 2) return values.map((v) => xdrJson('ScVal', base64(v)));
  let n = VEC_HEAD.length + 4;
  for (const v of values) n += v.length;
  const wrapped = new Uint8Array(n);
  wrapped.set(VEC_HEAD, 0);
  new DataView(wrapped.buffer).setUint32(VEC_HEAD.length, values.length, false);
  let o = VEC_HEAD.length + 4;
  for (const v of values) {
    wrapped.set(v, o);
    o += v.length;
  }
  try {
    const json = xdrJson('ScVal', base64(wrapped));
    const list = (json as { vec?: unknown } | null)?.vec;
    if (Array.isArray(list) && list.length === values.length) return list as JsonValue[];
  } catch {
    // Converted one by one below.
  }
  return values.map((v) => xdrJson('ScVal', base64(v)));
}

/**
 * Parses JSON text keeping integer digits exact: integers that a double holds exactly become
 * numbers, larger ones `bigint`; other numbers become doubles.
 */
export function parseJsonLossless(text: string): JsonValue {
  // A number starts the text or follows ':', ',' or '['. Where none of 16 digits or more does, every
  // integer has at most 15 digits, which a double holds exactly (digits inside strings, as in hex
  // bytes, do not matter).
  if (!/(?:^|[:,[])\s*-?\d{16}/.test(text)) {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      // Malformed: the parser below says where.
    }
  }
  let i = 0;
  const fail = (what: string): never => {
    throw new ExtractError('INVALID_VALUE', `malformed JSON at offset ${i}: ${what}`);
  };
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = (): string => {
    const end = scanString(text, i);
    if (end < 0) fail('unterminated string');
    const s = JSON.parse(text.slice(i, end)) as string;
    i = end;
    return s;
  };
  const num = (): number | bigint => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null) return fail('bad number');
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) {
      const n = Number(m[0]);
      return Number.isSafeInteger(n) ? n : BigInt(m[0]);
    }
    return Number(m[0]);
  };
  const value = (): JsonValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: JsonObject = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        obj[k] = value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    return num();
  };
  const v = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}

/** Offset just past the JSON string starting at `start` (a `"`), or -1. */
function scanString(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return -1;
}
