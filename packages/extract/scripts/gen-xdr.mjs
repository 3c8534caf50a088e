#!/usr/bin/env node
/**
 * Generates the XDR codec of @stellar-ducklake/extract from the XDR type definitions that
 * `@stellar/stellar-base` carries (its js-xdr type classes), so the codec always follows the
 * installed Stellar XDR.
 *
 * Output (git-ignored, rebuilt on install and build):
 *   src/xdr/generated/codec.ts  decoders and encoders over plain objects
 *   src/xdr/generated/types.ts  a TypeScript type per XDR type, enum constants, enum names
 *
 * Value model: struct → object with the XDR field names; union → `{ type, <arm>: value }`;
 * enum → number; (unsigned) int → number; (unsigned) hyper → bigint; opaque and string → a
 * Uint8Array view into the input; optional → value or null; arrays → arrays. Objects of the
 * types in RANGED also carry `$start`/`$end`, their byte range in the input.
 *
 * `decodeLazy` decoders skip the union arms in LAZY_ARMS over the bytes, checked as strictly as a
 * decoder checks them, and return an object whose arm is a getter that decodes it on first read.
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'xdr', 'generated');
const require = createRequire(import.meta.url);
const { xdr } = require('@stellar/stellar-base');
const baseVersion = require('@stellar/stellar-base/package.json').version;

/** Types whose decoded objects carry their byte range in the input. */
const RANGED = new Set([
  'LedgerHeader',
  'TransactionEnvelope',
  'Transaction',
  'TransactionV0',
  'FeeBumpTransaction',
  'TransactionResult',
  'TransactionMeta',
  'LedgerKey',
  'LedgerEntry',
  'ScVal',
]);

/**
 * Union arms that `decodeLazy` decoders decode only when read. Ledger entries make up most of a
 * ledger's meta. The tables read claimable balances and liquidity pools out of ledger entry
 * changes; of the many account entries (a few for every transaction) only the first and last of
 * each account in a ledger, and the others mostly by key (see `rawArm`); the other entries
 * (trustlines, offers, contract data, ...) by key, when at all.
 */
const LAZY_ARMS = new Map([
  ['LedgerEntryData', new Set(['account', 'trustLine', 'offer', 'data', 'contractData', 'contractCode', 'configSetting', 'ttl'])],
]);
/** Types `decodeLazy` decoders exist for. */
const LAZY_ENTRY_POINTS = ['LedgerCloseMeta'];

// ---------------------------------------------------------------------------------------------
// Type model

const named = new Map(); // class -> name
for (const [name, t] of Object.entries(xdr)) {
  if (typeof t === 'function' && (t._fields || t._arms || t._members) && !named.has(t)) named.set(t, name);
}

function kindOf(t) {
  if (typeof t === 'function') {
    if (t._fields) return 'struct';
    if (t._arms) return 'union';
    if (t._members) return 'enum';
    switch (t.name) {
      case 'Int':
        return 'int';
      case 'UnsignedInt':
        return 'uint';
      case 'Hyper':
        return 'hyper';
      case 'UnsignedHyper':
        return 'uhyper';
      case 'Bool':
        return 'bool';
      case 'Void':
        return 'void';
      default:
        throw new Error(`unsupported primitive type ${t.name}`);
    }
  }
  switch (t.constructor.name) {
    case 'Opaque':
      return 'opaque';
    case 'VarOpaque':
      return 'varopaque';
    case 'String':
      return 'string';
    case 'Array':
      return 'array';
    case 'VarArray':
      return 'vararray';
    case 'Option':
      return 'option';
    default:
      throw new Error(`unsupported type instance ${t.constructor.name}`);
  }
}

function nameOf(t) {
  const n = named.get(t);
  if (!n) throw new Error(`anonymous composite type ${t.structName || t.unionName || t.enumName}`);
  return n;
}

