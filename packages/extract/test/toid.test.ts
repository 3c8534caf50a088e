import { describe, expect, it } from 'vitest';
import { ExtractError } from '../src/errors.js';
import { parseToid, toid } from '../src/toid.js';

describe('toid', () => {
  it('matches stellar-etl ids from the fixtures', () => {
    // history_ledgers.id of 30822015 and a transaction/operation id pair from the goldens.
    expect(toid(30822015, 0, 0)).toBe(132379546421821440n);
    expect(toid(30822015, 40, 0)).toBe(132379546421985280n);
    expect(toid(30822015, 40, 1)).toBe(132379546421985281n);
  });

  it('packs 32/20/12 bits', () => {
    expect(toid(1, 1, 1)).toBe((1n << 32n) + (1n << 12n) + 1n);
    expect(toid(0x7fffffff, 0xfffff, 0xfff)).toBe(0x7fffffffffffffffn);
    expect(parseToid(toid(53312000, 163, 7))).toEqual({ ledger: 53312000, tx: 163, op: 7 });
  });

  it('rejects parts that do not fit', () => {
    expect(() => toid(-1, 0, 0)).toThrow(ExtractError);
    expect(() => toid(2 ** 31, 0, 0)).toThrow(ExtractError);
    expect(() => toid(1, 0x100000, 0)).toThrow(ExtractError);
    expect(() => toid(1, 0, 4096)).toThrow(ExtractError);
  });
});
