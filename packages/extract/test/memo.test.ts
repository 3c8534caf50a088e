import { describe, expect, it } from 'vitest';
import { BytesMemo, Key32Memo } from '../src/memo.js';

/** A 32-byte key: `head` in its first four bytes, `tail` in its last. */
function key(head: number[], tail: number): Uint8Array {
  const k = new Uint8Array(32);
  k.set(head, 0);
  k[31] = tail;
  return k;
}

describe('Key32Memo', () => {
  it('computes once per key and returns the stored value after', () => {
    const memo = new Key32Memo<string>();
    let calls = 0;
    const f = (k: Uint8Array) => memo.get(k, () => `v${++calls}:${k[31]}`);
    expect(f(key([1, 2, 3, 4], 9))).toBe('v1:9');
    expect(f(key([1, 2, 3, 4], 9))).toBe('v1:9');
    expect(calls).toBe(1);
  });

  it('keeps keys apart that share their leading bits (the lookup number)', () => {
    const memo = new Key32Memo<number>();
    // Same first three bytes and the same top six bits of the fourth: the same lookup number.
    const a = key([7, 7, 7, 0b1010_1100], 1);
    const b = key([7, 7, 7, 0b1010_1111], 1);
    const c = key([7, 7, 7, 0b1010_1100], 2);
    expect(memo.get(a, () => 1)).toBe(1);
    expect(memo.get(b, () => 2)).toBe(2);
    expect(memo.get(c, () => 3)).toBe(3);
    expect(memo.get(a, () => 4)).toBe(4);
    expect(memo.get(a, () => 5)).toBe(4);
  });

  it('does not keep the caller’s bytes: a key changed later is not found again', () => {
    const memo = new Key32Memo<number>();
    const k = key([1, 1, 1, 1], 1);
    memo.get(k, () => 1);
    k[31] = 2;
    expect(memo.get(k, () => 2)).toBe(2);
  });

  it('empties itself at its limit and keeps working', () => {
    const memo = new Key32Memo<number>(2);
    for (let i = 0; i < 5; i++) expect(memo.get(key([i, 0, 0, 0], 0), () => i)).toBe(i);
    expect(memo.get(key([4, 0, 0, 0], 0), () => -1)).toBe(4);
  });
});

describe('BytesMemo', () => {
  it('computes once per key and empties itself at its limit', () => {
    const memo = new BytesMemo<number>(2);
    let calls = 0;
    for (const k of ['a', 'b', 'a', 'c', 'a']) memo.get(k, () => ++calls);
    // a, b stored; a found; c clears (limit 2) and is stored; a computed again.
    expect(calls).toBe(4);
  });
});
