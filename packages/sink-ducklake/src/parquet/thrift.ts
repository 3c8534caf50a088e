/**
 * The subset of Thrift's compact protocol that Parquet's page headers and footer need: structs of
 * booleans, i32, i64, binary, lists and nested structs.
 */
import type { ByteSink } from './bytes.js';

/** Compact-protocol type ids. */
const T = { TRUE: 1, FALSE: 2, I8: 3, I32: 5, I64: 6, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

/** A Thrift value: the field writers below build a struct from `[fieldId, value]` pairs. */
export type ThriftValue =
  | { t: 'bool'; v: boolean }
  | { t: 'i8'; v: number }
  | { t: 'i32'; v: number }
  | { t: 'i64'; v: number }
  | { t: 'binary'; v: string }
  | { t: 'bytes'; v: Uint8Array }
  | { t: 'struct'; v: ThriftStruct }
  | { t: 'list'; elem: 'i32'; v: readonly number[] }
  | { t: 'list'; elem: 'binary'; v: readonly string[] }
  | { t: 'list'; elem: 'struct'; v: readonly ThriftStruct[] };

/** Fields of a struct in ascending id order; `undefined` values are omitted. */
export type ThriftStruct = readonly (readonly [number, ThriftValue | undefined])[];

export const i8 = (v: number): ThriftValue => ({ t: 'i8', v });
export const i32 = (v: number): ThriftValue => ({ t: 'i32', v });
export const i64 = (v: number): ThriftValue => ({ t: 'i64', v });
export const bool = (v: boolean): ThriftValue => ({ t: 'bool', v });
export const binary = (v: string): ThriftValue => ({ t: 'binary', v });
export const bytesValue = (v: Uint8Array): ThriftValue => ({ t: 'bytes', v });
export const struct = (v: ThriftStruct): ThriftValue => ({ t: 'struct', v });
export const i32List = (v: readonly number[]): ThriftValue => ({ t: 'list', elem: 'i32', v });
export const binaryList = (v: readonly string[]): ThriftValue => ({ t: 'list', elem: 'binary', v });
export const structList = (v: readonly ThriftStruct[]): ThriftValue => ({ t: 'list', elem: 'struct', v });

function zigzag(out: ByteSink, v: number): void {
  out.varint(v >= 0 ? v * 2 : -v * 2 - 1);
}

function typeId(v: ThriftValue): number {
  switch (v.t) {
    case 'bool':
      return v.v ? T.TRUE : T.FALSE;
    case 'i8':
      return T.I8;
    case 'i32':
      return T.I32;
    case 'i64':
      return T.I64;
    case 'binary':
    case 'bytes':
      return T.BINARY;
    case 'list':
      return T.LIST;
    case 'struct':
      return T.STRUCT;
  }
}

const elemId = { i32: T.I32, binary: T.BINARY, struct: T.STRUCT } as const;

function writeString(out: ByteSink, s: string): void {
  const bytes = Buffer.from(s, 'utf8');
  out.varint(bytes.length);
  out.bytes(bytes);
}

/** Writes a struct (fields, then the stop byte). */
export function writeStruct(out: ByteSink, fields: ThriftStruct): void {
  let last = 0;
  for (const [id, value] of fields) {
    if (value === undefined) continue;
    const delta = id - last;
    if (delta > 0 && delta <= 15) out.byte((delta << 4) | typeId(value));
    else {
      out.byte(typeId(value));
      zigzag(out, id);
    }
    last = id;
    switch (value.t) {
      case 'bool':
        break;
      case 'i8':
        out.byte(value.v & 0xff);
        break;
      case 'i32':
      case 'i64':
        zigzag(out, value.v);
        break;
      case 'binary':
        writeString(out, value.v);
        break;
      case 'bytes':
        out.varint(value.v.length);
        out.bytes(value.v);
        break;
      case 'struct':
        writeStruct(out, value.v);
        break;
      case 'list': {
        const n = value.v.length;
        const e = elemId[value.elem];
        if (n < 15) out.byte((n << 4) | e);
        else {
          out.byte(0xf0 | e);
          out.varint(n);
        }
        for (const item of value.v) {
          if (value.elem === 'i32') zigzag(out, item as number);
          else if (value.elem === 'binary') writeString(out, item as string);
          else writeStruct(out, item as ThriftStruct);
        }
        break;
      }
    }
  }
  out.byte(0);
}