function unionCases(u) {
  const cases = [];
  for (const [key, arm] of u._switches) {
    const value = typeof key === 'number' ? key : key.value;
    const armName = typeof arm === 'string' ? arm : null;
    cases.push({ value, armName, armType: armName ? u._arms[armName] : null });
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Code generation: decoders

const MAX = 0xffffffff;
const lines = [];
const emit = (s) => lines.push(s);

function readExpr(t) {
  switch (kindOf(t)) {
    case 'struct':
    case 'union':
    case 'enum':
      return `d_${nameOf(t)}()`;
    case 'int':
      return 'i32()';
    case 'uint':
      return 'u32()';
    case 'hyper':
      return 'i64()';
    case 'uhyper':
      return 'u64()';
    case 'bool':
      return 'bool()';
    case 'opaque':
      return `fixed(${t._length})`;
    case 'varopaque':
    case 'string':
      return `vbytes(${t._maxLength ?? MAX})`;
    case 'array':
      return `${arrayReader(readExpr(t._childType), t._length, null)}()`;
    case 'vararray':
      return `${arrayReader(readExpr(t._childType), null, t._maxLength ?? MAX)}()`;
    case 'option':
      return `(bool() ? ${readExpr(t._childType)} : null)`;
    default:
      throw new Error(`cannot read ${kindOf(t)}`);
  }
}

function writeStmt(t, v) {
  switch (kindOf(t)) {
    case 'struct':
    case 'union':
    case 'enum':
      return `e_${nameOf(t)}(${v});`;
    case 'int':
      return `wi32(${v});`;
    case 'uint':
      return `wu32(${v});`;
    case 'hyper':
      return `wi64(${v});`;
    case 'uhyper':
      return `wu64(${v});`;
    case 'bool':
      return `wu32(${v} ? 1 : 0);`;
    case 'opaque':
      return `wfixed(${v}, ${t._length});`;
    case 'varopaque':
    case 'string':
      return `wvbytes(${v}, ${t._maxLength ?? MAX});`;
    case 'array':
      return `warr(${v}, ${t._length}, (x) => { ${writeStmt(t._childType, 'x')} });`;
    case 'vararray':
      return `wvarr(${v}, ${t._maxLength ?? MAX}, (x) => { ${writeStmt(t._childType, 'x')} });`;
    case 'option':
      return `if (${v} === null || ${v} === undefined) { wu32(0); } else { wu32(1); ${writeStmt(t._childType, v)} }`;
    default:
      throw new Error(`cannot write ${kindOf(t)}`);
  }
}

// One reader function per distinct array shape, so element reads are direct calls.
const arrayReaders = new Map();
const arrayLines = [];
function arrayReader(elem, fixedLen, maxLen) {
  const key = `${elem}|${fixedLen}|${maxLen}`;
  let fn = arrayReaders.get(key);
  if (fn) return fn;
  fn = `a_${arrayReaders.size}`;
  arrayReaders.set(key, fn);
  arrayLines.push(`function ${fn}() { ${arrayLength(fixedLen, maxLen)} const a = new Array(n); for (let i = 0; i < n; i++) a[i] = ${elem}; return a; }`);
  return fn;
}
function arrayLength(fixedLen, maxLen) {
  return fixedLen !== null
    ? `const n = ${fixedLen};`
    : `const n = u32(); if (n > ${maxLen}) throw xdrError('XDR_INVALID', CUR, P - 4, 'array length ' + n + ' exceeds ${maxLen}'); if (n * 4 > B.length - P) throw xdrError('XDR_TRUNCATED', CUR, P - 4, 'array of ' + n + ' items in ' + (B.length - P) + ' bytes');`;
}

// Skippers: `s_T()` moves past a T, with every check its decoder makes, and allocates nothing.
const skippers = new Map(); // type name → type, for every skipper used
const arraySkippers = new Map();
const skipLines = [];
function skipStmt(t) {
  switch (kindOf(t)) {
    case 'struct':
    case 'union': {
      const name = nameOf(t);
      if (!skippers.has(name)) skippers.set(name, t);
      return `s_${name}();`;
    }
    case 'enum':
      return `d_${nameOf(t)}();`;
    case 'int':
    case 'uint':
      return 'skip(4);';
    case 'hyper':
    case 'uhyper':
      return 'skip(8);';
    case 'bool':
      return 'bool();';
    case 'opaque':
      return `skip(${(t._length + 3) & ~3});`;
    case 'varopaque':
    case 'string':
      return `svbytes(${t._maxLength ?? MAX});`;
    case 'array':
      return `${arraySkipper(skipStmt(t._childType), t._length, null)}();`;
    case 'vararray':
      return `${arraySkipper(skipStmt(t._childType), null, t._maxLength ?? MAX)}();`;
    case 'option':
      return `if (bool()) { ${skipStmt(t._childType)} }`;
    default:
      throw new Error(`cannot skip ${kindOf(t)}`);
  }
}
function arraySkipper(elem, fixedLen, maxLen) {
  const key = `${elem}|${fixedLen}|${maxLen}`;
  let fn = arraySkippers.get(key);
  if (fn) return fn;
  fn = `sa_${arraySkippers.size}`;
  arraySkippers.set(key, fn);
  skipLines.push(`function ${fn}() { ${arrayLength(fixedLen, maxLen)} for (let i = 0; i < n; i++) { ${elem} } }`);
  return fn;
}
function emitSkippers() {
  const done = new Set();
  for (let pending = [...skippers]; pending.length > 0; pending = [...skippers].filter(([n]) => !done.has(n))) {
    for (const [name, t] of pending) {
      done.add(name);
      if (kindOf(t) === 'struct') {
        skipLines.push(`function s_${name}() { ${t._fields.map(([, ft]) => skipStmt(ft)).join(' ')} }`);
        continue;
      }
      const cases = unionCases(t).map(({ value, armName, armType }) =>
        `case ${value}: ${armName && kindOf(armType) !== 'void' ? skipStmt(armType) : ''} return;`,
      );
      skipLines.push(`function s_${name}() { const d = ${discriminantRead(t)}; switch (d) { ${cases.join(' ')} default: arm('${name}', d); } }`);
    }
  }
}
const discriminantRead = (t) => (kindOf(t._switchOn) === 'uint' ? 'u32()' : 'i32()');

const structs = [];
const unions = [];
const enums = [];
for (const [t, name] of named) {
  const k = kindOf(t);
  if (k === 'struct') structs.push([name, t]);
  else if (k === 'union') unions.push([name, t]);
  else enums.push([name, t]);
}
// Named typedefs of arrays, opaques and strings (e.g. LedgerEntryChanges, Hash, String32).
const aliases = [];
for (const [name, t] of Object.entries(xdr)) {
  if (typeof t === 'function') {
    // Primitive typedefs (Uint32, Int64, TimePoint, ...).
    if (!t._fields && !t._arms && !t._members && ['Int', 'UnsignedInt', 'Hyper', 'UnsignedHyper', 'Bool'].includes(t.name)) aliases.push([name, t]);
    continue;
  }
  if (typeof t !== 'object' || t === null) continue;
  if (['Opaque', 'VarOpaque', 'String', 'Array', 'VarArray', 'Option'].includes(t.constructor.name)) aliases.push([name, t]);
}

const byName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
structs.sort(byName);
unions.sort(byName);
enums.sort(byName);
aliases.sort(byName);

emit(`// Generated by scripts/gen-xdr.mjs from @stellar/stellar-base ${baseVersion}. Do not edit.`);
emit('/* eslint-disable */');
emit('// @ts-nocheck');
emit(`import { xdrError } from '../errors.js';`);
emit('');
emit('let B = new Uint8Array(0);');
emit('let V = new DataView(B.buffer);');
emit('let BA = B.buffer;');
emit('let BO = 0;');
emit('let P = 0;');
emit('let CUR = "";');
emit('let LAZY = false;');
emit(`function need(n) { if (P + n > B.length) throw xdrError('XDR_TRUNCATED', CUR, P, 'needs ' + n + ' more bytes, ' + (B.length - P) + ' left'); }`);
emit('function i32() { need(4); const v = V.getInt32(P); P += 4; return v; }');
emit('function u32() { need(4); const v = V.getUint32(P); P += 4; return v; }');
emit('function i64() { need(8); const v = V.getBigInt64(P); P += 8; return v; }');
emit('function u64() { need(8); const v = V.getBigUint64(P); P += 8; return v; }');
emit(`function bool() { const v = u32(); if (v > 1) throw xdrError('XDR_INVALID', CUR, P - 4, 'boolean is ' + v); return v === 1; }`);
emit('function fixed(n) { const m = (n + 3) & ~3; need(m); const v = new Uint8Array(BA, BO + P, n); P += m; return v; }');
emit(`function vbytes(max) { const n = u32(); if (n > max) throw xdrError('XDR_INVALID', CUR, P - 4, 'length ' + n + ' exceeds ' + max); const m = (n + 3) & ~3; need(m); const v = new Uint8Array(BA, BO + P, n); P += m; return v; }`);
emit(`function arm(type, d) { throw xdrError('XDR_UNKNOWN_ARM', type, P - 4, 'unknown discriminant ' + d); }`);
emit('function skip(n) { need(n); P += n; }');
emit(`function svbytes(max) { const n = u32(); if (n > max) throw xdrError('XDR_INVALID', CUR, P - 4, 'length ' + n + ' exceeds ' + max); skip((n + 3) & ~3); }`);
emit('// State of a lazy arm under symbol keys: fast properties that Object.keys and JSON leave out.');
emit("const INPUT = Symbol('input'), AT = Symbol('at'), END = Symbol('end'), VALUE = Symbol('value');");
emit('/** An arm of a union decoded lazily: the input and where the arm starts and ends, and its value once read. */');
emit('class LazyArm {');
emit('  constructor(at, end) { this[INPUT] = B; this[AT] = at; this[END] = end; this[VALUE] = undefined; }');
emit('  decoded(name, f) { return (this[VALUE] ??= decodeWith(name, f, this[INPUT], this[AT], false, false)); }');
emit('  raw() { const b = this[INPUT]; return new Uint8Array(b.buffer, b.byteOffset + this[AT], this[END] - this[AT]); }');
emit('}');
emit('/** The XDR bytes of a lazily decoded union arm (a view into the input), or undefined for any other value. */');
emit('export function rawArm(v) { return v instanceof LazyArm ? v.raw() : undefined; }');
emit('');

for (const [name, t] of enums) {
  const values = Object.values(t._members).map((m) => m.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  emit(`const S_${name} = new Set([${values.join(', ')}]);`);
  const check = values.length === hi - lo + 1 ? `v < ${lo} || v > ${hi}` : `!S_${name}.has(v)`;
  emit(`function d_${name}() { const v = i32(); if (${check}) arm('${name}', v); return v; }`);
}
for (const [name, t] of structs) {
  const ranged = RANGED.has(name);
  const fields = t._fields.map(([f, ft]) => `${f}: ${readExpr(ft)}`);
  if (ranged) fields.push('$start: s', '$end: 0');
  emit(`function d_${name}() {${ranged ? ' const s = P;' : ''} const o = { ${fields.join(', ')} };${ranged ? ' o.$end = P;' : ''} return o; }`);
}
for (const [name, t] of unions) {
  const ranged = RANGED.has(name);
  const dread = discriminantRead(t);
  const lazy = LAZY_ARMS.get(name) ?? new Set();
  const cases = unionCases(t).map(({ value, armName, armType }) => {
    if (lazy.has(armName)) {
      if (ranged) throw new Error(`lazy arms of ranged unions are not supported (${name})`);
      const cls = `L_${name}_${armName}`;
      const armTypeName = nameOf(armType);
      emit(`class ${cls} extends LazyArm { constructor(at, end) { super(at, end); this.type = ${value}; } get ${armName}() { return this.decoded('${armTypeName}', d_${armTypeName}); } }`);
      return `case ${value}: if (LAZY) { const at = P; ${skipStmt(armType)} return new ${cls}(at, P); } return { type: ${value}, ${armName}: ${readExpr(armType)} };`;
    }
    const parts = [`type: ${value}`];
    if (armName && kindOf(armType) !== 'void') parts.push(`${armName}: ${readExpr(armType)}`);
    if (ranged) parts.push('$start: s', '$end: 0');
    return ranged
      ? `case ${value}: { const o = { ${parts.join(', ')} }; o.$end = P; return o; }`
      : `case ${value}: return { ${parts.join(', ')} };`;
  });
  emit(`function d_${name}() { ${ranged ? 'const s = P; ' : ''}const d = ${dread}; switch (d) { ${cases.join(' ')} default: return arm('${name}', d); } }`);
}

for (const [name, t] of aliases) emit(`function d_${name}() { return ${readExpr(t)}; }`);
for (const l of arrayLines) emit(l);
emitSkippers();
for (const l of skipLines) emit(l);

// Encoders -------------------------------------------------------------------------------------
emit('');
emit('let W = new Uint8Array(1024);');
emit('let WV = new DataView(W.buffer);');
emit('let Q = 0;');
emit('function room(n) { if (Q + n <= W.length) return; let size = W.length * 2; while (size < Q + n) size *= 2; const w = new Uint8Array(size); w.set(W.subarray(0, Q)); W = w; WV = new DataView(W.buffer); }');
emit('function wi32(v) { room(4); WV.setInt32(Q, v); Q += 4; }');
emit('function wu32(v) { room(4); WV.setUint32(Q, v); Q += 4; }');
emit('function wi64(v) { room(8); WV.setBigInt64(Q, BigInt(v)); Q += 8; }');
emit('function wu64(v) { room(8); WV.setBigUint64(Q, BigInt(v)); Q += 8; }');
emit(`function wraw(v) { const n = v.length; const padded = (n + 3) & ~3; room(padded); W.set(v, Q); W.fill(0, Q + n, Q + padded); Q += padded; }`);
emit(`function wfixed(v, n) { if (!(v instanceof Uint8Array) || v.length !== n) throw xdrError('XDR_INVALID', 'encode', Q, 'expected ' + n + ' bytes'); wraw(v); }`);
emit(`function wvbytes(v, max) { if (typeof v === 'string') v = new TextEncoder().encode(v); if (v.length > max) throw xdrError('XDR_INVALID', 'encode', Q, 'length ' + v.length + ' exceeds ' + max); wu32(v.length); wraw(v); }`);
emit(`function warr(v, n, f) { if (v.length !== n) throw xdrError('XDR_INVALID', 'encode', Q, 'expected ' + n + ' items'); for (const x of v) f(x); }`);
emit(`function wvarr(v, max, f) { if (v.length > max) throw xdrError('XDR_INVALID', 'encode', Q, 'array length exceeds ' + max); wu32(v.length); for (const x of v) f(x); }`);
emit(`function warm(type, d) { throw xdrError('XDR_UNKNOWN_ARM', type, Q, 'cannot encode discriminant ' + d); }`);
for (const [name] of enums) {
  emit(`function e_${name}(v) { if (!S_${name}.has(v)) warm('${name}', v); wi32(v); }`);
}
for (const [name, t] of structs) {
  emit(`function e_${name}(o) { ${t._fields.map(([f, ft]) => writeStmt(ft, `o.${f}`)).join(' ')} }`);
}
for (const [name, t] of aliases) emit(`function e_${name}(o) { ${writeStmt(t, 'o')} }`);
for (const [name, t] of unions) {
  const cases = unionCases(t).map(({ value, armName, armType }) => {
    const body = armName && kindOf(armType) !== 'void' ? writeStmt(armType, `o.${armName}`) : '';
    return `case ${value}: wi32(${value}); ${body} return;`;
  });
  emit(`function e_${name}(o) { switch (o.type) { ${cases.join(' ')} default: warm('${name}', o.type); } }`);
}

// Entry points ---------------------------------------------------------------------------------
emit('');
emit('// The DataView of the last input, for lazy arms read one after another from the same input.');
emit('let LAST_BYTES = null, LAST_VIEW = null;');
emit('function decodeWith(name, f, bytes, offset, whole, lazy) {');
emit('  const pb = B, pv = V, pp = P, pc = CUR, pa = BA, po = BO, pl = LAZY;');
emit('  B = bytes; V = bytes === LAST_BYTES ? LAST_VIEW : (LAST_VIEW = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)); LAST_BYTES = bytes;');
emit('  BA = bytes.buffer; BO = bytes.byteOffset; P = offset; CUR = name; LAZY = lazy;');
emit('  try {');
emit('    const v = f();');
emit(`    if (whole && P !== B.length) throw xdrError('XDR_TRAILING_BYTES', name, P, (B.length - P) + ' bytes after the value');`);
emit('    return v;');
emit('  } catch (e) {');
emit(`    if (e instanceof RangeError) throw xdrError('XDR_TRUNCATED', name, P, e.message);`);
emit('    throw e;');
emit('  } finally { B = pb; V = pv; P = pp; CUR = pc; BA = pa; BO = po; LAZY = pl; }');
emit('}');
emit('function encodeWith(f, v) { const q = Q; try { f(v); return W.slice(q, Q); } finally { Q = q; } }');
const allNames = [...structs, ...unions, ...enums, ...aliases].map(([n]) => n).sort();
emit('/** Decoders by XDR type name: `decode.T(bytes, offset = 0, whole = offset === 0)`. */');
emit('export const decode = {');
for (const n of allNames) emit(`  ${n}: (bytes, offset = 0, whole = offset === 0) => decodeWith('${n}', d_${n}, bytes, offset, whole, false),`);
emit('};');
emit('/** Decoders that decode the arms in LAZY_ARMS (see scripts/gen-xdr.mjs) on first read. */');
emit('export const decodeLazy = {');
for (const n of LAZY_ENTRY_POINTS) emit(`  ${n}: (bytes, offset = 0, whole = offset === 0) => decodeWith('${n}', d_${n}, bytes, offset, whole, true),`);
emit('};');
emit('/** Decoders that also return the end offset: `decodeAt.T(bytes, offset)` → `[value, end]`. */');
emit('export const decodeAt = {');
for (const n of allNames) emit(`  ${n}: (bytes, offset) => { let end = 0; const v = decodeWith('${n}', () => { const r = d_${n}(); end = P; return r; }, bytes, offset, false, false); return [v, end]; },`);
emit('};');
emit('/** Encoders by XDR type name: `encode.T(value)` → XDR bytes. */');
emit('export const encode = {');
for (const n of allNames) emit(`  ${n}: (v) => encodeWith(e_${n}, v),`);
emit('};');
const codec = lines.join('\n') + '\n';

// ---------------------------------------------------------------------------------------------
// Types

const tl = [];
const temit = (s) => tl.push(s);

function tsType(t) {
  switch (kindOf(t)) {
    case 'struct':
    case 'union':
    case 'enum':
      return nameOf(t);
    case 'int':
    case 'uint':
      return 'number';
    case 'hyper':
    case 'uhyper':
      return 'bigint';
    case 'bool':
      return 'boolean';
    case 'opaque':
    case 'varopaque':
    case 'string':
      return 'Uint8Array';
    case 'array':
    case 'vararray':
      return `${wrap(tsType(t._childType))}[]`;
    case 'option':
      return `${tsType(t._childType)} | null`;
    default:
      throw new Error(`no TS type for ${kindOf(t)}`);
  }
}
const wrap = (s) => (s.includes('|') ? `(${s})` : s);

temit(`// Generated by scripts/gen-xdr.mjs from @stellar/stellar-base ${baseVersion}. Do not edit.`);
temit('/* eslint-disable */');
temit('');
temit('/** Byte range of a decoded value in its input (present on ranged types). */');
temit('export interface Ranged { readonly $start?: number; readonly $end?: number }');
temit('');
for (const [name, t] of enums) {
  const members = Object.values(t._members);
  temit(`/** XDR enum ${name}. */`);
  temit(`export const ${name} = { ${members.map((m) => `${m.name}: ${m.value}`).join(', ')} } as const;`);
  temit(`/** XDR enum ${name} value. */`);
  temit(`export type ${name} = (typeof ${name})[keyof typeof ${name}];`);
}
for (const [name, t] of structs) {
  temit(`/** XDR struct ${name}. */`);
  const ext = RANGED.has(name) ? ' extends Ranged' : '';
  temit(`export interface ${name}${ext} { ${t._fields.map(([f, ft]) => `${f}: ${tsType(ft)};`).join(' ')} }`);
}
for (const [name, t] of unions) {
  const sw = kindOf(t._switchOn) === 'enum' ? nameOf(t._switchOn) : null;
  const enumMembers = sw ? Object.values(t._switchOn._members) : [];
  const variants = unionCases(t).map(({ value, armName, armType }) => {
    const m = enumMembers.find((x) => x.value === value);
    const disc = m ? `typeof ${sw}.${m.name}` : String(value);
    const arm = armName && kindOf(armType) !== 'void' ? ` ${armName}: ${tsType(armType)};` : '';
    return `{ type: ${disc};${arm} }`;
  });
  temit(`/** XDR union ${name}. */`);
  temit(`export type ${name} = (${variants.join(' | ')})${RANGED.has(name) ? ' & Ranged' : ''};`);
}
for (const [name, t] of aliases) {
  temit(`/** XDR typedef ${name}. */`);
  temit(`export type ${name} = ${tsType(t)};`);
}
temit('');
temit('/** Member names (stellar-base camelCase) of every XDR enum, by value. */');
temit('export const enumNames: { readonly [E: string]: { readonly [value: number]: string } } = {');
for (const [name, t] of enums) {
  temit(`  ${name}: { ${Object.values(t._members).map((m) => `${JSON.stringify(String(m.value))}: ${JSON.stringify(m.name)}`).join(', ')} },`);
}
temit('};');
temit('');
temit('/** The value type of every XDR type, by name. */');
temit('export interface XdrTypes {');
for (const n of allNames) temit(`  ${n}: ${n};`);
temit('}');
temit('');
temit('/** Every XDR type name the codec knows. */');
temit(`export type XdrTypeName = ${allNames.map((n) => JSON.stringify(n)).join(' | ')};`);
const types = tl.join('\n') + '\n';

mkdirSync(outDir, { recursive: true });
function writeIfChanged(file, text) {
  const path = join(outDir, file);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
}
writeIfChanged('codec.ts', codec);
writeIfChanged('types.ts', types);
